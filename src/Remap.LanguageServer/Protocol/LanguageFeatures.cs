using System.Text.Json;

namespace Remap.LanguageServer.Protocol;

public enum CompletionItemKind
{
    Text = 1,
    Method = 2,
    Function = 3,
    Field = 5,
    Variable = 6,
    Class = 7,
    Module = 9,
    Property = 10,
    Value = 12,
    Enum = 13,
    Keyword = 14,
    Snippet = 15,
    EnumMember = 20,
}

public enum InsertTextFormat
{
    PlainText = 1,
    Snippet = 2,
}

public sealed record CompletionOptions(string[] TriggerCharacters, bool ResolveProvider);

public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record CompletionItem(string Label, CompletionItemKind Kind)
{
    public string? Detail { get; init; }

    public MarkupContent? Documentation { get; init; }

    public string? SortText { get; init; }

    public string? FilterText { get; init; }

    public InsertTextFormat? InsertTextFormat { get; init; }

    public TextEdit? TextEdit { get; init; }

    public Command? Command { get; init; }
}

public sealed record CompletionList(bool IsIncomplete, CompletionItem[] Items);

public sealed record HoverParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record Hover(MarkupContent Contents, Range? Range);

public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

public enum InlayHintKind
{
    Type = 1,
    Parameter = 2,
}

public sealed record InlayHint(Position Position, string Label, InlayHintKind Kind)
{
    public bool? PaddingLeft { get; init; }

    public MarkupContent? Tooltip { get; init; }
}

public sealed record CodeLensOptions(bool ResolveProvider);

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

public sealed record CodeLens(Range Range, Command? Command, JsonElement? Data = null);

public static class CodeActionKind
{
    public const string QuickFix = "quickfix";
}

public sealed record CodeActionOptions(string[] CodeActionKinds, bool ResolveProvider);

public sealed record CodeActionContext(Diagnostic[] Diagnostics, string[]? Only = null);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

public sealed record CodeAction(string Title, string Kind, Diagnostic[] Diagnostics, bool IsPreferred, WorkspaceEdit Edit);

public sealed record FormattingOptions(int TabSize, bool InsertSpaces);

public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, FormattingOptions Options);

public enum SymbolKind
{
    File = 1,
    Module = 2,
    Namespace = 3,
    Class = 5,
    Method = 6,
    Property = 7,
    Field = 8,
    Function = 12,
    Variable = 13,
    Object = 19,
    Operator = 25,
}

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

public sealed record DocumentSymbol(string Name, string? Detail, SymbolKind Kind, Range Range, Range SelectionRange, DocumentSymbol[]? Children);

public sealed record SymbolInformation(string Name, SymbolKind Kind, Location Location, string? ContainerName);

public sealed record SemanticTokensLegend(string[] TokenTypes, string[] TokenModifiers);

public sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool Full, bool Range);

public sealed record SemanticTokensParams(TextDocumentIdentifier TextDocument);

public sealed record SemanticTokens(int[] Data);

public static class FoldingRangeKind
{
    public const string Comment = "comment";
    public const string Region = "region";
}

public sealed record FoldingRangeParams(TextDocumentIdentifier TextDocument);

public sealed record FoldingRange(int StartLine, int EndLine, string? Kind);
