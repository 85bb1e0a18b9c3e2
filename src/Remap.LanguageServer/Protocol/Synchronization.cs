namespace Remap.LanguageServer.Protocol;

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

/// <summary>One change: with a range it replaces that range, without one it replaces the whole document.</summary>
public sealed record TextDocumentContentChangeEvent(string Text, Range? Range = null, int? RangeLength = null);

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);
