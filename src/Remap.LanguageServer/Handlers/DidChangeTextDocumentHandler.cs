using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary><c>textDocument/didChange</c> with incremental ranges in UTF-16 positions, or whole-document changes.</summary>
internal sealed class DidChangeTextDocumentHandler(TextDocumentStore documents) : INotificationHandler<DidChangeTextDocumentParams>
{
    public string Method => "textDocument/didChange";

    public bool MutatesDocumentState => true;

    public Task HandleAsync(DidChangeTextDocumentParams parameters, CancellationToken cancellationToken)
    {
        documents.Change(parameters.TextDocument, parameters.ContentChanges ?? []);
        return Task.CompletedTask;
    }
}
