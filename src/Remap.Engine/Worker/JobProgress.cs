using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Remap.Engine.Events;
using Remap.Engine.Jobs;
using Remap.Engine.Store;
using Remap.Training;

namespace Remap.Engine.Worker;

/// <summary>
/// Receives the trainer's progress of one repeat: publishes epoch events and throttled batch
/// events, logs each epoch and writes the epoch and its metrics to the job.
/// </summary>
internal sealed class JobProgress(
    JobQueue queue, JobEventHub events, ILogger logger, TimeProvider timeProvider, EngineOptions settings, ClaimedJob claim, int seed,
    IReadOnlyList<EpochMetrics> resumedEpochs) : IProgress<TrainingProgress>
{
    private readonly Lock gate = new();
    private readonly List<EpochMetrics> epochs = [.. resumedEpochs];
    private DateTimeOffset lastBatchEvent = DateTimeOffset.MinValue;
    private DateTimeOffset lastWrite = DateTimeOffset.MinValue;
    private Task batchWrite = Task.CompletedTask;

    /// <summary>The epochs finished so far in this repeat and their metrics as JSON.</summary>
    public (int Epochs, string MetricsJson) Snapshot()
    {
        lock (gate)
        {
            return (epochs.Count, StoreJson.Serialize(epochs));
        }
    }

    /// <summary>Completes when the batch event being written is stored, so the job's state event comes after it.</summary>
    public Task FlushAsync() => batchWrite;

    public void Report(TrainingProgress value)
    {
        var now = timeProvider.GetUtcNow();
        if (value.CompletedEpoch is not { } metrics)
        {
            // A batch event due while the previous one is still being written is skipped, because the next one reports later progress anyway.
            if (now - lastBatchEvent >= settings.BatchEventInterval && batchWrite.IsCompleted)
            {
                lastBatchEvent = now;
                var data = new JobEventData { Seed = seed, Epoch = value.Epoch, Epochs = value.Epochs, Batch = value.Batch, Batches = value.Batches };

                // The insert runs beside the training, so a slow commit never holds up the next batch.
                batchWrite = Task.Run(() => PublishBatchAsync(data));
            }

            return;
        }

        // The epoch's event follows its last batch event, never the other way round.
        batchWrite.GetAwaiter().GetResult();

        string metricsJson;
        lock (gate)
        {
            epochs.Add(metrics);
            metricsJson = StoreJson.Serialize(epochs);
        }

        WorkerLog.EpochFinished(logger, claim.JobId, claim.ModelId, metrics.Epoch, value.Epochs, metrics.TrainLoss, metrics.ValidationAccuracy);
        events.Publish(JobEventTypes.Epoch, claim.JobId, claim.ModelId, new JobEventData
        {
            Seed = seed,
            Epoch = metrics.Epoch,
            Epochs = value.Epochs,
            TrainLoss = metrics.TrainLoss,
            TrainAccuracy = metrics.TrainAccuracy,
            ValidationAccuracy = metrics.ValidationAccuracy,
            Seconds = metrics.Seconds,
        });

        var isLast = metrics.Epoch >= value.Epochs;
        if (!isLast && now - lastWrite < settings.ProgressInterval)
        {
            return;
        }

        lastWrite = now;

        // The trainer calls back on its own thread, so a blocking write keeps the epochs in order.
        queue.ReportProgressAsync(claim, metrics.Epoch, value.Epochs, metricsJson).GetAwaiter().GetResult();
    }

    private async Task PublishBatchAsync(JobEventData data)
    {
        try
        {
            await events.PublishAsync(JobEventTypes.Batch, claim.JobId, claim.ModelId, data);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException)
        {
            // Batch progress is advisory: a locked or unreachable store costs this event, never the training.
            WorkerLog.BatchEventFailed(logger, claim.JobId, claim.ModelId, exception);
        }
    }
}
