using Remap.Core.Model;
using Remap.Engine.Store;
using Remap.Training;

namespace Remap.Engine.Worker;

/// <summary>Maps a trainer result to the stored run.</summary>
internal static class RunMapping
{
    public static RunEntity ToRun(TrainingResult result, DateTime finishedAt) => new()
    {
        Seed = result.Seed,
        EpochMetricsJson = StoreJson.Serialize(result.Epochs),
        ValidationAccuracy = result.ValidationAccuracy,
        TestAccuracy = result.TestAccuracy,
        PerClassAccuracyJson = StoreJson.Serialize(result.PerClassTestAccuracy),
        ConfusionMatrixJson = StoreJson.Serialize(result.ConfusionMatrix),
        ValidationCorrect = result.ValidationCorrect,
        TestCorrect = result.TestCorrect,
        DurationSeconds = result.Duration.TotalSeconds,
        FinishedAt = finishedAt,
        StopReason = result.StopReason switch
        {
            TrainingStopReason.EarlyStopping => RunStopReasons.EarlyStopping,
            TrainingStopReason.TimeBudget => RunStopReasons.TimeBudget,
            _ => RunStopReasons.Completed,
        },
        WarmStartedLayers = result.WarmStartedLayers,
        ResumedFromEpoch = result.ResumedFromEpoch,
    };

    public static TrainingSettings ReadSettings(ModelEntity model) => StoreJson.Deserialize<TrainingSettings>(model.TrainingSettingsJson);
}
