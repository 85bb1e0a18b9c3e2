using System.Collections.Immutable;
using System.Globalization;

namespace Remap.Core.Model;

/// <summary>One resolved parameter of a layer: every default filled in and spellings normalised to a number.</summary>
public readonly record struct LayerParameter(string Name, double Value);

/// <summary>
/// A bound, normalised layer: its kind and every parameter of its schema with a numeric value,
/// in the catalog's order. <c>padding=same</c> is stored as the pixel count it means, and a
/// pooling stride that was left out is stored as the pooling size.
/// </summary>
public sealed class Layer : IEquatable<Layer>
{
    public Layer(LayerKind kind, ImmutableArray<LayerParameter> parameters)
    {
        Kind = kind;
        Parameters = parameters.IsDefault ? [] : parameters;
    }

    public LayerKind Kind { get; }

    public ImmutableArray<LayerParameter> Parameters { get; }

    public double GetNumber(string name)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Name == name)
            {
                return parameter.Value;
            }
        }

        throw new KeyNotFoundException($"Layer {Kind} has no parameter '{name}'.");
    }

    public int GetInt(string name) => checked((int)GetNumber(name));

    /// <summary>Returns a copy with one parameter set to a new value.</summary>
    public Layer With(string name, double value)
    {
        var index = Parameters.IndexOf(Parameters.First(parameter => parameter.Name == name));
        return new Layer(Kind, Parameters.SetItem(index, new LayerParameter(name, value)));
    }

    /// <summary>Formats the layer in the language's canonical syntax, for example <c>conv2d filters=32 kernel=3 stride=1 padding=1</c>.</summary>
    public override string ToString()
    {
        var keyword = LayerCatalog.Get(Kind).Keyword;
        if (Parameters.IsEmpty)
        {
            return keyword;
        }

        var values = Parameters.Select(parameter => $"{parameter.Name}={FormatNumber(parameter.Value)}");
        return $"{keyword} {string.Join(' ', values)}";
    }

    /// <summary>Formats a number the way the language writes it: integers without a decimal point, others round-trip exact.</summary>
    public static string FormatNumber(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    public bool Equals(Layer? other) =>
        other is not null && Kind == other.Kind && Parameters.SequenceEqual(other.Parameters);

    public override bool Equals(object? obj) => Equals(obj as Layer);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        foreach (var parameter in Parameters)
        {
            hash.Add(parameter);
        }

        return hash.ToHashCode();
    }
}
