using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Features;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary><c>textDocument/completion</c>.</summary>
internal sealed class CompletionHandler(ServerSession session, TextDocumentStore documents, SettingsStore settings) : IRequestHandler<CompletionParams, CompletionList>
{
    public string Method => "textDocument/completion";

    public bool MutatesDocumentState => false;

    public Task<CompletionList> HandleAsync(CompletionParams parameters, CancellationToken cancellationToken)
    {
        var result = documents.Find(parameters.TextDocument.Uri) is { } snapshot
            ? CompletionProvider.Complete(snapshot, parameters.Position, session.SupportsSnippets, settings.Current.ResolvableDatasets)
            : new CompletionList(false, []);
        return Task.FromResult(result);
    }
}
