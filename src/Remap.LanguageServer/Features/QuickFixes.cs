using System.Globalization;
using Remap.Core.Diagnostics;
using Remap.Core.Language;
using Remap.Core.Model;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Protocol;
using CoreDiagnostic = Remap.Core.Diagnostics.Diagnostic;
using Diagnostic = Remap.LanguageServer.Protocol.Diagnostic;

namespace Remap.LanguageServer.Features;

/// <summary>
/// The quick fixes for the errors whose message states the fix: the closest layer, parameter, setting, optimizer or dataset
/// name for a misspelt one, <c>flatten</c> before a dense layer on an image, removing a pooling layer that no longer fits
/// (or a flatten or relu that does nothing) or a parameter written twice, one unit per class on the last dense layer, a
/// last dense layer, and the '}' of an unclosed training block.
/// </summary>
internal static class QuickFixes
{
    private static readonly string[] LayerKeywords = [.. LayerCatalog.All.Select(definition => definition.Keyword)];

    /// <param name="datasets">The dataset names known now, for a misspelt dataset name.</param>
    public static IEnumerable<CodeAction> For(CoreDiagnostic diagnostic, Compilation compilation, DocumentSnapshot snapshot, IReadOnlyCollection<string> datasets)
    {
        var lspDiagnostic = DiagnosticConverter.Convert(diagnostic, snapshot);
        var span = new TextSpan(diagnostic.Start, diagnostic.Length);
        var word = snapshot.Text.Substring(span.Start, span.Length);
        switch (diagnostic.Code)
        {
            case DiagnosticCodes.UnknownLayer:
                return Rename(word, LayerKeywords, span, lspDiagnostic, snapshot);
            case DiagnosticCodes.UnknownParameter when LayerOf(compilation, span.Start)?.Definition is { } definition:
                return Rename(word, [.. definition.Parameters.Select(parameter => parameter.Name)], span, lspDiagnostic, snapshot);
            case DiagnosticCodes.UnknownSetting:
                return Rename(word, [.. TrainingSettingCatalog.All.Select(setting => setting.Name)], span, lspDiagnostic, snapshot);
            case DiagnosticCodes.DenseOnImage:
                return InsertBefore(span, snapshot, lspDiagnostic, "flatten", "globalavgpool");
            case DiagnosticCodes.InvalidSettingValue when SettingOf(compilation, span) is { Keywords.IsEmpty: false } setting:
                return Rename(word, [.. setting.Keywords], span, lspDiagnostic, snapshot);
            case DiagnosticCodes.UnknownDataset:
            case DiagnosticCodes.MissingInput or DiagnosticCodes.MissingClasses when IsDatasetName(compilation, span):
                return Rename(word, [.. datasets], span, lspDiagnostic, snapshot);
            case DiagnosticCodes.DuplicateParameter:
                return [RemoveArgument(span, snapshot, lspDiagnostic, word)];
            case DiagnosticCodes.UnitsDisagreeWithClasses when LayerOf(compilation, span.Start) is { } layer && compilation.Classes is { } classes:
                return [SetUnits(layer, classes, snapshot, lspDiagnostic)];
            case DiagnosticCodes.FinalLayerNotDense when compilation.Classes is { } classes:
                return [InsertAfter(span, snapshot, lspDiagnostic, $"dense units={classes}")];
            case DiagnosticCodes.UnclosedTrainingBlock when compilation.Syntax.FindStatement(span.Start) is TrainingBlockSyntax block:
                return [InsertAfter(block.Span, snapshot, lspDiagnostic, "}", indent: false)];
            case DiagnosticCodes.PoolLargerThanInput:
            case DiagnosticCodes.RedundantFlatten:
            case DiagnosticCodes.RepeatedActivation:
                return [RemoveLine(span, snapshot, lspDiagnostic, word.Split(' ')[0])];
            default:
                return [];
        }
    }

    private static LayerSyntax? LayerOf(Compilation compilation, int offset) => compilation.Syntax.FindStatement(offset) as LayerSyntax;

    private static TrainingSettingSchema? SettingOf(Compilation compilation, TextSpan valueSpan) =>
        compilation.Syntax.TrainingBlocks.SelectMany(block => block.Settings).FirstOrDefault(setting => setting.Value?.Span == valueSpan) is { } setting
            ? TrainingSettingCatalog.Find(setting.Name.Text)
            : null;

    private static bool IsDatasetName(Compilation compilation, TextSpan span) =>
        compilation.Syntax.Headers.Any(header => header.Kind == HeaderKind.Dataset && header.Value?.Span == span);

