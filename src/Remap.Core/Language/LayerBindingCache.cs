using Remap.Core.Diagnostics;
using Remap.Core.Model;

namespace Remap.Core.Language;

/// <summary>
/// The bound layers of earlier versions of one document, keyed by the layer line's source text. Binding a layer line
/// depends only on that text, so an unchanged or moved line reuses its <see cref="Layer"/> and its diagnostics, which are
/// kept relative to the line's start. Not thread-safe: <see cref="IncrementalCompiler"/> serialises its use.
/// </summary>
internal sealed class LayerBindingCache
{
    // Starting over past this many entries bounds what typing can grow the cache to; a file with more distinct layer lines only loses reuse.
    private const int MaximumEntries = 4096;

    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public Layer? Bind(LayerSyntax syntax, string text, DiagnosticBag diagnostics)
    {
        var source = text.AsSpan(syntax.Span.Start, syntax.Span.Length);
        if (entries.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(source, out var entry))
        {
            foreach (var diagnostic in entry.Diagnostics)
            {
                diagnostics.Report(diagnostic.Code, diagnostic.Severity, new TextSpan(syntax.Span.Start + diagnostic.Offset, diagnostic.Length), diagnostic.Message);
            }

            return entry.Layer;
        }

        var before = diagnostics.Count;
        var layer = LayerBinder.Bind(syntax, diagnostics);
        var reported = diagnostics.Since(before)
            .Select(diagnostic => new RelativeDiagnostic(diagnostic.Code, diagnostic.Severity, diagnostic.Message, diagnostic.Start - syntax.Span.Start, diagnostic.Length))
            .ToArray();
        if (entries.Count >= MaximumEntries)
        {
            entries.Clear();
        }

        entries[source.ToString()] = new Entry(layer, reported);
        return layer;
    }

    private sealed record Entry(Layer? Layer, RelativeDiagnostic[] Diagnostics);

    private sealed record RelativeDiagnostic(string Code, DiagnosticSeverity Severity, string Message, int Offset, int Length);
}
