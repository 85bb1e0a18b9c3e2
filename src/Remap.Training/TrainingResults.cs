namespace Remap.Training;

public sealed record EpochMetrics(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationAccuracy, double Seconds);

/// <summary>Progress of a run: reported after every batch (CompletedEpoch null) and after every epoch.</summary>
public sealed record TrainingProgress(int Epoch, int Epochs, int Batch, int Batches, EpochMetrics? CompletedEpoch);

/// <summary>
/// The outcome of a run. ConfusionMatrix is [true class][predicted class]. ValidationCorrect and TestCorrect are
/// bitsets: bit i (LSB first within each byte) is set when sample i was classified right.
/// </summary>
public sealed record TrainingResult(
    IReadOnlyList<EpochMetrics> Epochs,
    double ValidationAccuracy,
    double TestAccuracy,
    IReadOnlyList<double> PerClassTestAccuracy,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix,
    byte[] ValidationCorrect,
    byte[] TestCorrect,
    long ParameterCount,
    TimeSpan Duration,
    int Seed)
{
    public TrainingStopReason StopReason { get; init; }

    /// <summary>The epoch of the checkpoint this run resumed from, 0 when it started from the first epoch.</summary>
    public int ResumedFromEpoch { get; init; }

    /// <summary>How many layers received their parent's weights (0 without warm start).</summary>
    public int WarmStartedLayers { get; init; }
}

/// <summary>Process-wide trainer settings.</summary>
public sealed record TrainerOptions
{
    /// <summary>Intra-op threads for LibTorch (torch.set_num_threads); the setting is global to the process.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Batch size for evaluation, which needs no gradients and so fits larger batches.</summary>
    public int EvaluationBatchSize { get; init; } = 1000;

    /// <summary>The clock that epoch times and the time budget are measured with.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
