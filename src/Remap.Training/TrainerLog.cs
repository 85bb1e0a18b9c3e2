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
}
