using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Features;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary><c>textDocument/inlayHint</c>: after each layer, its output shape and parameter count; after the last layer, the total.</summary>
internal sealed class InlayHintHandler(TextDocumentStore documents, DocumentAnalyzer analyzer) : IRequestHandler<InlayHintParams, InlayHint[]>
{
    public string Method => "textDocument/inlayHint";

    public bool MutatesDocumentState => false;

    public async Task<InlayHint[]> HandleAsync(InlayHintParams parameters, CancellationToken cancellationToken)
    {
        await analyzer.Settings.WhenFirstReadAsync(cancellationToken).ConfigureAwait(false);
        if (documents.Find(parameters.TextDocument.Uri) is not { } snapshot)
        {
            return [];
        }

        var compilation = analyzer.Analyze(snapshot, cancellationToken);
        if (compilation.Shapes is not { } shapes)
        {
            return [];
        }

        var hints = new List<InlayHint>();
        var firstLine = parameters.Range.Start.Line;
        var lastLine = parameters.Range.End.Line;
        for (var index = 0; index < compilation.LayerSyntax.Length && index < shapes.Layers.Length; index++)
        {
            var layer = compilation.LayerSyntax[index];
            var shape = shapes.Layers[index];
            var position = snapshot.GetPosition(layer.Span.End);
            if (position.Line < firstLine || position.Line > lastLine)
            {
                continue;
            }

            var output = shape.Output?.ToString() ?? "?";
            var label = shape.Parameters > 0 ? $"→ {output} · {CountFormat.Parameters(shape.Parameters)} params" : $"→ {output}";
            hints.Add(new InlayHint(position, label, InlayHintKind.Type) { PaddingLeft = true });
            if (index == compilation.LayerSyntax.Length - 1)
            {
                var total = $"total {CountFormat.Parameters(shapes.TotalParameters)} params";
                hints.Add(new InlayHint(position, total, InlayHintKind.Type)
                {
                    PaddingLeft = true,
                    Tooltip = new MarkupContent(MarkupKind.PlainText, $"{shapes.TotalParameters:N0} trainable parameters in the whole network"),
                });
            }
        }

        return [.. hints];
    }
}
