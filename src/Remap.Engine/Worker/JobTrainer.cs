using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remap.Engine.Events;
using Remap.Engine.Jobs;
using Remap.Engine.Store;
using Remap.Training;
using Remap.Training.Checkpoints;
using Remap.Training.Data;

namespace Remap.Engine.Worker;

/// <summary>
/// Trains one claimed job: compiles the model's canonical text, loads its dataset, trains each
/// repeat (seed) while a monitor renews the lease and watches for cancellation, then records the
/// runs. Each repeat checkpoints every epoch, so a requeued job resumes where it stopped.
/// </summary>
public sealed class JobTrainer(
    IDbContextFactory<RemapDbContext> contextFactory,
    JobQueue queue,
    DatasetCatalog datasets,
    Trainer trainer,
    JobEventHub events,
    RunFiles files,
    IOptions<EngineOptions> options,
    TimeProvider timeProvider,
    ILogger<JobTrainer> logger)
{
    private readonly EngineOptions settings = options.Value;

    /// <summary>Trains the job and records how it ended. Throws only when <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task TrainAsync(ClaimedJob claim, CancellationToken stoppingToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = claim.JobId, ["ModelId"] = claim.ModelId });
        WorkerLog.JobStarted(logger, claim.JobId, claim.ModelId, claim.Attempt);

        using var trainingCancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var monitor = new JobMonitor(queue, claim, settings, timeProvider);
        var monitorTask = monitor.RunAsync(trainingCancellation);
        var progress = default(JobProgress);
        var ownsLease = true;
        try
        {
            var inputs = await JobInputs.LoadAsync(contextFactory, datasets, files, settings, claim, logger, stoppingToken);
            for (var repeat = inputs.Job.CompletedRepeats; repeat < inputs.Job.Repeats; repeat++)
            {
                var request = inputs.CreateRequest(repeat);
                progress = new JobProgress(queue, events, logger, timeProvider, settings, claim, request.Settings.Seed,
                    TrainingCheckpoint.FindLatest(request.CheckpointDirectory!)?.Epochs ?? []);
                var result = await Task.Run(() => trainer.Train(request with { Progress = progress }, trainingCancellation.Token), trainingCancellation.Token);
                await progress.FlushAsync();
                var run = RunMapping.ToRun(result, timeProvider.GetUtcNow().UtcDateTime);
                if (!await RecordAsync(claim, run, repeat == inputs.Job.Repeats - 1))
                {
                    WorkerLog.LeaseLost(logger, claim.JobId, claim.ModelId, claim.LeaseOwner);
                    ownsLease = false;
                    break;
                }

                DeleteCheckpoints(claim, request.CheckpointDirectory!);
                WorkerLog.RepeatFinished(logger, claim.JobId, claim.ModelId, repeat + 1, inputs.Job.Repeats, result.Seed,
                    result.ValidationAccuracy, result.StopReason.ToString(), result.WarmStartedLayers, result.ResumedFromEpoch);
            }

            await trainingCancellation.CancelAsync();
            await monitorTask;
            if (ownsLease)
            {
                DeleteCheckpoints(claim, files.JobCheckpointsDirectory(claim.JobId));
            }
        }
        catch (OperationCanceledException) when (monitor.CancelRequested)
        {
            await monitorTask;
            await FlushEventsAsync(progress);
            var (epochsDone, metricsJson) = progress?.Snapshot() ?? (0, "[]");
            if (await queue.MarkCancelledAsync(claim, epochsDone, metricsJson, CancellationToken.None))
            {
                DeleteCheckpoints(claim, files.JobCheckpointsDirectory(claim.JobId));
            }

            WorkerLog.JobCancelled(logger, claim.JobId, claim.ModelId, epochsDone);
        }
        catch (OperationCanceledException) when (monitor.LeaseLost)
        {
            await monitorTask;
            WorkerLog.LeaseLost(logger, claim.JobId, claim.ModelId, claim.LeaseOwner);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await monitorTask;
            await FlushEventsAsync(progress);
            await queue.ReleaseAsync(claim, CancellationToken.None);
            WorkerLog.JobReleased(logger, claim.JobId, claim.ModelId);
            throw;
        }
        catch (TrainingDivergedException diverged)
        {
            await trainingCancellation.CancelAsync();
            await monitorTask;
            await FlushEventsAsync(progress);
            var metricsJson = StoreJson.Serialize(diverged.FinishedEpochs);
            if (await queue.MarkDivergedAsync(claim, diverged.Message, diverged.FinishedEpochs.Count, metricsJson, CancellationToken.None))
            {
                DeleteCheckpoints(claim, files.JobCheckpointsDirectory(claim.JobId));
            }

            WorkerLog.JobDiverged(logger, claim.JobId, claim.ModelId, diverged.Epoch, diverged.Batch);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Any training error (bad stored model, unreadable dataset, LibTorch failure) ends this job only.
            await trainingCancellation.CancelAsync();
            await monitorTask;
            await FlushEventsAsync(progress);
            var error = $"{exception.GetType().Name}: {exception.Message}";
            if (await queue.FailAsync(claim, error, CancellationToken.None))
            {
                DeleteCheckpoints(claim, files.JobCheckpointsDirectory(claim.JobId));
            }

            WorkerLog.JobFailed(logger, claim.JobId, claim.ModelId, error, exception);
        }
        finally
        {
            NativeHeap.ReleaseAfterJob();
        }
    }

    // A batch event still being written must land before the job's state event.
    private static Task FlushEventsAsync(JobProgress? progress) => progress?.FlushAsync() ?? Task.CompletedTask;

    // A stored repeat or an ended job never resumes, so its checkpoints only take disk space.
    private void DeleteCheckpoints(ClaimedJob claim, string directory)
    {
        try
        {
            TrainingCheckpoint.Delete(directory);
        }
        catch (IOException exception)
        {
            WorkerLog.CheckpointCleanupFailed(logger, claim.JobId, claim.ModelId, exception);
        }
    }

    private async Task<bool> RecordAsync(ClaimedJob claim, RunEntity run, bool isLast)
    {
        if (!isLast)
        {
            return await queue.AddRepeatRunAsync(claim, run, CancellationToken.None);
        }

        if (!await queue.CompleteAsync(claim, run, CancellationToken.None))
        {
            return false;
        }

        WorkerLog.JobSucceeded(logger, claim.JobId, claim.ModelId, run.DurationSeconds, run.ValidationAccuracy, run.TestAccuracy);
        return true;
    }
}
