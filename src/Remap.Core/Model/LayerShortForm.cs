namespace Remap.Core.Model;

/// <summary>
/// Compact layer names for tables and glyphs, such as <c>conv32k3</c>, <c>max2</c>, <c>dense128</c>, <c>drop0.5</c>.
/// A stride or padding appears only when it differs from the usual value (stride 1 or the pooling size, padding 0).
/// </summary>
public static class LayerShortForm
{
    public static string Format(Layer layer) => layer.Kind switch
    {
        LayerKind.Conv2d => $"conv{layer.GetInt("filters")}k{layer.GetInt("kernel")}"
            + (layer.GetInt("stride") != 1 ? $"s{layer.GetInt("stride")}" : "")
            + (layer.GetInt("padding") != 0 ? $"p{layer.GetInt("padding")}" : ""),
        LayerKind.MaxPool2d => $"max{Pooling(layer)}",
        LayerKind.AvgPool2d => $"avg{Pooling(layer)}",
        LayerKind.Dense => $"dense{layer.GetInt("units")}",
        LayerKind.Dropout => $"drop{Layer.FormatNumber(layer.GetNumber("rate"))}",
        LayerKind.LeakyRelu => $"lrelu{Layer.FormatNumber(layer.GetNumber("slope"))}",
        LayerKind.BatchNorm2d => "bn",
        LayerKind.Flatten => "flat",
        LayerKind.GlobalAvgPool => "gap",
        _ => LayerCatalog.Get(layer.Kind).Keyword,
    };

    /// <summary>Joins the short forms with " → ".</summary>
    public static string Format(IEnumerable<Layer> layers) => string.Join(" → ", layers.Select(Format));

    private static string Pooling(Layer layer)
    {
        var size = layer.GetInt("size");
        var stride = layer.GetInt("stride");
        return stride == size ? $"{size}" : $"{size}s{stride}";
    }
}
