using Remap.Core.Model;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Remap.Training.Models;

/// <summary>Builds a <see cref="SequentialNetwork"/> from an Architecture, tracking the shape to size each layer's inputs.</summary>
public static class NetworkBuilder
{
    /// <exception cref="ArgumentException">A layer does not fit the shape that reaches it (shape inference reports the same problem).</exception>
    public static SequentialNetwork Build(Architecture architecture)
    {
        var shape = architecture.Input.Dimensions.ToArray();
        var modules = new List<Module<Tensor, Tensor>>();
        for (var index = 0; index < architecture.Layers.Length; index++)
        {
            var layer = architecture.Layers[index];
            modules.Add(CreateModule(layer, index, ref shape));
        }

        return new SequentialNetwork(architecture.Name, modules);
    }

    private static Module<Tensor, Tensor> CreateModule(Layer layer, int index, ref int[] shape)
    {
        switch (layer.Kind)
        {
            case LayerKind.Conv2d:
                var (filters, kernel, stride, padding) = (layer.GetInt("filters"), layer.GetInt("kernel"), layer.GetInt("stride"), layer.GetInt("padding"));
                var inChannels = RequireImage(layer, index, shape)[0];
                shape = [filters, Slide(shape[1], kernel, stride, padding, layer, index), Slide(shape[2], kernel, stride, padding, layer, index)];
                return Conv2d(inChannels, filters, kernel, stride: stride, padding: padding);
            case LayerKind.MaxPool2d or LayerKind.AvgPool2d:
                var (size, poolStride) = (layer.GetInt("size"), layer.GetInt("stride"));
                RequireImage(layer, index, shape);
                shape = [shape[0], Slide(shape[1], size, poolStride, 0, layer, index), Slide(shape[2], size, poolStride, 0, layer, index)];
                return layer.Kind == LayerKind.MaxPool2d ? MaxPool2d(size, poolStride) : AvgPool2d(size, poolStride);
            case LayerKind.Dense:
                var units = layer.GetInt("units");
                var features = RequireFlat(layer, index, shape);
                shape = [units];
                return Linear(features, units);
            case LayerKind.BatchNorm2d:
                return BatchNorm2d(RequireImage(layer, index, shape)[0]);
            case LayerKind.Flatten:
                shape = [shape.Aggregate(1, (product, dimension) => product * dimension)];
                return Flatten();
            case LayerKind.GlobalAvgPool:
                var channels = RequireImage(layer, index, shape)[0];
                shape = [channels];
                return Sequential(AdaptiveAvgPool2d(1), Flatten());
            default:
                return CreateShapeKeepingModule(layer);
        }
    }

    private static Module<Tensor, Tensor> CreateShapeKeepingModule(Layer layer) => layer.Kind switch
    {
        LayerKind.Dropout => Dropout(layer.GetNumber("rate")),
        LayerKind.Relu => ReLU(),
        LayerKind.Tanh => Tanh(),
        LayerKind.Sigmoid => Sigmoid(),
        LayerKind.LeakyRelu => LeakyReLU(layer.GetNumber("slope")),
        LayerKind.Gelu => GELU(),
        _ => throw new ArgumentException($"Layer kind {layer.Kind} has no TorchSharp module; add it to {nameof(NetworkBuilder)}.", nameof(layer)),
    };

    private static int Slide(int input, int window, int stride, int padding, Layer layer, int index)
    {
        var output = ((input + (2 * padding) - window) / stride) + 1;
        if (input + (2 * padding) < window)
        {
            throw new ArgumentException($"Layer {index} ({layer}) has a window of {window} but its input side is {input} with padding {padding}; use a smaller kernel or pool size.");
        }

        return output;
    }

    private static int[] RequireImage(Layer layer, int index, int[] shape) =>
        shape.Length == 3
            ? shape
            : throw new ArgumentException($"Layer {index} ({layer}) needs an image input (channels×height×width) but receives {string.Join('×', shape)}; remove it or move it before flatten.");

    private static int RequireFlat(Layer layer, int index, int[] shape) =>
        shape.Length == 1
            ? shape[0]
            : throw new ArgumentException($"Layer {index} ({layer}) needs a flat input but receives {string.Join('×', shape)}; put flatten or globalavgpool before it.");
}
