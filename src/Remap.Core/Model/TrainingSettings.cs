namespace Remap.Core.Model;

public enum OptimizerKind
{
    Sgd,
    Adam,
    AdamW,
}

/// <summary>
/// How a model is trained. Every value has a default, so a file without a training block trains too.
/// The settings have a hash of their own, separate from the architecture hash.
/// </summary>
public sealed record TrainingSettings(
    int Epochs,
    int BatchSize,
    OptimizerKind Optimizer,
    double LearningRate,
    double WeightDecay,
    int Seed)
{
    public static TrainingSettings Default { get; } = new(5, 64, OptimizerKind.Adam, 0.001, 0, 42);
}
