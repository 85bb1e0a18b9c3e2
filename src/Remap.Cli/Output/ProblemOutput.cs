using Remap.Cli.Client;
using Spectre.Console;

namespace Remap.Cli.Output;

/// <summary>Prints a server error the way compilers print theirs: file:line:column: severity code: message.</summary>
public static class ProblemOutput
{
    public static void Write(IAnsiConsole console, RemapApiException exception, string? fileName = null)
    {
        console.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Title)}");
        if (!string.IsNullOrWhiteSpace(exception.Detail))
        {
            console.MarkupLine($"  {Markup.Escape(exception.Detail)}");
        }

        foreach (var diagnostic in exception.Diagnostics)
        {
            var location = $"{fileName ?? "<source>"}:{diagnostic.Line}:{diagnostic.Column}";
            var colour = diagnostic.Severity.Equals("error", StringComparison.OrdinalIgnoreCase) ? "red" : "yellow";
            console.MarkupLine(
                $"{Markup.Escape(location)}: [{colour}]{Markup.Escape(diagnostic.Severity.ToLowerInvariant())} {Markup.Escape(diagnostic.Code)}[/]: {Markup.Escape(diagnostic.Message)}");
        }
    }
}
