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
        ParentProcessWatcher.Watch(parameters.ProcessId, session, logger);
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
