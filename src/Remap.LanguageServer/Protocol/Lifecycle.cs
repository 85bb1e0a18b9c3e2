using System.Text.Json;

namespace Remap.LanguageServer.Protocol;

public sealed record ClientInfo(string Name, string? Version = null);

public sealed record InitializeParams
{
    public int? ProcessId { get; init; }

    public ClientInfo? ClientInfo { get; init; }

    public string? RootUri { get; init; }

    public JsonElement? InitializationOptions { get; init; }

    public ClientCapabilities Capabilities { get; init; } = new();

    public string? Trace { get; init; }
}

/// <summary>The client capabilities this server reads; the rest of the client's object is ignored.</summary>
public sealed record ClientCapabilities
{
    public WorkspaceClientCapabilities? Workspace { get; init; }

    public TextDocumentClientCapabilities? TextDocument { get; init; }
}

public sealed record WorkspaceClientCapabilities
{
    public bool? Configuration { get; init; }

    public DidChangeConfigurationClientCapabilities? DidChangeConfiguration { get; init; }

    public DiagnosticWorkspaceClientCapabilities? Diagnostics { get; init; }

    public RefreshClientCapabilities? InlayHint { get; init; }

    public RefreshClientCapabilities? CodeLens { get; init; }
}

public sealed record DidChangeConfigurationClientCapabilities(bool? DynamicRegistration = null);

public sealed record DiagnosticWorkspaceClientCapabilities(bool? RefreshSupport = null);

/// <summary>The <c>refreshSupport</c> flag shared by the inlay hint and code lens workspace capabilities.</summary>
public sealed record RefreshClientCapabilities(bool? RefreshSupport = null);

public sealed record TextDocumentClientCapabilities
{
    public DiagnosticClientCapabilities? Diagnostic { get; init; }

    public PublishDiagnosticsClientCapabilities? PublishDiagnostics { get; init; }

    public CompletionClientCapabilities? Completion { get; init; }

    public HoverClientCapabilities? Hover { get; init; }

    public DocumentSymbolClientCapabilities? DocumentSymbol { get; init; }
}

public sealed record DiagnosticClientCapabilities(bool? DynamicRegistration = null, bool? RelatedDocumentSupport = null);

public sealed record PublishDiagnosticsClientCapabilities(bool? VersionSupport = null);

public sealed record CompletionClientCapabilities(CompletionItemClientCapabilities? CompletionItem = null);

public sealed record CompletionItemClientCapabilities(bool? SnippetSupport = null, string[]? DocumentationFormat = null);

public sealed record HoverClientCapabilities(string[]? ContentFormat = null);

public sealed record DocumentSymbolClientCapabilities(bool? HierarchicalDocumentSymbolSupport = null);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record ServerInfo(string Name, string? Version);

public static class TextDocumentSyncKind
{
    public const int None = 0;
    public const int Full = 1;
    public const int Incremental = 2;
}

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change);

public sealed record ServerCapabilities
{
    public required TextDocumentSyncOptions TextDocumentSync { get; init; }

    public string PositionEncoding { get; init; } = "utf-16";

    public DiagnosticOptions? DiagnosticProvider { get; init; }

    public CompletionOptions? CompletionProvider { get; init; }

    public bool HoverProvider { get; init; }

    public bool InlayHintProvider { get; init; }

    public CodeLensOptions? CodeLensProvider { get; init; }

    public CodeActionOptions? CodeActionProvider { get; init; }

    public bool DocumentFormattingProvider { get; init; }

    public bool DocumentSymbolProvider { get; init; }

    public SemanticTokensOptions? SemanticTokensProvider { get; init; }

    public bool FoldingRangeProvider { get; init; }
}
