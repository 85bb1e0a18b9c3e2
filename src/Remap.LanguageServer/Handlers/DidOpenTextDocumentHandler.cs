using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary><c>textDocument/didOpen</c>.</summary>
internal sealed class DidOpenTextDocumentHandler(TextDocumentStore documents) : INotificationHandler<DidOpenTextDocumentParams>
{
    public string Method => "textDocument/didOpen";

    public bool MutatesDocumentState => true;

    public Task HandleAsync(DidOpenTextDocumentParams parameters, CancellationToken cancellationToken)
    {
        documents.Open(parameters.TextDocument);
        return Task.CompletedTask;
    }
}
