using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remap.Core.Language;
using Remap.Engine.Jobs;
using Remap.Engine.Store;
using Remap.Training;
using Remap.Training.Data;

namespace Remap.Engine.Worker;

/// <summary>
/// Trains one claimed job: compiles the model's canonical text, loads its dataset, runs the
/// trainer while a monitor renews the lease and watches for cancellation, then records the result.
/// </summary>
public sealed class JobTrainer(
    IDbContextFactory<RemapDbContext> contextFactory,
    JobQueue queue,
    DatasetCatalog datasets,
    Trainer trainer,
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
        try
        {
            var result = await Task.Run(() => Train(claim, trainingCancellation.Token), trainingCancellation.Token);
            await trainingCancellation.CancelAsync();
            await monitorTask;

            var run = RunMapping.ToRun(result, timeProvider.GetUtcNow().UtcDateTime);
            if (await queue.CompleteAsync(claim, run, CancellationToken.None))
            {
                WorkerLog.JobSucceeded(logger, claim.JobId, claim.ModelId, result.Duration.TotalSeconds, result.ValidationAccuracy, result.TestAccuracy);
            }
            else
            {
                WorkerLog.LeaseLost(logger, claim.JobId, claim.ModelId, claim.LeaseOwner);
            }
        }
        catch (OperationCanceledException) when (monitor.CancelRequested)
        {
            await monitorTask;
            await queue.MarkCancelledAsync(claim, CancellationToken.None);
            WorkerLog.JobCancelled(logger, claim.JobId, claim.ModelId);
        }
        catch (OperationCanceledException) when (monitor.LeaseLost)
        {
            await monitorTask;
            WorkerLog.LeaseLost(logger, claim.JobId, claim.ModelId, claim.LeaseOwner);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await monitorTask;
            await queue.ReleaseAsync(claim, CancellationToken.None);
            WorkerLog.JobReleased(logger, claim.JobId, claim.ModelId);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Any training error (bad stored model, unreadable dataset, LibTorch failure) ends this job only.
            await trainingCancellation.CancelAsync();
            await monitorTask;
            var error = $"{exception.GetType().Name}: {exception.Message}";
            await queue.FailAsync(claim, error, CancellationToken.None);
            WorkerLog.JobFailed(logger, claim.JobId, claim.ModelId, error, exception);
        }
    }

    private TrainingResult Train(ClaimedJob claim, CancellationToken cancellationToken)
    {
        ModelEntity model;
        using (var context = contextFactory.CreateDbContext())
        {
            model = context.Models.AsNoTracking().Single(row => row.Id == claim.ModelId);
        }

        var compilation = ArchitectureCompiler.Compile(model.CanonicalText, new CompileOptions
        {
            ResolveDataset = name => datasets.Find(name) is { } info ? new DatasetShape(info.Input, info.Classes) : null,
        }, cancellationToken);
        if (compilation.HasErrors || compilation.Architecture is null)
        {
            var problems = string.Join("; ", compilation.Diagnostics.Where(diagnostic => diagnostic.IsError));
            throw new InvalidOperationException($"The stored canonical text of model {model.Id} no longer compiles ({problems}); create the model again.");
        }

        var trainingSettings = RunMapping.ReadSettings(model);
        var architecture = compilation.Architecture.WithTraining(trainingSettings);
        var data = datasets.Load(model.DatasetName);
        var progress = new EpochProgress(queue, logger, timeProvider, settings.ProgressInterval, claim, trainingSettings.Epochs);
        return trainer.Train(architecture, data, trainingSettings, progress, cancellationToken);
    }

    /// <summary>Logs each finished epoch and writes it to the job, at most once per progress interval except for the last epoch.</summary>
    private sealed class EpochProgress(
        JobQueue queue, ILogger logger, TimeProvider timeProvider, TimeSpan interval, ClaimedJob claim, int epochs) : IProgress<TrainingProgress>
    {
        private DateTimeOffset lastWrite = DateTimeOffset.MinValue;

        public void Report(TrainingProgress value)
        {
            if (value.CompletedEpoch is not { } metrics)
            {
                return;
            }

            WorkerLog.EpochFinished(logger, claim.JobId, claim.ModelId, metrics.Epoch, value.Epochs, metrics.TrainLoss, metrics.ValidationAccuracy);

            var now = timeProvider.GetUtcNow();
            var isLast = metrics.Epoch >= epochs;
            if (!isLast && now - lastWrite < interval)
            {
                return;
            }

            lastWrite = now;

            // The trainer calls back on its own thread, so a blocking write keeps the epochs in order.
            queue.ReportProgressAsync(claim, metrics.Epoch, value.Epochs).GetAwaiter().GetResult();
        }
    }
}
