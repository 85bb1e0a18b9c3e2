using Remap.Core.Language;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Features;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary><c>textDocument/foldingRange</c>: runs of two or more comment lines, and the training block.</summary>
internal sealed class FoldingRangeHandler(TextDocumentStore documents, DocumentAnalyzer analyzer) : IRequestHandler<FoldingRangeParams, FoldingRange[]>
{
    public string Method => "textDocument/foldingRange";

    public bool MutatesDocumentState => false;

    public Task<FoldingRange[]> HandleAsync(FoldingRangeParams parameters, CancellationToken cancellationToken)
    {
        if (documents.Find(parameters.TextDocument.Uri) is not { } snapshot)
        {
            return Task.FromResult<FoldingRange[]>([]);
        }

        var syntax = analyzer.Analyze(snapshot, cancellationToken).Syntax;
        var ranges = new List<FoldingRange>();
        int? runStart = null;
        var runEnd = 0;
        foreach (var statement in syntax.Statements)
        {
            var line = statement.Line - 1;
            if (statement is CommentLineSyntax && runStart is not null && line == runEnd + 1)
            {
                runEnd = line;
                continue;
            }

            AddRun(ranges, runStart, runEnd);
            runStart = statement is CommentLineSyntax ? line : null;
            runEnd = line;
            if (statement is TrainingBlockSyntax block)
            {
                var endLine = snapshot.GetPosition((block.CloseBrace ?? block.Tokens().Last()).Span.Start).Line;
                if (endLine > line)
                {
                    ranges.Add(new FoldingRange(line, endLine, FoldingRangeKind.Region));
                }
            }
        }

        AddRun(ranges, runStart, runEnd);
        return Task.FromResult(ranges.ToArray());
    }

    private static void AddRun(List<FoldingRange> ranges, int? start, int end)
    {
        if (start is { } first && end > first)
        {
            ranges.Add(new FoldingRange(first, end, FoldingRangeKind.Comment));
        }
    }
}
