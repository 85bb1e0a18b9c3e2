using Remap.LanguageServer.Features;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary><c>workspace/didChangeConfiguration</c>: reads the settings again (VS Code sends no values in it).</summary>
internal sealed class DidChangeConfigurationHandler(ServerSession session, ConfigurationReader configuration) : INotificationHandler<DidChangeConfigurationParams>
{
    public string Method => "workspace/didChangeConfiguration";

    public bool MutatesDocumentState => true;

    public Task HandleAsync(DidChangeConfigurationParams parameters, CancellationToken cancellationToken)
    {
        if (!session.SupportsConfiguration && parameters.Settings is { ValueKind: System.Text.Json.JsonValueKind.Object } pushed)
        {
            return configuration.ApplyPushedAsync(pushed, cancellationToken);
        }

        return configuration.ReadAsync(cancellationToken);
    }
}
