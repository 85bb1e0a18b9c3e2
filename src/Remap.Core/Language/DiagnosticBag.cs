using System.Collections.Immutable;
using Remap.Core.Diagnostics;

namespace Remap.Core.Language;

/// <summary>Collects diagnostics, turning spans into 1-based lines and UTF-16 columns.</summary>
internal sealed class DiagnosticBag(LineMap lines)
{
    private readonly List<Diagnostic> diagnostics = [];

    public int Count => diagnostics.Count;

    public void Error(string code, TextSpan span, string message) => Report(code, DiagnosticSeverity.Error, span, message);

    public void Warning(string code, TextSpan span, string message) => Report(code, DiagnosticSeverity.Warning, span, message);

    public void Report(string code, DiagnosticSeverity severity, TextSpan span, string message)
    {
        var (line, column) = lines.GetPosition(span.Start);
        var (endLine, endColumn) = lines.GetPosition(span.End);
        diagnostics.Add(new Diagnostic(code, severity, message, span.Start, span.Length, line, column, endLine, endColumn));
    }

    /// <summary>Returns the diagnostics reported since the bag held <paramref name="count"/> of them, in report order.</summary>
    public IEnumerable<Diagnostic> Since(int count) => diagnostics.Skip(count);

    public void Add(Diagnostic diagnostic) => diagnostics.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> others) => diagnostics.AddRange(others);

    public ImmutableArray<Diagnostic> ToSortedArray() =>
        [.. diagnostics.OrderBy(diagnostic => diagnostic.Start).ThenBy(diagnostic => diagnostic.Code, StringComparer.Ordinal)];
}
