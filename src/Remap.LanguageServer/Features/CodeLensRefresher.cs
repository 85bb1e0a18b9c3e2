using System.Text.Json;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace Remap.LanguageServer.Features;

/// <summary>
/// Sends <c>workspace/codeLens/refresh</c> once for causes that arrive together. A finished training run can be seen by the
/// "already trained" recheck and by a dataset list or settings change within the same moment, and each cause alone would
/// make the client request every lens again, so requests within <paramref name="window"/> of the first share one refresh.
/// </summary>
internal sealed class CodeLensRefresher(ServerSession session, ClientConnection client, TimeSpan window, ILogger logger)
{
    // 1 while a refresh waits for the end of its window.
    private int scheduled;

    /// <summary>Schedules a refresh for clients that announce <c>codeLens.refreshSupport</c>, and returns at once.</summary>
    public void Request(CancellationToken cancellationToken)
    {
        if (session.Capabilities.Workspace?.CodeLens?.RefreshSupport != true || Interlocked.Exchange(ref scheduled, 1) == 1)
        {
            return;
        }

        _ = SendAfterWindowAsync(cancellationToken);
    }

    private async Task SendAfterWindowAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(window, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The session ended, so no client waits for the refresh.
            return;
        }

        // A cause that arrives from here on schedules another refresh, because the client may already have read the lenses.
        Volatile.Write(ref scheduled, 0);
        if (session.ShutdownReceived)
        {
            return;
        }

        try
        {
            await client.RequestAsync<JsonElement?>("workspace/codeLens/refresh", null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RemoteInvocationException or ConnectionLostException or ObjectDisposedException)
        {
            Log.RequestFailed(logger, "workspace/codeLens/refresh", exception);
        }
    }
}
