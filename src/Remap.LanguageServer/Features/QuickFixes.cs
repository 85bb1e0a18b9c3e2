using Remap.Core.Diagnostics;
using Remap.Core.Language;
using Remap.Core.Model;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Protocol;
using CoreDiagnostic = Remap.Core.Diagnostics.Diagnostic;
using Diagnostic = Remap.LanguageServer.Protocol.Diagnostic;

namespace Remap.LanguageServer.Features;

/// <summary>
/// The quick fixes for the common errors: the closest layer, parameter or setting name for a misspelt one, <c>flatten</c>
/// before a dense layer on an image, and removing a pooling layer that no longer fits (or a flatten or relu that does nothing).
/// </summary>
internal static class QuickFixes
{
    private static readonly string[] LayerKeywords = [.. LayerCatalog.All.Select(definition => definition.Keyword)];

    public static IEnumerable<CodeAction> For(CoreDiagnostic diagnostic, Compilation compilation, DocumentSnapshot snapshot)
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
            case DiagnosticCodes.PoolLargerThanInput:
            case DiagnosticCodes.RedundantFlatten:
            case DiagnosticCodes.RepeatedActivation:
                return [RemoveLine(span, snapshot, lspDiagnostic, word.Split(' ')[0])];
            default:
                return [];
        }
    }

    private static LayerSyntax? LayerOf(Compilation compilation, int offset) => compilation.Syntax.FindStatement(offset) as LayerSyntax;

    private static IEnumerable<CodeAction> Rename(string word, string[] candidates, TextSpan span, Diagnostic diagnostic, DocumentSnapshot snapshot)
    {
        if (Suggestions.Closest(word, candidates) is not { } closest)
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
