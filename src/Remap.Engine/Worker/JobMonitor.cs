using Remap.Engine.Jobs;

namespace Remap.Engine.Worker;

/// <summary>
/// Runs beside a training: renews the job's lease every heartbeat interval and cancels the training
/// when a user cancels the job or the lease is lost.
/// </summary>
internal sealed class JobMonitor(JobQueue queue, ClaimedJob claim, EngineOptions settings, TimeProvider timeProvider)
{
    public bool CancelRequested { get; private set; }

    public bool LeaseLost { get; private set; }

    /// <summary>Watches the job until <paramref name="training"/> is cancelled, by the monitor itself or by the caller.</summary>
    public async Task RunAsync(CancellationTokenSource training)
    {
        var token = training.Token;
        var lastHeartbeat = timeProvider.GetUtcNow();
        var cancelSignal = queue.WhenCancelRequested(claim.JobId);
        try
        {
            while (!token.IsCancellationRequested)
            {
                // The poll finds cancels made by other processes; the signal wakes the monitor at once for this process's API.
                await Task.WhenAny(Task.Delay(settings.CancelCheckInterval, timeProvider, token), cancelSignal).WaitAsync(token);

                if (await queue.IsCancelRequestedAsync(claim.JobId, token))
                {
                    CancelRequested = true;
                    await training.CancelAsync();
                    return;
                }

                if (timeProvider.GetUtcNow() - lastHeartbeat < settings.HeartbeatInterval)
                {
                    continue;
                }

                lastHeartbeat = timeProvider.GetUtcNow();
                if (!await queue.RenewLeaseAsync(claim, settings.LeaseDuration, token))
                {
                    LeaseLost = true;
                    await training.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The training ended or the host is stopping.
        }
        finally
        {
            queue.ForgetCancelSignal(claim.JobId);
        }
    }
}
