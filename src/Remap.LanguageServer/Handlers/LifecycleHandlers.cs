using System.Reflection;
using Microsoft.Extensions.Logging;
using Remap.LanguageServer.Features;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary><c>initialize</c>: stores the client's capabilities and announces the server's.</summary>
internal sealed class InitializeHandler(ServerSession session, ILogger logger) : IRequestHandler<InitializeParams, InitializeResult>
{
    public string Method => "initialize";

    public bool MutatesDocumentState => true;

    public Task<InitializeResult> HandleAsync(InitializeParams parameters, CancellationToken cancellationToken)
    {
        session.Initialize(parameters);
        Log.Initialized(logger, session.ClientName, session.UsesPullDiagnostics ? "pulled" : "pushed");

        var capabilities = new ServerCapabilities
        {
            TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, Change: TextDocumentSyncKind.Incremental),
            DiagnosticProvider = session.UsesPullDiagnostics ? new DiagnosticOptions("remap", InterFileDependencies: false, WorkspaceDiagnostics: false) : null,
            CompletionProvider = new CompletionOptions([" ", "="], ResolveProvider: false),
            HoverProvider = true,
            InlayHintProvider = true,
            CodeLensProvider = new CodeLensOptions(ResolveProvider: false),
            CodeActionProvider = new CodeActionOptions([CodeActionKind.QuickFix], ResolveProvider: false),
            DocumentFormattingProvider = true,
            DocumentSymbolProvider = true,
            SemanticTokensProvider = new SemanticTokensOptions(SemanticTokenEncoder.Legend, Full: true, Range: false),
            FoldingRangeProvider = true,
        };
        var version = typeof(InitializeHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return Task.FromResult(new InitializeResult(capabilities, new ServerInfo("remap-language-server", version)));
    }
}

/// <summary><c>initialized</c>: reads the settings once the client is ready to answer requests.</summary>
internal sealed class InitializedHandler(ConfigurationReader configuration) : INotificationHandler<InitializedParams>
{
    public string Method => "initialized";

    public bool MutatesDocumentState => true;

    public Task HandleAsync(InitializedParams parameters, CancellationToken cancellationToken) => configuration.ReadAsync(cancellationToken);
}

/// <summary><c>shutdown</c>: stops publishing; every later request but <c>exit</c> is rejected.</summary>
internal sealed class ShutdownHandler(ServerSession session, DiagnosticPublisher publisher) : IRequestHandler<object?, object?>
{
    public string Method => "shutdown";

    public bool MutatesDocumentState => true;

    public Task<object?> HandleAsync(object? parameters, CancellationToken cancellationToken)
    {
        session.Shutdown();
        publisher.Dispose();
        return Task.FromResult<object?>(null);
    }
}

/// <summary><c>exit</c>: ends the process, with code 0 after <c>shutdown</c> and 1 without it.</summary>
internal sealed class ExitHandler(ServerSession session) : INotificationHandler<object?>
{
    public string Method => "exit";

    public bool MutatesDocumentState => true;

    public Task HandleAsync(object? parameters, CancellationToken cancellationToken)
    {
        session.Exit();
        return Task.CompletedTask;
    }
}

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
