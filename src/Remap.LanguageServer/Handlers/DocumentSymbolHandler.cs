using Remap.Core.Language;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Features;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/documentSymbol</c>: the model with its layers and its training block as children, or a flat list of
/// <see cref="SymbolInformation"/> for clients without hierarchical symbols.
/// </summary>
internal sealed class DocumentSymbolHandler(ServerSession session, TextDocumentStore documents, DocumentAnalyzer analyzer) : IRequestHandler<DocumentSymbolParams, object[]>
{
    public string Method => "textDocument/documentSymbol";

    public bool MutatesDocumentState => false;

    public Task<object[]> HandleAsync(DocumentSymbolParams parameters, CancellationToken cancellationToken)
    {
        if (documents.Find(parameters.TextDocument.Uri) is not { } snapshot)
        {
            return Task.FromResult<object[]>([]);
        }

        var compilation = analyzer.Analyze(snapshot, cancellationToken);
        var model = ModelSymbol(compilation, snapshot);
        if (model is null)
        {
            return Task.FromResult<object[]>([]);
        }

        if (session.Capabilities.TextDocument?.DocumentSymbol?.HierarchicalDocumentSymbolSupport == true)
        {
            return Task.FromResult<object[]>([model]);
        }

        var flat = new List<object> { new SymbolInformation(model.Name, model.Kind, new Location(snapshot.Uri, model.Range), null) };
        flat.AddRange((model.Children ?? []).Select(child => new SymbolInformation(child.Name, child.Kind, new Location(snapshot.Uri, child.Range), model.Name)));
        return Task.FromResult(flat.ToArray());
    }

    private static DocumentSymbol? ModelSymbol(Compilation compilation, DocumentSnapshot snapshot)
    {
        var statements = compilation.Syntax.Statements.Where(statement => statement is not CommentLineSyntax).ToList();
        if (statements.Count == 0)
        {
            return null;
        }

        var children = new List<DocumentSymbol>();
        var layerNumber = 0;
        foreach (var statement in statements)
        {
            var range = snapshot.GetRange(statement.Span);
            switch (statement)
            {
                case LayerSyntax layer:
                    layerNumber++;
                    var shape = LayerShapes.Find(compilation, layer);
                    var detail = shape?.Output is { } output ? $"→ {output} · {CountFormat.Parameters(shape.Parameters)} params" : null;
                    var name = $"{layerNumber}. {snapshot.Text.Substring(layer.Span.Start, layer.Span.Length)}";
                    children.Add(new DocumentSymbol(name, detail, SymbolKind.Field, range, snapshot.GetRange(layer.Keyword.Span), null));
                    break;
                case TrainingBlockSyntax block:
                    var settings = block.Settings.Select(setting =>
                        new DocumentSymbol(setting.Name.Text, setting.Value?.Text, SymbolKind.Property, snapshot.GetRange(setting.Span), snapshot.GetRange(setting.Name.Span), null)).ToArray();
                    children.Add(new DocumentSymbol("training", null, SymbolKind.Object, range, snapshot.GetRange(block.Keyword.Span), settings));
                    break;
                case HeaderSyntax header when header.Kind != HeaderKind.Model:
                    children.Add(new DocumentSymbol(header.Keyword.Text, header.Value?.Text, SymbolKind.Property, range, snapshot.GetRange(header.Keyword.Span), null));
                    break;
            }
        }

        var modelHeader = compilation.Syntax.Headers.FirstOrDefault(header => header.Kind == HeaderKind.Model);
        var whole = snapshot.GetRange(TextSpan.FromBounds(statements[0].Span.Start, statements[^1].FullSpan.End));
        var selection = modelHeader is null ? snapshot.GetRange(new TextSpan(statements[0].Span.Start, 0)) : snapshot.GetRange(modelHeader.Span);
        var total = compilation.Shapes is { } shapes && LayerShapes.AllKnown(compilation) ? $"{CountFormat.Parameters(shapes.TotalParameters)} params" : null;
        return new DocumentSymbol(ModelNames.Of(compilation, snapshot.Uri), total, SymbolKind.Class, whole, selection, [.. children]);
    }
}
