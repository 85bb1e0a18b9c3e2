using System.Text.RegularExpressions;
using Remap.Cli.Client;
using Spectre.Console;

namespace Remap.Cli.Output;

/// <summary>
/// Prints a server error on standard error. Diagnostics come out the way compilers print theirs,
/// one line each (<c>file:line:column: severity code: message</c>), for editors' problem matchers.
/// </summary>
public static partial class ProblemOutput
{
    /// <summary>
    /// Prints the error; <paramref name="optionNames"/> maps request fields (<c>training.epochs</c>) to the options that set
    /// them (<c>--epochs</c>), so the field and the quoted name in its messages become the option the user typed.
    /// </summary>
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
            console.MarkupLine($"  {Markup.Escape(ForCommandLine(exception.Detail, optionNames))}");
        }

        foreach (var (field, messages) in exception.FieldErrors)
        {
            var name = OptionName(field, optionNames);
            foreach (var message in messages)
            {
                // "'count' must be …" reads "--count must be …"; repeating the name in front would print it twice.
                var text = ForCommandLine(message, optionNames);
                console.MarkupLine(text.StartsWith(name, StringComparison.Ordinal)
                    ? $"  {Markup.Escape(text)}"
                    : $"  {Markup.Escape(name)}: {Markup.Escape(text)}");
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

    /// <summary>Returns the option that sets a request field; an element of a list (<c>layers[0]</c>) maps as the list does.</summary>
    private static string OptionName(string field, IReadOnlyDictionary<string, string>? optionNames)
    {
        var listField = ListIndex().Replace(field, "");
        return optionNames?.FirstOrDefault(pair => string.Equals(pair.Key, listField, StringComparison.OrdinalIgnoreCase)).Value ?? field;
    }

    /// <summary>Rewrites a server message in command-line terms: quoted request fields become options, API routes become commands.</summary>
    private static string ForCommandLine(string message, IReadOnlyDictionary<string, string>? optionNames)
    {
        var text = QuotedField().Replace(message, match =>
        {
            var field = match.Groups[1].Value;
            var option = OptionName(field, optionNames);
            return option == field ? match.Value : option;
        });

        // The server's message names the POST route for HTTP clients. Here the command that does it is `remap train`.
        return text.Replace("POST /api/v1/models with the same source", "`remap train FILE` with the same .remap file", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"'([A-Za-z][A-Za-z0-9.]*(?:\[\d+\])?)'")]
    private static partial Regex QuotedField();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ListIndex();

    private static string? Hint(int statusCode) => statusCode switch
    {
        401 => "This server requires an API key: pass --api-key KEY or set REMAP_API_KEY.",
        404 => "`remap models` and `remap jobs` list the existing ids.",
        _ => null,
    };
}
