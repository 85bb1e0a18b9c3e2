using Remap.Cli.Client;
using Spectre.Console;

namespace Remap.Cli.Output;

/// <summary>
/// Prints a server error on standard error. Diagnostics come out the way compilers print theirs,
/// one line each (<c>file:line:column: severity code: message</c>), for editors' problem matchers.
/// </summary>
public static class ProblemOutput
{
    /// <summary>Prints the error; <paramref name="optionNames"/> maps request fields (<c>training.epochs</c>) to the options that set them (<c>--epochs</c>).</summary>
    public static void Write(
        RemapApiException exception,
        string? fileName = null,
        IReadOnlyDictionary<string, string>? optionNames = null)
    {
        var console = Terminal.Error;
        console.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Title)}");

        // The detail of an architecture problem repeats its diagnostics, so print the list alone.
        if (exception.Diagnostics.Count == 0 && !string.IsNullOrWhiteSpace(exception.Detail))
        {
            console.MarkupLine($"  {Markup.Escape(exception.Detail)}");
        }

        foreach (var (field, messages) in exception.FieldErrors)
        {
            var name = optionNames is not null && optionNames.TryGetValue(field, out var option) ? option : field;
            foreach (var message in messages)
            {
                console.MarkupLine($"  {Markup.Escape(name)}: {Markup.Escape(message)}");
            }
        }

        var writer = console.Profile.Out.Writer;
        foreach (var diagnostic in exception.Diagnostics)
        {
            writer.WriteLine(
                $"{fileName ?? "<source>"}:{diagnostic.Line}:{diagnostic.Column}: {diagnostic.Severity.ToLowerInvariant()} {diagnostic.Code}: {diagnostic.Message}");
        }

        if (Hint(exception.StatusCode) is { } hint)
        {
            console.MarkupLine($"  [grey]{Markup.Escape(hint)}[/]");
        }
    }

    /// <summary>Prints an error found before any request was sent.</summary>
    public static void WriteError(string message) =>
        Terminal.Error.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");

    private static string? Hint(int statusCode) => statusCode switch
    {
        401 => "This server requires an API key: pass --api-key KEY or set REMAP_API_KEY.",
        404 => "`remap models` and `remap jobs` list the existing ids.",
        _ => null,
    };
}
