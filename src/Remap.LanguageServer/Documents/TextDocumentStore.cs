using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Documents;

/// <summary>The open documents, by URI. Changes are applied in the order the client sent them (the host dispatches messages one at a time).</summary>
internal sealed class TextDocumentStore(ILogger logger)
{
    private readonly ConcurrentDictionary<string, DocumentSnapshot> documents = new(StringComparer.Ordinal);

    /// <summary>Raised after a document is opened, with its first snapshot, before <see cref="Changed"/>.</summary>
    public event Action<DocumentSnapshot>? Opened;

    /// <summary>Raised after a document is opened or changed, with its new snapshot.</summary>
    public event Action<DocumentSnapshot>? Changed;

    /// <summary>Raised after a document is closed, with its URI.</summary>
    public event Action<string>? Closed;

    public IReadOnlyCollection<DocumentSnapshot> All => [.. documents.Values];

    public DocumentSnapshot? Find(string uri) => documents.GetValueOrDefault(uri);

    public void Open(TextDocumentItem item)
    {
        var snapshot = new DocumentSnapshot(item.Uri, item.Version, item.Text ?? "");
        documents[item.Uri] = snapshot;
        Opened?.Invoke(snapshot);
        Changed?.Invoke(snapshot);
    }

    /// <summary>Applies the changes of one <c>didChange</c> in order; returns false when the document is not open.</summary>
    public bool Change(VersionedTextDocumentIdentifier identifier, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        if (!documents.TryGetValue(identifier.Uri, out var current))
        {
            return false;
        }

        var text = current.Text;
        var snapshot = current;
        foreach (var change in changes)
        {
            WarnIfPastLastLine(snapshot, identifier.Version, change.Range);
            text = Apply(snapshot, change);
            snapshot = new DocumentSnapshot(identifier.Uri, identifier.Version, text);
        }

        documents[identifier.Uri] = snapshot;
        Changed?.Invoke(snapshot);
        return true;
    }

    public void Close(string uri)
    {
        if (documents.TryRemove(uri, out _))
        {
            Closed?.Invoke(uri);
        }
    }

    // In LSP 3.17 a character past the end of its line means the end of that line, but nothing is defined for a line past
    // the last one. GetOffset takes the end of the text, which keeps the text the client typed, and this warning shows that
    // the client's copy and the server's may now differ. The change is applied and diagnostics are published for the result.
    private void WarnIfPastLastLine(DocumentSnapshot snapshot, int version, Range? range)
    {
        var lastLine = snapshot.Lines.Lines.Length - 1;
        if (range is not null && Math.Max(range.Start.Line, range.End.Line) > lastLine)
        {
            Log.ChangeRangePastEnd(logger, snapshot.Uri, version, Math.Max(range.Start.Line, range.End.Line), lastLine);
        }
    }

    private static string Apply(DocumentSnapshot snapshot, TextDocumentContentChangeEvent change)
    {
        if (change.Range is null)
        {
            return change.Text ?? "";
        }

        var start = snapshot.GetOffset(change.Range.Start);
        var end = Math.Max(start, snapshot.GetOffset(change.Range.End));
        // One allocation of the new text: a builder would hold a second copy of a long document on every keystroke.
        return string.Concat(snapshot.Text.AsSpan(0, start), change.Text, snapshot.Text.AsSpan(end));
    }
}
