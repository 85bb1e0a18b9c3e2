using System.Collections.Immutable;
using Remap.Core.Model;
using Remap.Core.Shapes;

namespace Remap.Core.Exploration;

/// <summary>
/// A layer's label for the structural distance: its kind and its non-width parameters as numbers,
/// in a fixed order shared by every kind (0 where the kind has no such parameter).
/// </summary>
public readonly record struct LayerFeatures(LayerKind Kind, ImmutableArray<double> Parameters)
{
    /// <summary>The label cost per unit of difference of each parameter: conv kernel, conv stride, conv padding, pool size, pool stride, dropout rate, leaky slope.</summary>
    public static ImmutableArray<double> ParameterWeights { get; } = [0.05, 0.1, 0.05, 0.1, 0.1, 0.5, 0.5];

    public static LayerFeatures Of(Layer layer)
    {
        var values = new double[ParameterWeights.Length];
        switch (layer.Kind)
        {
            case LayerKind.Conv2d:
                values[0] = layer.GetNumber("kernel");
                values[1] = layer.GetNumber("stride");
                values[2] = layer.GetNumber("padding");
                break;
            case LayerKind.MaxPool2d or LayerKind.AvgPool2d:
                values[3] = layer.GetNumber("size");
                values[4] = layer.GetNumber("stride");
                break;
            case LayerKind.Dropout:
                values[5] = layer.GetNumber("rate");
                break;
            case LayerKind.LeakyRelu:
                values[6] = layer.GetNumber("slope");
                break;
        }

        return new LayerFeatures(layer.Kind, [.. values]);
    }
}

/// <summary>
/// What the structural distance needs of an architecture: per layer its label, its mass, and its
/// distance in layers from the input and to the output.
/// </summary>
/// <remarks>
/// A layer's mass is log2(1 + width), where the width is the number of channels (image) or features
/// (flat vector) the layer produces. Flatten counts its input channels, not the flattened length.
/// The logarithm keeps a 512-unit dense layer from outweighing the rest of the network, and every
/// mass is positive, so a distance of 0 needs every layer matched.
/// </remarks>
public sealed class LayerProfile
{
    private LayerProfile(ImmutableArray<LayerFeatures> features, ImmutableArray<double> masses)
    {
        Features = features;
        Masses = masses;
        TotalMass = masses.Sum();
        FromInput = [.. Enumerable.Range(0, masses.Length).Select(index => (double)index)];
        ToOutput = [.. Enumerable.Range(0, masses.Length).Select(index => (double)(masses.Length - 1 - index))];
    }

    public ImmutableArray<LayerFeatures> Features { get; }

    public ImmutableArray<double> Masses { get; }

    public double TotalMass { get; }

    public ImmutableArray<double> FromInput { get; }

    public ImmutableArray<double> ToOutput { get; }

    public static LayerProfile Of(Architecture architecture)
    {
        var report = ShapeInference.Infer(architecture);
        var masses = ImmutableArray.CreateBuilder<double>(architecture.Layers.Length);
        for (var index = 0; index < architecture.Layers.Length; index++)
        {
            var shape = report.Layers[index];
            var width = architecture.Layers[index].Kind == LayerKind.Flatten ? Width(shape.Input) : Width(shape.Output ?? shape.Input);
            masses.Add(Math.Log2(1 + width));
        }

        return new LayerProfile([.. architecture.Layers.Select(LayerFeatures.Of)], masses.MoveToImmutable());
    }

    private static long Width(TensorShape shape) => shape.IsImage ? shape.Channels : shape.ElementCount;
}
