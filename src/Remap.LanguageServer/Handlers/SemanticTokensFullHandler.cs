using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Features;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary><c>textDocument/semanticTokens/full</c>.</summary>
internal sealed class SemanticTokensFullHandler(TextDocumentStore documents, DocumentAnalyzer analyzer) : IRequestHandler<SemanticTokensParams, SemanticTokens>
{
    public string Method => "textDocument/semanticTokens/full";

    public bool MutatesDocumentState => false;

    public Task<SemanticTokens> HandleAsync(SemanticTokensParams parameters, CancellationToken cancellationToken)
    {
        var data = documents.Find(parameters.TextDocument.Uri) is { } snapshot
            ? SemanticTokenEncoder.Encode(analyzer.Analyze(snapshot, cancellationToken), snapshot)
            : [];
        return Task.FromResult(new SemanticTokens(data));
    }
}
