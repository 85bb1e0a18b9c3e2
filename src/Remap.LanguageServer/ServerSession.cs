using Remap.LanguageServer.Protocol;
using StreamJsonRpc;

namespace Remap.LanguageServer;

/// <summary>The lifecycle of one client connection: not initialized, running, shut down, exited.</summary>
internal sealed class ServerSession
{
    private readonly TaskCompletionSource<int> exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool initialized;
    private volatile bool shutdownReceived;

    public ClientCapabilities Capabilities { get; private set; } = new();

    public string ClientName { get; private set; } = "an unnamed client";

    public bool IsInitialized => initialized;

    public bool ShutdownReceived => shutdownReceived;

    /// <summary>Completes with the process exit code when the client sends <c>exit</c>.</summary>
    public Task<int> Exited => exit.Task;

    /// <summary>Whether the client pulls diagnostics (<c>textDocument/diagnostic</c>); the server then never pushes them.</summary>
    public bool UsesPullDiagnostics => Capabilities.TextDocument?.Diagnostic is not null;

    public bool SupportsSnippets => Capabilities.TextDocument?.Completion?.CompletionItem?.SnippetSupport == true;

    public bool SupportsConfiguration => Capabilities.Workspace?.Configuration == true;

    /// <summary>Markdown unless the client lists hover formats without it; the text is then shown as it is, Markdown marks included.</summary>
    public string HoverMarkupKind =>
        Capabilities.TextDocument?.Hover?.ContentFormat is { Length: > 0 } formats && !formats.Contains(MarkupKind.Markdown) ? MarkupKind.PlainText : MarkupKind.Markdown;

    public void Initialize(InitializeParams parameters)
    {
        if (initialized)
        {
            throw new LocalRpcException("initialize was sent twice: send it once, as the first request") { ErrorCode = ErrorCodes.InvalidRequest };
        }

        Capabilities = parameters.Capabilities ?? new ClientCapabilities();
        ClientName = parameters.ClientInfo?.Name ?? ClientName;
        initialized = true;
    }

    /// <summary>Throws the error the specification requires for a request before <c>initialize</c> or after <c>shutdown</c>.</summary>
    public void EnsureAcceptsRequest(string method)
    {
        if (method == "initialize")
        {
            return;
        }

        if (!initialized)
        {
            throw new LocalRpcException($"{method} arrived before initialize: send initialize first") { ErrorCode = ErrorCodes.ServerNotInitialized };
        }

        if (shutdownReceived)
        {
            throw new LocalRpcException($"{method} arrived after shutdown: the only message accepted now is exit") { ErrorCode = ErrorCodes.InvalidRequest };
        }
    }

    /// <summary>Notifications before <c>initialize</c> or after <c>shutdown</c> are dropped, as the specification requires; <c>exit</c> is always accepted.</summary>
    public bool AcceptsNotification(string method) => method == "exit" || (initialized && !shutdownReceived);

    public void Shutdown() => shutdownReceived = true;

    /// <summary>Ends the session: exit code 0 after <c>shutdown</c>, 1 without it.</summary>
    public int Exit()
    {
        var code = shutdownReceived ? 0 : 1;
        exit.TrySetResult(code);
        return code;
    }
}
