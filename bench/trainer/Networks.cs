using System.Collections.Immutable;
using Remap.Core.Model;

namespace Remap.Bench.Trainer;

/// <summary>The architectures the benchmarks train, built the way Core's binder builds them.</summary>
internal static class Networks
{
    /// <summary>conv32k3 relu max2 conv64k3 relu max2 flatten dense128 relu dense10: 225,034 parameters.</summary>
    public static Architecture SmallCnn(int epochs, int seed = 42) => new("small_cnn", TensorShape.Image(1, 28, 28), 10,
    [
        Conv(32, 3, 0), Create(LayerKind.Relu), Pool(2),
        Conv(64, 3, 0), Create(LayerKind.Relu), Pool(2),
        Create(LayerKind.Flatten), Dense(128), Create(LayerKind.Relu), Dense(10),
    ], DatasetName, TrainingSettings.Default with { Epochs = epochs, Seed = seed });

    /// <summary>conv16k3 (padding 1) relu max2 flatten dense10: 31,530 parameters, the bundled cnn-one-block example.</summary>
    public static Architecture OneBlockCnn(int epochs, int seed = 42) => new("one_block_cnn", TensorShape.Image(1, 28, 28), 10,
    [
        Conv(16, 3, 1), Create(LayerKind.Relu), Pool(2),
        Create(LayerKind.Flatten), Dense(10),
    ], DatasetName, TrainingSettings.Default with { Epochs = epochs, Seed = seed });

    /// <summary>The throughput run's network by its command-line name.</summary>
    public static Architecture ByName(string name, int epochs, int seed) => name switch
    {
        "small-cnn" => SmallCnn(epochs, seed),
        "one-block" => OneBlockCnn(epochs, seed),
        "mlp" => new("mlp", TensorShape.Image(1, 28, 28), 10, [Create(LayerKind.Flatten), Dense(32), Create(LayerKind.Relu), Dense(10)],
            DatasetName, TrainingSettings.Default with { Epochs = epochs, Seed = seed }),
        _ => throw new ArgumentException($"Unknown network '{name}'; use small-cnn, one-block or mlp.", nameof(name)),
    };

    /// <summary>
    /// A 10-layer CNN small enough to train its ablation study many times:
    /// conv8k3 relu max2 conv16k3 relu max2 flatten dense32 relu dense10. Its study has 8 children.
    /// </summary>
    public static Architecture AblationCnn(int epochs) => new("ablation_cnn", TensorShape.Image(1, 28, 28), 10,
    [
        Conv(8, 3, 0), Create(LayerKind.Relu), Pool(2),
        Conv(16, 3, 0), Create(LayerKind.Relu), Pool(2),
        Create(LayerKind.Flatten), Dense(32), Create(LayerKind.Relu), Dense(10),
    ], DatasetName, TrainingSettings.Default with { Epochs = epochs });

    /// <summary>flatten dense32 relu dense10 for the many-jobs memory run.</summary>
    public static Architecture TinyMlp(int seed) => new("tiny_mlp", TensorShape.Image(1, 28, 28), 10,
        [Create(LayerKind.Flatten), Dense(32), Create(LayerKind.Relu), Dense(10)],
        DatasetName, TrainingSettings.Default with { Epochs = 1, BatchSize = 128, Seed = seed });

    public const string DatasetName = "fashion-mnist-sample";

    private static Layer Conv(int filters, int kernel, int padding) =>
        Create(LayerKind.Conv2d, ("filters", filters), ("kernel", kernel), ("stride", 1), ("padding", padding));

    private static Layer Pool(int size) => Create(LayerKind.MaxPool2d, ("size", size), ("stride", size));

    private static Layer Dense(int units) => Create(LayerKind.Dense, ("units", units));

    private static Layer Create(LayerKind kind, params (string Name, double Value)[] parameters) =>
        new(kind, [.. parameters.Select(parameter => new LayerParameter(parameter.Name, parameter.Value))]);
}
