using System.Collections.Frozen;
using Remap.Core.Model;

namespace Remap.Core.Exploration;

/// <summary>
/// The Markov chain the population sampler walks: for the previous layer kind (null at the start),
/// the relative weight of each next kind. A null next kind ends the hidden layers, after which the
/// sampler appends the final dense layer. The weights favour the conv → activation → pool pattern
/// of hand-built image classifiers, and the sampler drops every kind that cannot run on the current shape.
/// </summary>
public static class LayerTransitions
{
    private static readonly (LayerKind? Next, double Weight)[] Activations =
    [
        (LayerKind.Relu, 5), (LayerKind.LeakyRelu, 1), (LayerKind.Gelu, 1), (LayerKind.Tanh, 0.5), (LayerKind.Sigmoid, 0.3),
    ];

    private static readonly (LayerKind? Next, double Weight)[] Start =
    [
        (LayerKind.Conv2d, 6), (LayerKind.BatchNorm2d, 0.5), (LayerKind.Flatten, 1), (LayerKind.Dense, 3), (LayerKind.Dropout, 0.5),
    ];

    private static readonly (LayerKind? Next, double Weight)[] AfterActivation =
    [
        (LayerKind.Conv2d, 3), (LayerKind.MaxPool2d, 3), (LayerKind.AvgPool2d, 1), (LayerKind.Dropout, 1),
        (LayerKind.Flatten, 1.5), (LayerKind.GlobalAvgPool, 0.7), (LayerKind.Dense, 3), (null, 2),
    ];

    private static readonly FrozenDictionary<LayerKind, (LayerKind? Next, double Weight)[]> Table =
        new Dictionary<LayerKind, (LayerKind? Next, double Weight)[]>
        {
            [LayerKind.Conv2d] = [.. Activations, (LayerKind.BatchNorm2d, 2), (LayerKind.Conv2d, 1), (LayerKind.MaxPool2d, 1)],
            [LayerKind.BatchNorm2d] = [.. Activations, (LayerKind.Conv2d, 1), (LayerKind.MaxPool2d, 0.5)],
            [LayerKind.Relu] = AfterActivation,
            [LayerKind.LeakyRelu] = AfterActivation,
            [LayerKind.Gelu] = AfterActivation,
            [LayerKind.Tanh] = AfterActivation,
            [LayerKind.Sigmoid] = AfterActivation,
            [LayerKind.MaxPool2d] = [(LayerKind.Conv2d, 4), (LayerKind.Dropout, 1), (LayerKind.Flatten, 2), (LayerKind.GlobalAvgPool, 1)],
            [LayerKind.AvgPool2d] = [(LayerKind.Conv2d, 4), (LayerKind.Dropout, 1), (LayerKind.Flatten, 2), (LayerKind.GlobalAvgPool, 1)],
            [LayerKind.Dropout] = [(LayerKind.Conv2d, 2), (LayerKind.MaxPool2d, 1), (LayerKind.Flatten, 1), (LayerKind.Dense, 3), (null, 1)],
            [LayerKind.Flatten] = [(LayerKind.Dense, 3), (LayerKind.Dropout, 1), (null, 2)],
            [LayerKind.GlobalAvgPool] = [(LayerKind.Dense, 3), (LayerKind.Dropout, 1), (null, 2)],
            [LayerKind.Dense] = [.. Activations, (LayerKind.Dropout, 1), (null, 0.5)],
        }.ToFrozenDictionary();

    /// <summary>Returns the next kinds and their weights after <paramref name="previous"/> (null before the first layer).</summary>
    public static IReadOnlyList<(LayerKind? Next, double Weight)> After(LayerKind? previous) =>
        previous is { } kind ? Table[kind] : Start;

    /// <summary>Whether the layer kind needs an image input (channels × height × width).</summary>
    public static bool NeedsImage(LayerKind kind) =>
        kind is LayerKind.Conv2d or LayerKind.MaxPool2d or LayerKind.AvgPool2d or LayerKind.BatchNorm2d or LayerKind.GlobalAvgPool or LayerKind.Flatten;
}
