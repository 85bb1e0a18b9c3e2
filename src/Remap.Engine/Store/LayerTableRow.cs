using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remap.Engine.Store;

/// <summary>One row of a model's layer table, as stored in <see cref="ModelEntity.LayerTableJson"/>.</summary>
/// <param name="Index">The 0-based position of the layer in the network.</param>
/// <param name="Kind">The layer keyword, for example <c>conv2d</c>.</param>
/// <param name="Parameters">Every parameter of the layer's schema with its resolved value.</param>
/// <param name="Text">The layer in canonical syntax, for example <c>conv2d filters=32 kernel=3 stride=1 padding=1</c>.</param>
/// <param name="OutputShape">The dimensions of the layer's output, without the batch dimension.</param>
/// <param name="ParameterCount">The number of trainable parameters of the layer.</param>
public sealed record LayerTableRow(
    int Index,
    string Kind,
    IReadOnlyDictionary<string, double> Parameters,
    string Text,
    IReadOnlyList<int> OutputShape,
    long ParameterCount);

/// <summary>The JSON settings of every JSON column of the store.</summary>
public static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The stored JSON '{json}' is null, expected a {typeof(T).Name}.");
}
