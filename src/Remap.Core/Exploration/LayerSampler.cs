using System.Collections.Immutable;
using Remap.Core.Model;

namespace Remap.Core.Exploration;

/// <summary>
/// Draws a layer of a given kind with parameters from <see cref="ParameterChoices"/> that run on a
/// given input shape: a kernel or pooling window never larger than the (padded) input, padding at
/// most half the kernel, a pooling stride at most its size.
/// </summary>
public static class LayerSampler
{
    /// <summary>Returns a random layer of <paramref name="kind"/> that runs on <paramref name="input"/>, or null when none does.</summary>
    public static Layer? Sample(LayerKind kind, TensorShape input, Random random)
    {
        if (LayerTransitions.NeedsImage(kind) && !input.IsImage)
        {
            return null;
        }

        return kind switch
        {
            LayerKind.Conv2d => Convolution(input, random),
            LayerKind.MaxPool2d or LayerKind.AvgPool2d => Pooling(kind, input, random),
            _ => WithRandomValues(ParameterChoices.DefaultLayer(kind), random),
        };
    }

    /// <summary>Whether a layer of the kind can run on the shape: image layers need an image, dense needs a flat vector.</summary>
    public static bool Fits(LayerKind kind, TensorShape input) =>
        LayerTransitions.NeedsImage(kind) ? input.IsImage : kind != LayerKind.Dense || input.IsFlat;

    /// <summary>Returns the allowed values of <paramref name="parameter"/> that differ from the layer's current value.</summary>
    public static ImmutableArray<double> OtherValues(Layer layer, string parameter)
    {
        var current = layer.GetNumber(parameter);
        return [.. ParameterChoices.For(layer.Kind, parameter).Where(value => value != current)];
    }

    private static Layer WithRandomValues(Layer layer, Random random)
    {
        foreach (var parameter in layer.Parameters)
        {
            var values = ParameterChoices.For(layer.Kind, parameter.Name);
            if (!values.IsEmpty)
            {
                layer = layer.With(parameter.Name, values[random.Next(values.Length)]);
            }
        }

        return layer;
    }

    private static Layer? Convolution(TensorShape input, Random random)
    {
        var side = Math.Min(input.Height, input.Width);
        var options = new List<(double Kernel, double Stride, double Padding)>();
        foreach (var kernel in ParameterChoices.For(LayerKind.Conv2d, "kernel"))
        {
            foreach (var stride in ParameterChoices.For(LayerKind.Conv2d, "stride"))
            {
                foreach (var padding in ParameterChoices.For(LayerKind.Conv2d, "padding"))
                {
                    if (padding <= Math.Floor(kernel / 2) && kernel <= side + 2 * padding)
                    {
                        options.Add((kernel, stride, padding));
                    }
                }
            }
        }

        if (options.Count == 0)
        {
            return null;
        }

        var (chosenKernel, chosenStride, chosenPadding) = options[random.Next(options.Count)];
        var filters = ParameterChoices.For(LayerKind.Conv2d, "filters");
        return ParameterChoices.DefaultLayer(LayerKind.Conv2d)
            .With("filters", filters[random.Next(filters.Length)])
            .With("kernel", chosenKernel)
            .With("stride", chosenStride)
            .With("padding", chosenPadding);
    }

    private static Layer? Pooling(LayerKind kind, TensorShape input, Random random)
    {
        var side = Math.Min(input.Height, input.Width);
        var options = new List<(double Size, double Stride)>();
        foreach (var size in ParameterChoices.For(kind, "size"))
        {
            foreach (var stride in ParameterChoices.For(kind, "stride"))
            {
                if (size <= side && stride <= size)
                {
                    options.Add((size, stride));
                }
            }
        }

        if (options.Count == 0)
        {
            return null;
        }

        var (chosenSize, chosenStride) = options[random.Next(options.Count)];
        return ParameterChoices.DefaultLayer(kind).With("size", chosenSize).With("stride", chosenStride);
    }
}
