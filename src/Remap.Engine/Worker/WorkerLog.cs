using Microsoft.Extensions.Logging;

namespace Remap.Engine.Worker;

/// <summary>The training worker's log events; every job event carries the job id and the model id.</summary>
internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Worker {WorkerId} started with {Concurrency} training slot(s)")]
    public static partial void WorkerStarted(ILogger logger, string workerId, int concurrency);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Worker {WorkerId} stopped")]
    public static partial void WorkerStopped(ILogger logger, string workerId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Critical, Message = "Worker {WorkerId} cannot train because LibTorch failed to load; jobs stay queued")]
    public static partial void TorchUnavailable(ILogger logger, string workerId, Exception exception);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Job {JobId} for model {ModelId} started (attempt {Attempt})")]
    public static partial void JobStarted(ILogger logger, long jobId, long modelId, int attempt);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Job {JobId} for model {ModelId} finished epoch {Epoch}/{Epochs}: train loss {TrainLoss:F4}, validation accuracy {ValidationAccuracy:P2}")]
    public static partial void EpochFinished(ILogger logger, long jobId, long modelId, int epoch, int epochs, double trainLoss, double validationAccuracy);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Job {JobId} for model {ModelId} succeeded in {Seconds:F1} s: validation accuracy {ValidationAccuracy:P2}, test accuracy {TestAccuracy:P2}")]
    public static partial void JobSucceeded(ILogger logger, long jobId, long modelId, double seconds, double validationAccuracy, double testAccuracy);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "Job {JobId} for model {ModelId} was cancelled after {Epochs} finished epoch(s)")]
    public static partial void JobCancelled(ILogger logger, long jobId, long modelId, int epochs);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Error, Message = "Job {JobId} for model {ModelId} failed: {Error}")]
    public static partial void JobFailed(ILogger logger, long jobId, long modelId, string error, Exception? exception);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning, Message = "Job {JobId} for model {ModelId} was returned to the queue because its lease expired (attempt {Attempt})")]
    public static partial void JobRequeued(ILogger logger, long jobId, long modelId, int attempt);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Error, Message = "Job {JobId} for model {ModelId} failed after its lease expired on the last attempt ({Attempt}): {Error}")]
    public static partial void JobLeaseExhausted(ILogger logger, long jobId, long modelId, int attempt, string error);

    [LoggerMessage(EventId = 1019, Level = LogLevel.Information, Message = "Job {JobId} for model {ModelId} was cancelled when its lease expired, because a cancel was requested during attempt {Attempt}")]
    public static partial void JobCancelledAfterLeaseExpired(ILogger logger, long jobId, long modelId, int attempt);

    [LoggerMessage(EventId = 1017, Level = LogLevel.Warning, Message = "Job {JobId} for model {ModelId}: worker {WorkerId} lost its lease, so it stops and records nothing")]
    public static partial void LeaseLost(ILogger logger, long jobId, long modelId, string workerId);

    [LoggerMessage(EventId = 1018, Level = LogLevel.Information, Message = "Job {JobId} for model {ModelId} was returned to the queue because the host is stopping")]
    public static partial void JobReleased(ILogger logger, long jobId, long modelId);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Error, Message = "Worker {WorkerId} hit a store error and retries after {Delay}")]
    public static partial void StoreError(ILogger logger, string workerId, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "Job {JobId} for model {ModelId} diverged in epoch {Epoch}, batch {Batch}: the loss became NaN or infinite")]
    public static partial void JobDiverged(ILogger logger, long jobId, long modelId, int epoch, int batch);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Information,
        Message = "Job {JobId} for model {ModelId} finished repeat {Repeat}/{Repeats} (seed {Seed}): validation accuracy {ValidationAccuracy:P2}, stop reason {StopReason}, {WarmStartedLayers} warm-started layer(s), resumed after epoch {ResumedFromEpoch}")]
    public static partial void RepeatFinished(ILogger logger, long jobId, long modelId, int repeat, int repeats, int seed, double validationAccuracy,
        string stopReason, int warmStartedLayers, int resumedFromEpoch);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Warning, Message = "Model {ModelId} trains from scratch instead of warm-starting because {Reason}")]
    public static partial void WarmStartUnavailable(ILogger logger, long modelId, string reason);

    [LoggerMessage(EventId = 1024, Level = LogLevel.Warning, Message = "Job {JobId} for model {ModelId} ended but its checkpoint folder could not be deleted; delete it by hand to free the space")]
    public static partial void CheckpointCleanupFailed(ILogger logger, long jobId, long modelId, Exception exception);

    [LoggerMessage(EventId = 1025, Level = LogLevel.Warning, Message = "Job {JobId} for model {ModelId} could not store a batch progress event; training goes on")]
    public static partial void BatchEventFailed(ILogger logger, long jobId, long modelId, Exception exception);
}
