using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Remap.Engine.Events;

/// <summary>
/// Deletes stored job events older than <see cref="EngineOptions.EventRetention"/> at start-up and then every
/// <see cref="EngineOptions.EventPruneInterval"/>. Every process that shares the store may run one. A second
/// pass finds nothing left to delete.
/// </summary>
internal sealed partial class JobEventPruner(
    JobEventHub hub, IOptions<EngineOptions> options, TimeProvider timeProvider, ILogger<JobEventPruner> logger) : BackgroundService
{
    private readonly EngineOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var cutoff = timeProvider.GetUtcNow().UtcDateTime - settings.EventRetention;
                var deleted = await hub.PruneAsync(cutoff, stoppingToken);
                if (deleted > 0)
                {
                    EventsPruned(logger, deleted, cutoff);
                }

                await Task.Delay(settings.EventPruneInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException)
            {
                // A locked or unreachable store delays the pass, so events are kept a little longer and never deleted early.
                PruneFailed(logger, settings.EventPruneInterval, exception);
                await DelayQuietlyAsync(stoppingToken);
            }
        }
    }

    private async Task DelayQuietlyAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(settings.EventPruneInterval, timeProvider, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping; the loop ends on its next check.
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Deleted {Count} job events written before {Cutoff:O}")]
    private static partial void EventsPruned(ILogger logger, int count, DateTime cutoff);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Could not delete old job events; trying again in {Delay}")]
    private static partial void PruneFailed(ILogger logger, TimeSpan delay, Exception exception);
}
