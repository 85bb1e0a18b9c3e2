using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Remap.LanguageServer.Protocol;
using StreamJsonRpc;

namespace Remap.LanguageServer.Features;

/// <summary>
/// Reads the <c>remap.*</c> settings with <c>workspace/configuration</c> and, when they changed, checks every open document again.
/// Reads run one at a time in the order the client sent its notifications, so the newest settings always win and each
/// warning is decided against the read before it, however slowly the Remap server responds.
/// </summary>
internal sealed class ConfigurationReader(
    ServerSession session,
    SettingsStore settings,
    ClientConnection client,
    DatasetRefresher datasets,
    Action onChanged,
    ILogger logger)
{
    // Only one read runs at a time (see InOrderAsync), so these fields need no lock.
    private HashSet<string> shownWarnings = new(StringComparer.Ordinal);
    private (Uri ServerUrl, string? ApiKey)? shownRejectedKey;
    private string? lastServer;
    private bool unreachableShown;
    private bool serverAnswered;

    // The last read that was started; the next one waits for it.
    private Task lastRead = Task.CompletedTask;

    /// <summary>Asks the client for the settings; a client without <c>workspace/configuration</c> keeps the settings it pushed last.</summary>
    public Task ReadAsync(CancellationToken cancellationToken) => InOrderAsync(() => ReadNowAsync(cancellationToken));

    /// <summary>Takes settings a client pushed in <c>didChangeConfiguration</c>.</summary>
    public Task ApplyPushedAsync(JsonElement pushed, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var next = RemapSettings.FromSettingsObject(pushed, problems);
        return InOrderAsync(() => ApplyAsync(next, problems, cancellationToken));
    }

    // Handlers call this in message order before their first await, so the chain keeps the client's order.
    private async Task InOrderAsync(Func<Task> read)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var previous = Interlocked.Exchange(ref lastRead, finished.Task);
        try
        {
            await previous.ConfigureAwait(false);
            await read().ConfigureAwait(false);
        }
        finally
        {
            finished.SetResult();
        }
    }

    private async Task ReadNowAsync(CancellationToken cancellationToken)
    {
        if (!session.SupportsConfiguration)
        {
            settings.MarkFirstRead();
            return;
        }

        JsonElement[] values;
        try
        {
            var items = RemapSettings.Sections.Select(section => new ConfigurationItem(null, section)).ToArray();
            values = await client.RequestAsync<JsonElement[]>("workspace/configuration", new ConfigurationParams(items), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ConnectionLostException or ObjectDisposedException)
        {
            // The client closed the connection, which the host logs as the end of the session: a stack trace adds nothing.
            Log.ConnectionClosedDuringRequest(logger, "workspace/configuration");
            settings.MarkFirstRead();
            return;
        }
        catch (Exception exception) when (exception is RemoteInvocationException or JsonException)
        {
            Log.ConfigurationFailed(logger, exception);
            settings.MarkFirstRead();
            return;
        }

        var problems = new List<string>();
        await ApplyAsync(RemapSettings.FromConfiguration(values ?? [], problems), problems, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyAsync(RemapSettings next, List<string> problems, CancellationToken cancellationToken)
    {
        // Warnings are shown once per server address and API key, so after either changes every warning may show again.
        var server = $"{next.ServerUrl}\n{next.ApiKey}";
        if (lastServer != server)
        {
            lastServer = server;
            shownWarnings = new HashSet<string>(StringComparer.Ordinal);
            unreachableShown = false;
            serverAnswered = false;
        }

        string? rejectedKeyWarning = null;
        if (next.ServerUrl is { } url)
        {
            var list = await datasets.ReadAsync(url, next.ApiKey, cancellationToken).ConfigureAwait(false);
            next = next with { Datasets = list.Datasets, DatasetFailure = list.Failure, ApiKeyRejected = list.ApiKeyRejected };
            if (list.ApiKeyRejected)
            {
                rejectedKeyWarning = $"{list.Failure}: set remap.server.apiKey to a key the server accepts";
                Log.SettingIgnored(logger, rejectedKeyWarning);
            }

            if (list.ApiNotFound)
            {
                problems.Add($"setting remap.server.url: {list.Failure}: use the server's base address such as http://127.0.0.1:5178, without /api/v1");
            }

            // Only a server that never responded for this address and key gets the message. One that responded and then
            // stopped is being restarted or shut down on purpose, and the removed lens line shows that.
            serverAnswered |= !list.Unreachable;
            if (!serverAnswered)
            {
                await ShowUnreachableOnceAsync(list).ConfigureAwait(false);
            }
        }

        foreach (var problem in problems)
        {
            Log.SettingIgnored(logger, problem);
        }

        var newWarnings = TakeNewWarnings(problems);
        if (rejectedKeyWarning is not null && TakeRejectedKey(next))
        {
            newWarnings.Add(rejectedKeyWarning);
        }
        else if (rejectedKeyWarning is null && next.DatasetFailure is null)
        {
            // The server accepted the key or none is configured, so a key rejected later is a new problem. A read that timed
            // out or found the server unreachable got no verdict on the key, so it keeps the warning marked as shown.
            shownRejectedKey = null;
        }

        await ShowAsync(newWarnings).ConfigureAwait(false);

        var changed = settings.Update(next);
        settings.MarkFirstRead();
        if (!changed)
        {
            return;
        }

        Log.SettingsRead(logger, next.ServerUrl?.ToString() ?? "none", next.DefaultInput?.ToString() ?? "none",
            next.DefaultClasses?.ToString(CultureInfo.InvariantCulture) ?? "none");
        onChanged();
    }

    // A server that is down is normal while the user has not started it yet, so it gets one information message per
    // server address and API key. Background reads of the dataset list do not come here, so they stay silent.
    private async Task ShowUnreachableOnceAsync(DatasetList list)
    {
        if (!list.Unreachable || unreachableShown)
        {
            return;
        }

        unreachableShown = true;
        var message = $"{list.Failure}: the code lens and dataset checks go without it until it runs; start it or correct remap.server.url";
        try
        {
            // Type 3 is LSP's MessageType.Info.
            await client.NotifyAsync("window/showMessage", new ShowMessageParams(3, char.ToUpperInvariant(message[0]) + message[1..])).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ConnectionLostException or ObjectDisposedException)
        {
            Log.ConnectionClosedDuringRequest(logger, "window/showMessage");
        }
    }

    // Returns the setting problems the previous read did not have and stores this read's, so each is shown once while it lasts.
    private List<string> TakeNewWarnings(List<string> problems)
    {
        var previous = shownWarnings;
        shownWarnings = new HashSet<string>(problems, StringComparer.Ordinal);
        return [.. problems.Where(problem => !previous.Contains(problem))];
    }

    // Returns true when this server and key were not yet reported as rejected, because another key or server is a new problem.
    private bool TakeRejectedKey(RemapSettings next)
    {
        var key = (next.ServerUrl!, next.ApiKey);
        if (shownRejectedKey == key)
        {
            return false;
        }

        shownRejectedKey = key;
        return true;
    }

    private async Task ShowAsync(List<string> warnings)
    {
        foreach (var warning in warnings)
        {
            try
            {
                var message = char.ToUpperInvariant(warning[0]) + warning[1..];
                await client.NotifyAsync("window/showMessage", new ShowMessageParams(2, message)).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is ConnectionLostException or ObjectDisposedException)
            {
                Log.ConnectionClosedDuringRequest(logger, "window/showMessage");
            }
        }
    }
}
