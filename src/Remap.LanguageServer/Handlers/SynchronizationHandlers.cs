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
