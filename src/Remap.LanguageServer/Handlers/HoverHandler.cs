using Remap.Core.Language;
using Remap.Core.Model;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Features;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/hover</c>: on a layer, its documentation, input shape → output shape and parameter count; on a parameter
/// or a training setting, its meaning, default and range; on a header keyword, what it declares.
/// </summary>
internal sealed class HoverHandler(ServerSession session, TextDocumentStore documents, DocumentAnalyzer analyzer) : IRequestHandler<HoverParams, Hover?>
{
    public string Method => "textDocument/hover";

    public bool MutatesDocumentState => false;

    public Task<Hover?> HandleAsync(HoverParams parameters, CancellationToken cancellationToken)
    {
        if (documents.Find(parameters.TextDocument.Uri) is not { } snapshot)
        {
            return Task.FromResult<Hover?>(null);
        }

        var compilation = analyzer.Analyze(snapshot, cancellationToken);
        var offset = snapshot.GetOffset(parameters.Position);
        var token = compilation.Syntax.FindToken(offset);
        var statement = compilation.Syntax.FindStatement(offset);
        if (token is null || statement is null)
        {
            return Task.FromResult<Hover?>(null);
        }

        var text = Describe(compilation, statement, token);
        var hover = text is null ? null : new Hover(new MarkupContent(session.HoverMarkupKind, text), snapshot.GetRange(token.Span));
        return Task.FromResult(hover);
    }

    private static string? Describe(Compilation compilation, StatementSyntax statement, SyntaxToken token)
    {
        switch (statement)
        {
            case LayerSyntax layer when layer.Definition is { } definition:
                if (token == layer.Keyword)
                {
                    var shapes = LayerShapes.Find(compilation, layer) is { } shape ? LayerDocumentation.Shapes(shape) + "\n\n"
                        : compilation.Shapes is not null ? "Output shape and parameter count unknown: fix the errors on this line or the layers above first.\n\n"
                        : "";
                    return shapes + LayerDocumentation.Layer(definition);
                }

                var argument = layer.Arguments.FirstOrDefault(candidate => candidate.Span.Start <= token.Span.Start && token.Span.End <= candidate.Span.End);
                return argument is not null && definition.FindParameter(argument.Name.Text) is { } parameter
                    ? LayerDocumentation.Parameter(definition, parameter)
                    : null;
            case HeaderSyntax header when token == header.Keyword || token == header.Value:
                return LayerDocumentation.Header(header.Kind) + InputShapeNote(compilation, header);
            case TrainingBlockSyntax block:
                var setting = block.Settings.FirstOrDefault(candidate => candidate.Tokens().Contains(token));
                if (setting is not null && token.Kind != TokenKind.Comment)
                {
                    return TrainingSettingCatalog.Find(setting.Name.Text) is { } schema ? LayerDocumentation.Setting(schema) : null;
                }

                return token == block.Keyword ? LayerDocumentation.TrainingBlock : null;
            default:
                return null;
        }
    }

    private static string InputShapeNote(Compilation compilation, HeaderSyntax header)
    {
        if (header.Kind != HeaderKind.Input || compilation.Shapes is not { Layers.IsEmpty: false } shapes)
        {
            return "";
        }

        return LayerShapes.AllKnown(compilation)
            ? $"\n\nThe network maps {shapes.Layers[0].Input} to {shapes.Output?.ToString() ?? "an output that cannot be computed"} with {CountFormat.Parameters(shapes.TotalParameters)} parameters ({shapes.TotalParameters:N0})."
            : $"\n\nThe network takes {shapes.Layers[0].Input}; its output shape and parameter count are unknown until the errors in its layers are fixed.";
    }
}
