using Remap.Core.Language;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Features;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary><c>textDocument/codeAction</c>: quick fixes for the diagnostics whose span meets the requested range.</summary>
internal sealed class CodeActionHandler(TextDocumentStore documents, DocumentAnalyzer analyzer) : IRequestHandler<CodeActionParams, CodeAction[]>
{
    public string Method => "textDocument/codeAction";

    public bool MutatesDocumentState => false;

    public Task<CodeAction[]> HandleAsync(CodeActionParams parameters, CancellationToken cancellationToken)
    {
        if (documents.Find(parameters.TextDocument.Uri) is not { } snapshot
            || parameters.Context?.Only is { } only && !only.Any(kind => kind == CodeActionKind.QuickFix || CodeActionKind.QuickFix.StartsWith(kind + ".", StringComparison.Ordinal)))
        {
            return Task.FromResult<CodeAction[]>([]);
        }

        // The fixes come from a fresh compilation of the current text, not from the client's copy of the diagnostics, which may be older.
        var compilation = analyzer.Analyze(snapshot, cancellationToken);
        // The whole lines of the range count, so a cursor anywhere on a line offers that line's fixes.
        var start = snapshot.Lines.GetLine(snapshot.GetOffset(parameters.Range.Start)).Start;
        var end = snapshot.Lines.GetLine(snapshot.GetOffset(parameters.Range.End)).End;
        var datasets = analyzer.Settings.Current.ResolvableDatasets.Keys.ToArray();
        var actions = compilation.Diagnostics
            .Where(diagnostic => diagnostic.Start <= end && start <= diagnostic.Start + diagnostic.Length)
            .SelectMany(diagnostic => QuickFixes.For(diagnostic, compilation, snapshot, datasets))
            .ToArray();
        return Task.FromResult(actions);
    }
}
