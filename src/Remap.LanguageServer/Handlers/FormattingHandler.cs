using Remap.Core.Language;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary><c>textDocument/formatting</c> with Remap.Core's canonical formatter, indenting with the client's tabSize and insertSpaces; a file with syntax errors is left as it is.</summary>
internal sealed class FormattingHandler(TextDocumentStore documents) : IRequestHandler<DocumentFormattingParams, TextEdit[]>
{
    public string Method => "textDocument/formatting";

    public bool MutatesDocumentState => false;

    public Task<TextEdit[]> HandleAsync(DocumentFormattingParams parameters, CancellationToken cancellationToken)
    {
        if (documents.Find(parameters.TextDocument.Uri) is not { } snapshot)
        {
            return Task.FromResult<TextEdit[]>([]);
        }

        // The client's indentation applies to the training block; every other rule stays the canonical formatter's.
        var options = parameters.Options;
        var indent = options is { InsertSpaces: false } ? "\t" : new string(' ', Math.Clamp(options?.TabSize ?? 2, 1, 16));
        var formatted = RemapFormatter.Format(snapshot.Text, indent, cancellationToken);
        TextEdit[] edits = formatted == snapshot.Text ? [] : [new TextEdit(snapshot.WholeDocument, formatted)];
        return Task.FromResult(edits);
    }
}
