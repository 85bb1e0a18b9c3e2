using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remap.Engine.Jobs;
using Remap.Engine.Store;
using Remap.Training;

namespace Remap.Engine.Worker;

/// <summary>
/// Claims queued jobs and trains them, <see cref="EngineOptions.WorkerConcurrency"/> at a time.
/// A training that fails is recorded on its job and never stops the worker or the host.
/// </summary>
public sealed class TrainingWorker(
    JobQueue queue,
    JobTrainer jobTrainer,
    IOptions<EngineOptions> options,
    TimeProvider timeProvider,
    ILogger<TrainingWorker> logger) : BackgroundService
{
    private static readonly TimeSpan StoreErrorDelay = TimeSpan.FromSeconds(5);

    private readonly EngineOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Yield first so the host finishes starting while LibTorch loads.
        await Task.Yield();
        try
        {
            TorchRuntime.EnsureLoaded();
        }
        catch (TorchRuntimeException exception)
        {
            WorkerLog.TorchUnavailable(logger, settings.WorkerId, exception);
            return;
        }

        WorkerLog.WorkerStarted(logger, settings.WorkerId, settings.WorkerConcurrency);
        var slots = Enumerable.Range(1, Math.Max(1, settings.WorkerConcurrency))
            .Select(slot => RunSlotAsync($"{settings.WorkerId}/{slot}", stoppingToken));
        await Task.WhenAll([.. slots, ScanExpiredLeasesAsync(stoppingToken)]);
        WorkerLog.WorkerStopped(logger, settings.WorkerId);
    }

    private async Task RunSlotAsync(string owner, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claim = await queue.ClaimNextAsync(owner, settings.LeaseDuration, stoppingToken);
                if (claim is null)
                {
                    await Task.Delay(settings.PollInterval, timeProvider, stoppingToken);
                    continue;
                }

                await jobTrainer.TrainAsync(claim, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbUpdateException exception)
            {
                await DelayAfterStoreErrorAsync(exception, stoppingToken);
            }
            catch (InvalidOperationException exception)
            {
                // EF Core reports an unreachable or locked database as InvalidOperationException.
                await DelayAfterStoreErrorAsync(exception, stoppingToken);
            }
        }
    }

    private async Task ScanExpiredLeasesAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var expired in await queue.RequeueExpiredLeasesAsync(stoppingToken))
                {
                    if (expired.NewState == JobStates.Queued)
                    {
                        WorkerLog.JobRequeued(logger, expired.JobId, expired.ModelId, expired.Attempts);
                    }
                    else if (expired.NewState == JobStates.Cancelled)
                    {
                        WorkerLog.JobCancelledAfterLeaseExpired(logger, expired.JobId, expired.ModelId, expired.Attempts);
                    }
                    else
                    {
                        WorkerLog.JobLeaseExhausted(logger, expired.JobId, expired.ModelId, expired.Attempts, expired.Error);
                    }
                }

                await Task.Delay(settings.ExpiredLeaseScanInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbUpdateException exception)
            {
                await DelayAfterStoreErrorAsync(exception, stoppingToken);
            }
        }
    }

    private async Task DelayAfterStoreErrorAsync(Exception exception, CancellationToken stoppingToken)
    {
        WorkerLog.StoreError(logger, settings.WorkerId, StoreErrorDelay, exception);
        try
        {
            await Task.Delay(StoreErrorDelay, timeProvider, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping; the slot loop ends on its next check.
        }
    }
}
