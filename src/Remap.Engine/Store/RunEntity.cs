namespace Remap.Engine.Store;

/// <summary>The result of one finished training: metrics, the confusion matrix and correctness bitsets.</summary>
public sealed class RunEntity
{
    public long Id { get; set; }

    public long ModelId { get; set; }

    public ModelEntity? Model { get; set; }

    public long JobId { get; set; }

    public int Seed { get; set; }

    /// <summary>JSON array of per-epoch metrics: epoch, train loss, train accuracy, validation accuracy, seconds.</summary>
    public required string EpochMetricsJson { get; set; }

    public double ValidationAccuracy { get; set; }

    public double TestAccuracy { get; set; }

    /// <summary>JSON array with the test accuracy of each class, in class order.</summary>
    public required string PerClassAccuracyJson { get; set; }

    /// <summary>JSON array of rows: row = true class, column = predicted class.</summary>
    public required string ConfusionMatrixJson { get; set; }

    /// <summary>Bit i (least significant first) is set when validation sample i was classified right.</summary>
    public required byte[] ValidationCorrect { get; set; }

    /// <summary>Bit i (least significant first) is set when test sample i was classified right.</summary>
    public required byte[] TestCorrect { get; set; }

    public double DurationSeconds { get; set; }

    public DateTime FinishedAt { get; set; }

    /// <summary>Why the run stopped: completed, early-stopping or time-budget.</summary>
    public string StopReason { get; set; } = RunStopReasons.Completed;

    /// <summary>How many layers started from the parent model's trained weights (0 when trained from scratch).</summary>
    public int WarmStartedLayers { get; set; }

    /// <summary>The epoch of the checkpoint the run resumed from after its job was requeued; 0 when it ran from the first epoch.</summary>
    public int ResumedFromEpoch { get; set; }
}

/// <summary>The values of <see cref="RunEntity.StopReason"/>.</summary>
public static class RunStopReasons
{
    public const string Completed = "completed";
    public const string EarlyStopping = "early-stopping";
    public const string TimeBudget = "time-budget";
}
