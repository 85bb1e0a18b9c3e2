using Remap.Core.Model;
using Remap.Training.Data;

namespace Remap.Training;

/// <summary>
/// One training run and everything around it that a job may ask for: checkpoints, TensorBoard
/// event files, final weights, warm start, early stopping and a time budget.
/// </summary>
public sealed record TrainingRequest(Architecture Architecture, TrainingDataset Data, TrainingSettings Settings)
{
    public IProgress<TrainingProgress>? Progress { get; init; }

    /// <summary>The folder for per-epoch checkpoints; when it holds one, training resumes after that checkpoint's epoch.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>The folder for TensorBoard event files (loss, accuracies and seconds per epoch).</summary>
    public string? TensorBoardDirectory { get; init; }

    /// <summary>The file the trained module's weights are written to when the run ends, for later warm starts.</summary>
    public string? FinalWeightsPath { get; init; }

    /// <summary>Weights to copy into the layers this network shares with its parent before the first epoch.</summary>
    public WarmStartSource? WarmStart { get; init; }

    /// <summary>Stop when validation accuracy has not improved for this many epochs; null trains every epoch.</summary>
    public int? Patience { get; init; }

    /// <summary>
    /// The training time the run may use, counted over every attempt. The run stops before an epoch that
    /// would not fit, judged by the last epoch's time. An epoch that still runs over stops at the next batch
    /// boundary and is not counted (its metrics are not recorded), but the weights keep what it trained.
    /// </summary>
    public TimeSpan? TimeBudget { get; init; }
}

/// <summary>
/// A trained parent to warm-start from: its architecture, its saved weights and the pairs of layer
/// indexes (parent, child) that the architecture diff aligned as kept layers.
/// </summary>
public sealed record WarmStartSource(Architecture Parent, string WeightsPath, IReadOnlyList<(int ParentIndex, int ChildIndex)> KeptLayers);

/// <summary>Why a run stopped.</summary>
public enum TrainingStopReason
{
    /// <summary>Every epoch ran.</summary>
    Completed,

    /// <summary>Validation accuracy stopped improving for the configured patience.</summary>
    EarlyStopping,

    /// <summary>The run used its time budget.</summary>
    TimeBudget,
}

/// <summary>The loss became NaN or infinite; the run cannot continue. Carries the metrics of the epochs finished before.</summary>
public sealed class TrainingDivergedException(int epoch, int batch, double loss, IReadOnlyList<EpochMetrics> finishedEpochs)
    : Exception($"The training loss became {loss} in epoch {epoch}, batch {batch}; lower the learning rate or add batch normalisation.")
{
    public int Epoch { get; } = epoch;

    public int Batch { get; } = batch;

    public IReadOnlyList<EpochMetrics> FinishedEpochs { get; } = finishedEpochs;
}
