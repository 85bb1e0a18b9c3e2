using Remap.Core.Exploration;
using Remap.Core.Model;

namespace Remap.Api.Variations;

/// <summary>Maps Core's layer changes to the API's responses.</summary>
public static class LayerChangeMapping
{
    public static LayerChangeResponse ToResponse(LayerChange change) => new(
        change.Kind.ToString().ToLowerInvariant(),
        change.BeforeIndex,
        change.AfterIndex,
        change.Before?.ToString(),
        change.After?.ToString(),
        Parameters(change.Before),
        Parameters(change.After),
        change.Description);

    private static Dictionary<string, double>? Parameters(Layer? layer) =>
        layer?.Parameters.ToDictionary(parameter => parameter.Name, parameter => parameter.Value);
}
