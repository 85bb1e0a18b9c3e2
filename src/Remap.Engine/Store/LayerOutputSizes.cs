using System.Globalization;
using Remap.Core.Shapes;

namespace Remap.Engine.Store;

/// <summary>
/// The number of values each layer outputs, as the store keeps it: comma-separated whole numbers in layer order. A layer
/// whose output is unknown counts 0, which only a store written by an incompatible version can hold.
/// </summary>
public static class LayerOutputSizes
{
    public static IReadOnlyList<long> Of(ShapeReport shapes) =>
        [.. shapes.Layers.Select(layer => layer.Output?.Dimensions.Aggregate(1L, (product, dimension) => product * dimension) ?? 0)];

    public static string Format(ShapeReport shapes) => Format(Of(shapes));

    public static string Format(IReadOnlyList<long> sizes) => string.Join(',', sizes.Select(size => size.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Reads a stored list; null when the text is not one, so the caller computes the sizes again.</summary>
    public static IReadOnlyList<long>? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length == 0)
        {
            return [];
        }

        var sizes = new List<long>();
        foreach (var part in text.Split(','))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return null;
            }

            sizes.Add(size);
        }

        return sizes;
    }
}
