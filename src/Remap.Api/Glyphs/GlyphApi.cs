using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Remap.Api.Infrastructure;
using Remap.Engine.Store;

namespace Remap.Api.Glyphs;

public static class GlyphApi
{
    public static RouteGroupBuilder MapGlyphApi(this RouteGroupBuilder api)
    {
        api.MapGet("/models/{id:long}/glyph.svg", GetGlyph)
            .WithTags("Models")
            .WithName("GetModelGlyph")
            .WithSummary("The architecture chip as SVG: one block per layer, coloured by kind, its height growing with the log of the layer's output size")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <param name="id">The model id, as GET /api/v1/models lists it.</param>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetGlyph(long id, RemapDbContext context, CancellationToken cancellationToken)
    {
        var layerTable = await context.Models.Where(model => model.Id == id).Select(model => model.LayerTableJson).SingleOrDefaultAsync(cancellationToken);
        if (layerTable is null)
        {
            return Problems.NotFound("Model", id);
        }

        var svg = ArchitectureGlyph.Draw(StoreJson.Deserialize<List<LayerTableRow>>(layerTable));
        return TypedResults.Content(svg, "image/svg+xml", Encoding.UTF8);
    }
}

/// <summary>
/// Draws the architecture chip: blocks left to right, bottom-aligned, one per layer. A block's height is
/// 4 + 6·log10(1 + output values), capped at 44 pixels, so a 784-value layer is about 21 pixels high and
/// a million-value one 40; the colour stands for the layer kind. Each block's title gives the layer and its shape.
/// </summary>
public static class ArchitectureGlyph
{
    public const int BlockWidth = 10;
    public const int Gap = 2;
    public const int Height = 48;

    private static readonly Dictionary<string, string> Colours = new(StringComparer.Ordinal)
    {
        ["conv2d"] = "#4e79a7",
        ["maxpool2d"] = "#f28e2b",
        ["avgpool2d"] = "#ffbe7d",
        ["dense"] = "#e15759",
        ["dropout"] = "#bab0ac",
        ["relu"] = "#59a14f",
        ["tanh"] = "#8cd17d",
        ["sigmoid"] = "#b6992d",
        ["leaky_relu"] = "#499894",
        ["gelu"] = "#86bcb6",
        ["batchnorm2d"] = "#b07aa1",
        ["flatten"] = "#9c755f",
        ["globalavgpool"] = "#d4a6c8",
    };

    public static string Draw(IReadOnlyList<LayerTableRow> layers)
    {
        var width = Math.Max(1, layers.Count * (BlockWidth + Gap) - Gap);
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height}\" viewBox=\"0 0 {width} {Height}\" role=\"img\">");
        builder.Append(CultureInfo.InvariantCulture, $"<title>{layers.Count} layers</title>");
        foreach (var (layer, index) in layers.Select((layer, index) => (layer, index)))
        {
            var values = layer.OutputShape.Aggregate(1.0, (product, dimension) => product * dimension);
            var blockHeight = BlockHeight(values);
            var x = index * (BlockWidth + Gap);
            var colour = Colours.GetValueOrDefault(layer.Kind, "#666666");
            var title = WebUtility.HtmlEncode($"{index + 1}. {layer.Text} → {string.Join('×', layer.OutputShape)}");
            builder.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x}\" y=\"{Height - blockHeight:0.##}\" width=\"{BlockWidth}\" height=\"{blockHeight:0.##}\" fill=\"{colour}\" data-kind=\"{layer.Kind}\"><title>{title}</title></rect>");
        }

        builder.Append("</svg>");
        return builder.ToString();
    }

    public static double BlockHeight(double outputValues) => Math.Min(44, 4 + 6 * Math.Log10(1 + outputValues));
}
