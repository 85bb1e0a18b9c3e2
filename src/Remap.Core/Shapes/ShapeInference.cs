using System.Collections.Immutable;
using Remap.Core.Diagnostics;
using Remap.Core.Model;

namespace Remap.Core.Shapes;

/// <summary>
/// Computes each layer's output shape and parameter count, the way PyTorch does, and reports every
/// layer that cannot run. Conv/pool output per side: floor((in + 2·padding − kernel) / stride) + 1.
/// </summary>
public static class ShapeInference
{
    public static ShapeReport Infer(Architecture architecture) =>
        Infer(architecture.Input, architecture.Classes, architecture.Layers);

    /// <param name="classesSource">Where the class count comes from, such as "the classes line says 10", for the message of a last layer that disagrees.</param>
    public static ShapeReport Infer(TensorShape input, int classes, IReadOnlyList<Layer> layers, string? classesSource = null)
    {
        var state = new InferenceState(input);
        if (input.Dimensions.IsEmpty || input.Dimensions.Any(dimension => dimension < 1))
        {
            state.Problem(-1, DiagnosticCodes.NonPositiveDimension,
                $"the input shape {input} has a dimension below 1: every dimension must be at least 1");
            state.Current = TensorShape.FromDimensions(input.Dimensions.IsEmpty ? [1] : input.Dimensions.Select(dimension => Math.Max(1, dimension)));
            state.Degraded = true;
        }

        if (layers.Count == 0)
        {
            state.Problem(-1, DiagnosticCodes.NoLayers, $"the network has no layers: add at least 'dense units={classes}' (one unit per class)");
        }

        var shapes = ImmutableArray.CreateBuilder<LayerShape>(layers.Count);
        for (var index = 0; index < layers.Count; index++)
        {
            shapes.Add(LayerRules.Apply(state, index, layers[index], index > 0 ? layers[index - 1] : null));
        }

        CheckFinalLayer(state, classes, layers, classesSource ?? $"the network has {classes} classes");
        var total = LayerRules.Saturate(shapes.Aggregate(Int128.Zero, (sum, shape) => sum + shape.Parameters));
        if (state.Problems.Count == 0)
        {
            CheckWeightSize(state, total);
        }

        return new ShapeReport(shapes.MoveToImmutable(), total, [.. state.Problems])
        {
            Warnings = [.. state.Warnings],
        };
    }

    /// <summary>The largest float32 weights a CPU trainer is expected to hold: 1 GB, about 4 GB with adam's gradients and moments.</summary>
    public const long MaximumWeightBytes = 1_000_000_000;

    private static void CheckWeightSize(InferenceState state, long parameters)
    {
        var bytes = (Int128)parameters * sizeof(float);
        if (bytes <= MaximumWeightBytes)
        {
            return;
        }

        var gigabytes = ((double)bytes / 1e9).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        state.Warning(-1, DiagnosticCodes.WeightsTooLarge,
            $"the network has {parameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} parameters, whose float32 weights take {gigabytes} GB (about 4 times that to train with adam), "
            + "more than the 1 GB a CPU trainer can hold: use fewer filters or units, or add pooling before flatten so the dense layer gets fewer inputs");
    }

    private static void CheckFinalLayer(InferenceState state, int classes, IReadOnlyList<Layer> layers, string classesSource)
    {
        if (layers.Count == 0)
        {
            return;
        }

        var last = layers[^1];
        if (last.Kind != LayerKind.Dense)
        {
            state.Problem(layers.Count - 1, DiagnosticCodes.FinalLayerNotDense,
                $"the last layer is {LayerCatalog.Get(last.Kind).Keyword}, but a network must end with 'dense units={classes}' (one unit per class): add it after this layer");
            return;
        }

        var units = last.GetInt("units");
        if (units != classes)
        {
            state.Problem(layers.Count - 1, DiagnosticCodes.UnitsDisagreeWithClasses,
                $"the last dense layer has {units} units but {classesSource}: set units={classes}");
        }
    }
}

/// <summary>The shape flowing through the network, with the history that messages quote.</summary>
internal sealed class InferenceState(TensorShape input)
{
    public TensorShape Current { get; set; } = input;

    public int Poolings { get; set; }

    public int Convolutions { get; set; }

    /// <summary>Whether a size problem was already reported, so later layers do not repeat it with clamped sizes.</summary>
    public bool Degraded { get; set; }

    public List<ShapeProblem> Problems { get; } = [];

    public List<ShapeProblem> Warnings { get; } = [];

    public void Problem(int index, string code, string message) => Problems.Add(new ShapeProblem(index, code, message));

    public void Warning(int index, string code, string message) => Warnings.Add(new ShapeProblem(index, code, message));

    /// <summary>Describes how the input got its size, for example " after 4 poolings and 2 convolutions".</summary>
    public string History()
    {
        var parts = new List<string>();
        if (Poolings > 0)
        {
            parts.Add(Poolings == 1 ? "1 pooling" : $"{Poolings} poolings");
        }

        if (Convolutions > 0)
        {
            parts.Add(Convolutions == 1 ? "1 convolution" : $"{Convolutions} convolutions");
        }

        return parts.Count == 0 ? " (the network input)" : " after " + string.Join(" and ", parts);
    }
}
