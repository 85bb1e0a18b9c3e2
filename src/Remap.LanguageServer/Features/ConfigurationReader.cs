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
    RemapServerClient server,
    Action onChanged,
    ILogger logger)
{
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
        catch (Exception exception) when (exception is RemoteInvocationException or ConnectionLostException or ObjectDisposedException or JsonException)
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
        if (next.ServerUrl is { } url)
        {
            next = next with { Datasets = await server.GetDatasetsAsync(url, next.ApiKey, cancellationToken).ConfigureAwait(false) };
        }

        foreach (var problem in problems)
        {
            Log.SettingIgnored(logger, problem);
        }

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
}
