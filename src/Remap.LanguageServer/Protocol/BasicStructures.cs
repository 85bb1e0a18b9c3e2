using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remap.LanguageServer.Protocol;

// The LSP 3.17 structures this server exchanges, named as the specification names them.
// Properties serialize in camelCase and null properties are left out (see ProtocolSerializer).

/// <summary>A zero-based line and a zero-based character offset counted in UTF-16 code units.</summary>
public sealed record Position(int Line, int Character);

/// <summary>A range between two positions; the end is exclusive.</summary>
public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record TextEdit(Range Range, string NewText);

public sealed record WorkspaceEdit(Dictionary<string, TextEdit[]> Changes);

/// <summary>A client command; C# cannot name a member as its type, so <see cref="CommandIdentifier"/> is the spec's <c>command</c>.</summary>
public sealed record Command(
    string Title,
    [property: JsonPropertyName("command")] string CommandIdentifier,
    JsonElement[]? Arguments = null);

public static class MarkupKind
{
    public const string PlainText = "plaintext";
    public const string Markdown = "markdown";
}

public sealed record MarkupContent(string Kind, string Value);

public sealed record TextDocumentParams(TextDocumentIdentifier TextDocument);

/// <summary>Error codes the specification defines beyond JSON-RPC's own.</summary>
public static class ErrorCodes
{
    public const int InvalidRequest = -32600;
    public const int ServerNotInitialized = -32002;
    public const int RequestCancelled = -32800;
}

/// <summary>An empty parameter object, for <c>initialized</c>.</summary>
public sealed record InitializedParams
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
