using Remap.Core.Diagnostics;
using Remap.Core.Model;

namespace Remap.Core.Shapes;

/// <summary>The shape rule and parameter count of each layer kind.</summary>
internal static class LayerRules
{
    public static LayerShape Apply(InferenceState state, int index, Layer layer, Layer? previous)
    {
        var input = state.Current;
        var keyword = LayerCatalog.Get(layer.Kind).Keyword;
        var needsImage = layer.Kind is LayerKind.Conv2d or LayerKind.MaxPool2d or LayerKind.AvgPool2d or LayerKind.BatchNorm2d or LayerKind.GlobalAvgPool;
        if (needsImage && !input.IsImage)
        {
            state.Problem(index, DiagnosticCodes.ImageLayerOnFlatInput,
                $"{keyword} needs an image (channels×height×width) but its input is a flat vector of {input.ElementCount} features: move it before flatten, or give the network an image input");
            return new LayerShape(index, input, null, 0);
        }

        return layer.Kind switch
        {
            LayerKind.Conv2d => Convolution(state, index, layer),
            LayerKind.MaxPool2d or LayerKind.AvgPool2d => Pooling(state, index, layer, keyword),
            LayerKind.BatchNorm2d => new LayerShape(index, input, input, 2L * input.Channels),
            LayerKind.GlobalAvgPool => Move(state, index, TensorShape.Features(input.Channels), 0),
            LayerKind.Flatten => Flatten(state, index),
            LayerKind.Dense => Dense(state, index, layer),
            _ => Elementwise(state, index, layer, previous, keyword),
        };
    }

    private static LayerShape Convolution(InferenceState state, int index, Layer layer)
    {
        var input = state.Current;
        var filters = layer.GetInt("filters");
        var kernel = layer.GetInt("kernel");
        var stride = layer.GetInt("stride");
        var padding = layer.GetInt("padding");
        var parameters = (long)filters * input.Channels * kernel * kernel + filters;
        var height = OutputSide(input.Height, kernel, stride, padding);
        var width = OutputSide(input.Width, kernel, stride, padding);
        if (height < 1 || width < 1)
        {
            if (!state.Degraded)
            {
                var padded = padding > 0 ? $" ({input.Height + 2 * padding}×{input.Width + 2 * padding} with padding {padding})" : "";
                state.Problem(index, DiagnosticCodes.KernelLargerThanInput,
                    $"conv2d kernel {kernel} needs an input of at least {kernel}×{kernel}; the input here is {input.Height}×{input.Width}{padded}{state.History()}: use a smaller kernel, add padding, or remove a pooling layer before it");
            }

            state.Degraded = true;
            state.Convolutions++;
            state.Current = TensorShape.Image(filters, Math.Max(1, height), Math.Max(1, width));
            return new LayerShape(index, input, null, parameters);
        }

        if (height != input.Height || width != input.Width)
        {
            state.Convolutions++;
        }

        return Move(state, index, TensorShape.Image(filters, height, width), parameters);
    }

    private static LayerShape Pooling(InferenceState state, int index, Layer layer, string keyword)
    {
        var input = state.Current;
        var size = layer.GetInt("size");
        var stride = layer.GetInt("stride");
        var height = OutputSide(input.Height, size, stride, 0);
        var width = OutputSide(input.Width, size, stride, 0);
        if (height < 1 || width < 1)
        {
            if (!state.Degraded)
            {
                state.Problem(index, DiagnosticCodes.PoolLargerThanInput,
                    $"{keyword} size {size} needs an input of at least {size}×{size}; the input here is {input.Height}×{input.Width}{state.History()}: remove this pooling layer or use a smaller size");
            }

            state.Degraded = true;
            state.Poolings++;
            state.Current = TensorShape.Image(input.Channels, Math.Max(1, height), Math.Max(1, width));
            return new LayerShape(index, input, null, 0);
        }

        state.Poolings++;
        return Move(state, index, TensorShape.Image(input.Channels, height, width), 0);
    }

    private static LayerShape Flatten(InferenceState state, int index)
    {
        var input = state.Current;
        if (input.IsFlat)
        {
            state.Warning(index, DiagnosticCodes.RedundantFlatten, $"flatten does nothing here: its input is already a flat vector of {input.ElementCount} features; remove it");
            return new LayerShape(index, input, input, 0);
        }

        if (input.ElementCount > int.MaxValue)
        {
            state.Problem(index, DiagnosticCodes.ShapeTooLarge, $"flatten would make {input.ElementCount} features from {input}, more than {int.MaxValue}: add pooling or strided convolutions before it");
            state.Degraded = true;
            return Move(state, index, TensorShape.Features(int.MaxValue), 0) with { Output = null };
        }

        return Move(state, index, TensorShape.Features((int)input.ElementCount), 0);
    }

    private static LayerShape Dense(InferenceState state, int index, Layer layer)
    {
        var input = state.Current;
        var units = layer.GetInt("units");
        if (input.IsImage)
        {
            state.Problem(index, DiagnosticCodes.DenseOnImage,
                $"dense needs a flat input but its input is the image {input}: add flatten or globalavgpool before it");
        }

        // On an image, count the weights as if it had been flattened, so the total stays useful.
        var parameters = Saturate((Int128)input.ElementCount * units + units);
        return Move(state, index, TensorShape.Features(units), parameters);
    }

    private static LayerShape Elementwise(InferenceState state, int index, Layer layer, Layer? previous, string keyword)
    {
        if (layer.Kind == LayerKind.Dropout && previous?.Kind == LayerKind.Dropout)
        {
            state.Warning(index, DiagnosticCodes.RepeatedDropout, "two dropout layers in a row: keep one with the combined rate");
        }
        else if (layer.Kind == LayerKind.Relu && previous?.Kind == LayerKind.Relu)
        {
            state.Warning(index, DiagnosticCodes.RepeatedActivation, $"{keyword} right after {keyword} does nothing: remove one");
        }

        return new LayerShape(index, state.Current, state.Current, 0);
    }

    private static LayerShape Move(InferenceState state, int index, TensorShape output, long parameters)
    {
        var input = state.Current;
        state.Current = output;
        return new LayerShape(index, input, output, parameters);
    }

    /// <summary>Clamps a parameter count to <see cref="long.MaxValue"/>; only absurd shapes reach it, and they are already reported.</summary>
    public static long Saturate(Int128 count) => count > long.MaxValue ? long.MaxValue : (long)count;

    private static int OutputSide(int size, int kernel, int stride, int padding)
    {
        var span = (long)size + 2L * padding - kernel;
        return span < 0 ? 0 : (int)(span / stride + 1);
    }
}