    private static IEnumerable<CodeAction> Rename(string word, string[] candidates, TextSpan span, Diagnostic diagnostic, DocumentSnapshot snapshot)
    {
        if (Suggestions.Closest(word, candidates) is not { } closest || closest == word)
        {
            yield break;
        }

        yield return Action($"Change '{word}' to '{closest}'", diagnostic, snapshot.Uri, new TextEdit(snapshot.GetRange(span), closest), preferred: true);
    }

    private static IEnumerable<CodeAction> InsertBefore(TextSpan span, DocumentSnapshot snapshot, Diagnostic diagnostic, params string[] keywords)
    {
        var line = snapshot.Lines.GetLine(span.Start);
        var indentation = snapshot.Text[line.Start..span.Start];
        var newline = line.EndIncludingBreak > line.End ? snapshot.Text[line.End..line.EndIncludingBreak] : "\n";
        var at = snapshot.GetPosition(span.Start);
        for (var index = 0; index < keywords.Length; index++)
        {
            var edit = new TextEdit(new Range(at, at), keywords[index] + newline + indentation);
            yield return Action($"Insert {keywords[index]} before this dense layer", diagnostic, snapshot.Uri, edit, preferred: index == 0);
        }
    }

    // Inserts a line after the one that contains the end of the span, with the indentation of the span's first line.
    private static CodeAction InsertAfter(TextSpan span, DocumentSnapshot snapshot, Diagnostic diagnostic, string text, bool indent = true)
    {
        var first = snapshot.Lines.GetLine(span.Start);
        var last = snapshot.Lines.GetLine(span.End);
        var firstText = snapshot.Text[first.Start..first.End];
        var indentation = indent ? firstText[..(firstText.Length - firstText.TrimStart(' ', '\t').Length)] : "";
        var newline = last.EndIncludingBreak > last.End ? snapshot.Text[last.End..last.EndIncludingBreak] : "\n";
        var at = snapshot.GetPosition(last.End);
        return Action($"Add '{text}' after this line", diagnostic, snapshot.Uri, new TextEdit(new Range(at, at), newline + indentation + text), preferred: true);
    }

    private static CodeAction SetUnits(LayerSyntax layer, int classes, DocumentSnapshot snapshot, Diagnostic diagnostic)
    {
        var title = $"Set units={classes}";
        if (layer.Arguments.FirstOrDefault(argument => argument.Name.Text == "units") is { Value: { } value })
        {
            return Action(title, diagnostic, snapshot.Uri, new TextEdit(snapshot.GetRange(value.Span), classes.ToString(CultureInfo.InvariantCulture)), preferred: true);
        }

        var end = snapshot.GetPosition(layer.Span.End);
        return Action(title, diagnostic, snapshot.Uri, new TextEdit(new Range(end, end), $" units={classes}"), preferred: true);
    }

    // Removes the later of two arguments with the same name, with the spaces before it.
    private static CodeAction RemoveArgument(TextSpan span, DocumentSnapshot snapshot, Diagnostic diagnostic, string argument)
    {
        var start = span.Start;
        while (start > 0 && snapshot.Text[start - 1] is ' ' or '\t')
        {
            start--;
        }

        var range = snapshot.GetRange(TextSpan.FromBounds(start, span.End));
        return Action($"Remove the second '{argument}'", diagnostic, snapshot.Uri, new TextEdit(range, ""), preferred: true);
    }

    private static CodeAction RemoveLine(TextSpan span, DocumentSnapshot snapshot, Diagnostic diagnostic, string keyword)
    {
        var line = snapshot.Lines.GetLine(span.Start);
        var range = new Range(snapshot.GetPosition(line.Start), snapshot.GetPosition(line.EndIncludingBreak));
        if (line.EndIncludingBreak == line.End && line.Number > 1)
        {
            // The last line has no break of its own, so remove the one before it.
            var previous = snapshot.Lines.Lines[line.Number - 2];
            range = new Range(snapshot.GetPosition(previous.End), snapshot.GetPosition(line.End));
        }

        return Action($"Remove this {keyword} layer", diagnostic, snapshot.Uri, new TextEdit(range, ""), preferred: true);
    }

    private static CodeAction Action(string title, Diagnostic diagnostic, string uri, TextEdit edit, bool preferred) =>
        new(title, CodeActionKind.QuickFix, [diagnostic], preferred, new WorkspaceEdit(new Dictionary<string, TextEdit[]> { [uri] = [edit] }));
}
