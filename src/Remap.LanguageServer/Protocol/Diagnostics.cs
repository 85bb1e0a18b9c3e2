namespace Remap.LanguageServer.Protocol;

public enum DiagnosticSeverity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}

public enum DiagnosticTag
{
    Unnecessary = 1,
    Deprecated = 2,
}

public sealed record Diagnostic(Range Range, DiagnosticSeverity Severity, string Code, string Source, string Message)
{
    public DiagnosticTag[]? Tags { get; init; }
}

public sealed record PublishDiagnosticsParams(string Uri, int? Version, Diagnostic[] Diagnostics);

public sealed record DiagnosticOptions(string Identifier, bool InterFileDependencies, bool WorkspaceDiagnostics);

public sealed record DocumentDiagnosticParams(TextDocumentIdentifier TextDocument, string? Identifier = null, string? PreviousResultId = null);

public static class DocumentDiagnosticReportKind
{
    public const string Full = "full";
    public const string Unchanged = "unchanged";
}

/// <summary>A full or unchanged document diagnostic report: <see cref="Items"/> is null for <c>unchanged</c>.</summary>
public sealed record DocumentDiagnosticReport(string Kind, string? ResultId, Diagnostic[]? Items);
