using Remap.Core.Language;
using Remap.Core.Shapes;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Features;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary><c>textDocument/inlayHint</c>: after each layer, its output shape and parameter count; at the end of the model line, the total; "?" from the first layer line with an error on.</summary>
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
        var known = LayerShapes.KnownCount(compilation);
        for (var index = 0; index < compilation.LayerSyntax.Length && index < shapes.Layers.Length; index++)
        {
            var position = snapshot.GetPosition(compilation.LayerSyntax[index].Span.End);
            if (position.Line >= firstLine && position.Line <= lastLine)
            {
                hints.Add(new InlayHint(position, LayerLabel(index < known ? shapes.Layers[index] : null), InlayHintKind.Type) { PaddingLeft = true });
            }
        }

        if (Total(compilation, snapshot) is { } total && total.Position.Line >= firstLine && total.Position.Line <= lastLine)
        {
            hints.Add(total);
        }

        return [.. hints];
    }

    // A layer after the first error gets "?": its numbers would come from substituted defaults.
    private static string LayerLabel(LayerShape? shape) => shape switch
    {
        null => "→ ?",
        { Output: null } => "→ ?",
        { Parameters: > 0 } => $"→ {shape.Output} · {CountFormat.Parameters(shape.Parameters)} params",
        _ => $"→ {shape.Output}",
    };

    // The total goes at the end of the model line, or of the first header, apart from the last layer's hint. A file without
    // headers gets it after that hint, behind a separator.
    private static InlayHint? Total(Compilation compilation, DocumentSnapshot snapshot)
    {
        if (compilation.Shapes is not { } shapes || compilation.LayerSyntax.IsEmpty)
        {
            return null;
        }

        var headers = compilation.Syntax.Headers.ToList();
        var anchor = headers.FirstOrDefault(header => header.Kind == HeaderKind.Model) ?? headers.FirstOrDefault();
        var separator = anchor is null ? "· " : "";
        var position = snapshot.GetPosition(anchor?.Span.End ?? compilation.LayerSyntax[^1].Span.End);
        if (!LayerShapes.AllKnown(compilation))
        {
            return new InlayHint(position, separator + "total ? params", InlayHintKind.Type)
            {
                PaddingLeft = true,
                Tooltip = new MarkupContent(MarkupKind.PlainText, "The parameter count is unknown until the errors in the layers are fixed"),
            };
        }

        return new InlayHint(position, $"{separator}total {CountFormat.Parameters(shapes.TotalParameters)} params", InlayHintKind.Type)
        {
            PaddingLeft = true,
            Tooltip = new MarkupContent(MarkupKind.PlainText, $"{shapes.TotalParameters:N0} trainable parameters in the whole network"),
        };
    }
}
