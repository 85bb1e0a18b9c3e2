namespace Remap.Core.Diagnostics;

public enum DiagnosticSeverity
{
    Error,
    Warning,
    Information,
}

/// <summary>
/// A problem found in a .remap file. <see cref="Start"/> and <see cref="Length"/> are UTF-16 offsets
/// into the text; lines and columns are 1-based and count UTF-16 code units, as editors show them.
/// </summary>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    int Start,
    int Length,
    int Line,
    int Column,
    int EndLine,
    int EndColumn)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{Line}:{Column}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
