using Microsoft.Extensions.Logging;
using Remap.Core.Language;

namespace Remap.LanguageServer.Features;

/// <summary>
/// Keeps the configured Remap server's dataset list, which dataset lines are checked against, as fresh as users expect:
/// read with the settings, read again in the background when a document is opened and the list is older than
/// <paramref name="lifetime"/>, and every <paramref name="interval"/> while documents are open. Diagnostics wait only for
/// the first read with the settings (two seconds at most, in <see cref="SettingsStore.WhenFirstReadAsync"/>). Later reads
/// run in the background, and <paramref name="onChanged"/> checks every open document again when a read finds a different
/// list or a different failure.
/// </summary>
internal sealed class DatasetRefresher(SettingsStore settings, RemapServerClient server, TimeSpan lifetime, TimeSpan interval, Action onChanged, ILogger logger)
{
    private long lastReadTicks = long.MinValue / 2;
    // 0 while no read runs, 1 while one runs, more when calls arrived during that read.
    private int requests;

    /// <summary>Reads the list for new settings, logging a failure, and notes when it was read.</summary>
    public async Task<DatasetList> ReadAsync(Uri serverUrl, string? apiKey, CancellationToken cancellationToken)
    {
        var list = await server.GetDatasetsAsync(serverUrl, apiKey, logFailure: true, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref lastReadTicks, Environment.TickCount64);
        return list;
    }

    /// <summary>Starts a background read when the list is older than the lifetime, and returns at once.</summary>
    public void RefreshIfStale(CancellationToken cancellationToken)
    {
        if (Environment.TickCount64 - Volatile.Read(ref lastReadTicks) >= lifetime.TotalMilliseconds)
        {
            _ = RefreshAsync(cancellationToken);
        }
    }

    /// <summary>Reads the list every interval while <paramref name="isActive"/> returns true, until cancelled.</summary>
    public async Task RunAsync(Func<bool> isActive, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (isActive())
                {
                    await RefreshAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
    }

    /// <summary>
    /// Reads the list; returns true when the list or its failure changed. A call while a read runs returns false at once
    /// and makes the running read start over when it ends, because the list may have changed after that read began.
    /// </summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref requests) > 1)
        {
            return false;
        }

        var changed = false;
        try
        {
            do
            {
                Volatile.Write(ref requests, 1);
                changed |= await ReadAgainAsync(cancellationToken).ConfigureAwait(false);
            }
            while (Interlocked.CompareExchange(ref requests, 0, 1) != 1);
        }
        catch (OperationCanceledException)
        {
            Volatile.Write(ref requests, 0);
        }

        return changed;
    }

    private async Task<bool> ReadAgainAsync(CancellationToken cancellationToken)
    {
        var current = settings.Current;
        if (current.ServerUrl is not { } serverUrl)
        {
            return false;
        }

        // Background reads log only a change, so a stopped server does not add a line per interval.
        var list = await server.GetDatasetsAsync(serverUrl, current.ApiKey, logFailure: false, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref lastReadTicks, Environment.TickCount64);
        if (IsSame(current, list))
        {
            return false;
        }

        // Settings that changed during the read come with a list of their own, so this one is dropped.
        var next = current with { Datasets = list.Datasets, DatasetFailure = list.Failure, ApiKeyRejected = list.ApiKeyRejected };
        if (!settings.TryReplace(current, next))
        {
            return false;
        }

        Log.DatasetListChanged(logger, serverUrl, list.Datasets?.Count ?? 0, list.Failure ?? "none");
        onChanged();
        return true;
    }

    private static bool IsSame(RemapSettings current, DatasetList list) =>
        current.DatasetFailure == list.Failure
        && current.ApiKeyRejected == list.ApiKeyRejected
        && HasSameDatasets(current.Datasets, list.Datasets);

    private static bool HasSameDatasets(IReadOnlyDictionary<string, DatasetShape>? first, IReadOnlyDictionary<string, DatasetShape>? second)
    {
        if (first is null || second is null)
        {
            return first is null && second is null;
        }

        return first.Count == second.Count
            && first.All(pair => second.TryGetValue(pair.Key, out var shape) && shape.Input.Equals(pair.Value.Input) && shape.Classes == pair.Value.Classes);
    }
}
