using System.Text.Json;
using Microsoft.Extensions.Logging;
using Remap.LanguageServer.Features;
using Remap.LanguageServer.Protocol;
using StreamJsonRpc;

namespace Remap.LanguageServer.Handlers;

/// <summary>
/// <c>initialized</c>: registers for <c>workspace/didChangeConfiguration</c> with the section <c>remap</c> when the client supports
/// dynamic registration, because such a client may send that notification only for registered sections. Then reads the settings.
/// </summary>
internal sealed class InitializedHandler(ServerSession session, ClientConnection client, ConfigurationReader configuration, ILogger logger)
    : INotificationHandler<InitializedParams>
{
    public string Method => "initialized";

    public bool MutatesDocumentState => true;

    public async Task HandleAsync(InitializedParams parameters, CancellationToken cancellationToken)
    {
        if (session.Capabilities.Workspace?.DidChangeConfiguration?.DynamicRegistration == true)
        {
            var registration = new Registration(Guid.NewGuid().ToString(), "workspace/didChangeConfiguration", new DidChangeConfigurationRegistrationOptions("remap"));
            try
            {
                await client.RequestAsync<JsonElement?>("client/registerCapability", new RegistrationParams([registration]), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is RemoteInvocationException or ConnectionLostException or ObjectDisposedException)
            {
                Log.RequestFailed(logger, "client/registerCapability", exception);
            }
        }

        await configuration.ReadAsync(cancellationToken).ConfigureAwait(false);
    }
}
