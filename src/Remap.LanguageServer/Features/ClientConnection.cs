using StreamJsonRpc;

namespace Remap.LanguageServer.Features;

/// <summary>The messages the server sends to the client: notifications and server-to-client requests.</summary>
internal sealed class ClientConnection
{
    private JsonRpc? rpc;

    public void Attach(JsonRpc connection) => rpc = connection;

    public Task NotifyAsync(string method, object parameters) =>
        Rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task<TResult> RequestAsync<TResult>(string method, object? parameters, CancellationToken cancellationToken) =>
        Rpc.InvokeWithParameterObjectAsync<TResult>(method, parameters, cancellationToken);

    private JsonRpc Rpc => rpc ?? throw new InvalidOperationException("The client connection is used before the server started listening.");
}
