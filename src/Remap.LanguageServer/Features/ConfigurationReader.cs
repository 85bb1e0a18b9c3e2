using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Remap.LanguageServer.Protocol;
using StreamJsonRpc;

namespace Remap.LanguageServer.Features;

/// <summary>Reads the <c>remap.*</c> settings with <c>workspace/configuration</c> and, when they changed, checks every open document again.</summary>
internal sealed class ConfigurationReader(
    ServerSession session,
    SettingsStore settings,
    ClientConnection client,
    DatasetRefresher datasets,
    Action onChanged,
    ILogger logger)
{
    private HashSet<string> shownWarnings = new(StringComparer.Ordinal);

    private readonly Lock shownWarningsLock = new();

    private string? lastServer;

    // 1 once the "server is unreachable" message was shown for the current server address and API key.
    private int unreachableShown;

    /// <summary>Asks the client for the settings; a client without <c>workspace/configuration</c> keeps the settings it pushed last.</summary>
    public async Task ReadAsync(CancellationToken cancellationToken)
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

    /// <summary>Takes settings a client pushed in <c>didChangeConfiguration</c>.</summary>
    public Task ApplyPushedAsync(JsonElement pushed, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        return ApplyAsync(RemapSettings.FromSettingsObject(pushed, problems), problems, cancellationToken);
    }

    private async Task ApplyAsync(RemapSettings next, List<string> problems, CancellationToken cancellationToken)
    {
        // A warning is shown once per server address and API key, so a new key that is rejected too is reported again. The
        // address and key of the last read are kept apart from the settings store, because a read that runs at the same time
        // has not stored its settings yet.
        var server = $"{next.ServerUrl}\n{next.ApiKey}";
        if (Interlocked.Exchange(ref lastServer, server) != server)
        {
            ForgetShownWarnings();
        }

        if (next.ServerUrl is { } url)
        {
            var list = await datasets.ReadAsync(url, next.ApiKey, cancellationToken).ConfigureAwait(false);
            next = next with { Datasets = list.Datasets, DatasetFailure = list.Failure, ApiKeyRejected = list.ApiKeyRejected };
            AddServerProblems(list, problems);
            await ShowUnreachableOnceAsync(list).ConfigureAwait(false);
        }

        foreach (var problem in problems)
        {
            Log.SettingIgnored(logger, problem);
        }

        await ShowNewWarningsAsync(problems).ConfigureAwait(false);

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

    private static void AddServerProblems(DatasetList list, List<string> problems)
    {
        if (list.ApiKeyRejected)
        {
            problems.Add($"{list.Failure}: set remap.server.apiKey to a key the server accepts");
        }

        if (list.ApiNotFound)
        {
            problems.Add($"setting remap.server.url: {list.Failure}: use the server's base address such as http://127.0.0.1:5178, without /api/v1");
        }
    }

    // A server that is down is normal while the user has not started it yet, so it gets one information message per
    // server address and API key, and background reads of the dataset list stay silent.
    private async Task ShowUnreachableOnceAsync(DatasetList list)
    {
        if (!list.Unreachable || Interlocked.Exchange(ref unreachableShown, 1) == 1)
        {
            return;
        }

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

    private void ForgetShownWarnings()
    {
        lock (shownWarningsLock)
        {
            shownWarnings = new HashSet<string>(StringComparer.Ordinal);
        }

        Volatile.Write(ref unreachableShown, 0);
    }

    // Shows each problem once while it lasts: a problem the previous read already had is not shown again.
    private async Task ShowNewWarningsAsync(List<string> problems)
    {
        // Two reads can run at once (initialized and a configuration change), so the swap is atomic.
        List<string> newProblems;
        lock (shownWarningsLock)
        {
            var previous = shownWarnings;
            shownWarnings = new HashSet<string>(problems, StringComparer.Ordinal);
            newProblems = [.. problems.Where(problem => !previous.Contains(problem))];
        }

        foreach (var problem in newProblems)
        {
            try
            {
                var message = char.ToUpperInvariant(problem[0]) + problem[1..];
                await client.NotifyAsync("window/showMessage", new ShowMessageParams(2, message)).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is ConnectionLostException or ObjectDisposedException)
            {
                Log.RequestFailed(logger, "window/showMessage", exception);
            }
        }
    }
}
