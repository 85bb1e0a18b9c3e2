using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary><c>textDocument/didClose</c>.</summary>
internal sealed class DidCloseTextDocumentHandler(TextDocumentStore documents) : INotificationHandler<DidCloseTextDocumentParams>
{
    public string Method => "textDocument/didClose";

    public bool MutatesDocumentState => true;

    public Task HandleAsync(DidCloseTextDocumentParams parameters, CancellationToken cancellationToken)
    {
        documents.Close(parameters.TextDocument.Uri);
        return Task.CompletedTask;
    }
}
