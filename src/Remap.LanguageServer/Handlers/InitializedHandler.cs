using Remap.LanguageServer.Features;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary><c>initialized</c>: reads the settings once the client accepts requests from the server.</summary>
internal sealed class InitializedHandler(ConfigurationReader configuration) : INotificationHandler<InitializedParams>
{
    public string Method => "initialized";

    public bool MutatesDocumentState => true;

    public Task HandleAsync(InitializedParams parameters, CancellationToken cancellationToken) => configuration.ReadAsync(cancellationToken);
}
