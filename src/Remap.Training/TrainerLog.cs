using Microsoft.Extensions.Logging;

namespace Remap.Training;

internal static partial class TrainerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Training {Model} on {Dataset}: {Parameters} parameters, {Epochs} epochs, batch size {BatchSize}, {Optimizer}, learning rate {LearningRate}, seed {Seed}, {Threads} threads")]
    public static partial void Started(ILogger logger, string model, string dataset, long parameters, int epochs, int batchSize, string optimizer, double learningRate, int seed, int threads);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Epoch {Epoch}/{Epochs} of {Model}: train loss {TrainLoss:F4}, train accuracy {TrainAccuracy:P2}, validation accuracy {ValidationAccuracy:P2}, {Seconds:F1} s")]
    public static partial void EpochFinished(ILogger logger, string model, int epoch, int epochs, double trainLoss, double trainAccuracy, double validationAccuracy, double seconds);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information,
        Message = "Finished {Model}: test accuracy {TestAccuracy:P2}, validation accuracy {ValidationAccuracy:P2}, {Seconds:F1} s")]
    public static partial void Finished(ILogger logger, string model, double testAccuracy, double validationAccuracy, double seconds);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Training {Model} was cancelled in epoch {Epoch}")]
    public static partial void Cancelled(ILogger logger, string model, int epoch);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Training {Model} diverged in epoch {Epoch}, batch {Batch}: loss {Loss}")]
    public static partial void Diverged(ILogger logger, string model, int epoch, int batch, double loss);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Training {Model} resumed after epoch {Epoch} from checkpoint folder {Directory}")]
    public static partial void Resumed(ILogger logger, string model, int epoch, string directory);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Training {Model} copied the weights of {Layers} layer(s) from parent {Parent}")]
    public static partial void WarmStarted(ILogger logger, string model, int layers, string parent);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Training {Model} stopped early after epoch {Epoch}: no validation accuracy gain for {Patience} epoch(s), best {Best:P2}")]
    public static partial void StoppedEarly(ILogger logger, string model, int epoch, int patience, double best);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information,
        Message = "Training {Model} stopped in epoch {Epoch} because it used its time budget of {Seconds:F0} s; the unfinished epoch is not counted")]
    public static partial void TimeBudgetUsed(ILogger logger, string model, int epoch, double seconds);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information,
        Message = "Training {Model} stopped before epoch {Epoch}: the last epoch took {EpochSeconds:F1} s and {RemainingSeconds:F1} s of the time budget are left")]
    public static partial void NoTimeForEpoch(ILogger logger, string model, int epoch, double epochSeconds, double remainingSeconds);
}
