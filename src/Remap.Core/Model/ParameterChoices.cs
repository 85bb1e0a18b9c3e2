using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Remap.Core.Model;

/// <summary>
/// The values the exploration engine draws each layer parameter from when it samples or
/// re-parameterises a layer: a small, common subset of each schema's range, so random networks
/// look like networks people build. Every value lies inside the catalog's range.
/// </summary>
public static class ParameterChoices
{
    private static readonly FrozenDictionary<(LayerKind Kind, string Parameter), ImmutableArray<double>> Values =
        new Dictionary<(LayerKind Kind, string Parameter), ImmutableArray<double>>
        {
            [(LayerKind.Conv2d, "filters")] = [8, 16, 32, 64, 128],
            [(LayerKind.Conv2d, "kernel")] = [1, 3, 5, 7],
            [(LayerKind.Conv2d, "stride")] = [1, 2],
            [(LayerKind.Conv2d, "padding")] = [0, 1, 2, 3],
            [(LayerKind.MaxPool2d, "size")] = [2, 3],
            [(LayerKind.MaxPool2d, "stride")] = [1, 2, 3],
            [(LayerKind.AvgPool2d, "size")] = [2, 3],
            [(LayerKind.AvgPool2d, "stride")] = [1, 2, 3],
            [(LayerKind.Dense, "units")] = [16, 32, 64, 128, 256, 512],
            [(LayerKind.Dropout, "rate")] = [0.1, 0.2, 0.3, 0.4, 0.5],
            [(LayerKind.LeakyRelu, "slope")] = [0.01, 0.1, 0.2],
        }.ToFrozenDictionary();

    /// <summary>Returns the allowed values of one parameter of a layer kind; empty for a parameter the catalog does not define.</summary>
    public static ImmutableArray<double> For(LayerKind kind, string parameter) =>
        Values.TryGetValue((kind, parameter), out var values) ? values : [];

    /// <summary>Returns a layer of the kind with every parameter set to the catalog default, a derived default resolved.</summary>
    public static Layer DefaultLayer(LayerKind kind)
    {
        var definition = LayerCatalog.Get(kind);
        var parameters = ImmutableArray.CreateBuilder<LayerParameter>(definition.Parameters.Length);
        foreach (var schema in definition.Parameters)
        {
            // A pooling stride has no default of its own: it is the pooling size.
            var value = schema.Default ?? parameters.First(parameter => parameter.Name == "size").Value;
            parameters.Add(new LayerParameter(schema.Name, value));
        }

        return new Layer(kind, parameters.MoveToImmutable());
    }
}
