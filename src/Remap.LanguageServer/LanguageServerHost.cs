using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.VisualStudio.Threading;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Features;
using Remap.LanguageServer.Handlers;
using StreamJsonRpc;

namespace Remap.LanguageServer;

/// <summary>What a host may change about the server, for tests and the benchmark.</summary>
public sealed record LanguageServerOptions
{
    /// <summary>How long pushed diagnostics wait after the last change, so typing compiles once per pause.</summary>
    public TimeSpan DiagnosticDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long the code lens waits for the Remap server before it leaves out the "already trained" line.</summary>
    public TimeSpan ServerTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a result of the Remap server (a model, no model or a failed request) serves code lens requests.</summary>
    public TimeSpan ServerAnswerLifetime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the server repeats the "already trained" lookups that lens requests made recently.</summary>
    public TimeSpan CodeLensRecheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the server gathers causes of a <c>workspace/codeLens/refresh</c> before it sends one for all of them.</summary>
    public TimeSpan CodeLensRefreshWindow { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How old the Remap server's dataset list may be when a document is opened before it is read again in the background.</summary>
    public TimeSpan DatasetListLifetime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the server reads the dataset list again while documents are open.</summary>
    public TimeSpan DatasetRefreshInterval { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// One language server session over a pair of streams: JSON-RPC with LSP's Content-Length headers, one handler per method,
/// messages dispatched one at a time in arrival order so that document changes apply in order.
/// </summary>
public sealed class LanguageServerHost : System.IAsyncDisposable
{
    private readonly JsonRpc rpc;
    private readonly ServerSession session = new();
    private readonly DiagnosticPublisher publisher;
    private readonly RemapServerClient serverClient;
    private readonly DatasetRefresher datasets;
    private readonly TextDocumentStore documents;
    private readonly ILogger logger;
    private readonly ClientConnection client;
    private readonly TimeSpan recheckInterval;
    private readonly CodeLensRefresher codeLensRefresher;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource<JsonRpcDisconnectedEventArgs> disconnection = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LanguageServerHost(Stream input, Stream output, ILoggerFactory loggerFactory, LanguageServerOptions? options = null)
    {
        options ??= new LanguageServerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.DatasetRefreshInterval, TimeSpan.Zero, nameof(options.DatasetRefreshInterval));
        logger = loggerFactory.CreateLogger("Remap.LanguageServer");

        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = ProtocolSerializer.Options };
        rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, input, formatter))
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };

        rpc.Disconnected += (_, arguments) => disconnection.TrySetResult(arguments);
        recheckInterval = options.CodeLensRecheckInterval;
        client = new ClientConnection();
        client.Attach(rpc);
        codeLensRefresher = new CodeLensRefresher(session, client, options.CodeLensRefreshWindow, logger);
        documents = new TextDocumentStore(logger);
        var settings = new SettingsStore();
        var analyzer = new DocumentAnalyzer(settings);
        publisher = new DiagnosticPublisher(session, documents, analyzer, client, options.DiagnosticDelay, logger);
        serverClient = new RemapServerClient(options.ServerTimeout, options.ServerAnswerLifetime, logger);
        datasets = new DatasetRefresher(settings, serverClient, options.DatasetListLifetime, options.DatasetRefreshInterval, () => OnSettingsChanged(client), logger);
        var configuration = new ConfigurationReader(session, settings, client, datasets, () => OnSettingsChanged(client), logger);

        documents.Opened += _ => datasets.RefreshIfStale(stopping.Token);
        documents.Changed += publisher.Schedule;
        documents.Closed += uri =>
        {
            analyzer.Forget(uri);
            publisher.Clear(uri);
        };

        AddRequest(new InitializeHandler(session, logger));
        AddNotification(new InitializedHandler(session, client, configuration, logger));
        AddRequest(new ShutdownHandler(session, publisher), withParameters: false);
        AddNotification(new ExitHandler(session), withParameters: false);
        AddNotification(new DidOpenTextDocumentHandler(documents));
        AddNotification(new DidChangeTextDocumentHandler(documents));
        AddNotification(new DidCloseTextDocumentHandler(documents));
        AddNotification(new DidChangeConfigurationHandler(session, configuration));
        AddRequest(new DocumentDiagnosticHandler(documents, analyzer));
        AddRequest(new CompletionHandler(session, documents, settings));
        AddRequest(new HoverHandler(session, documents, analyzer));
        AddRequest(new InlayHintHandler(documents, analyzer));
        AddRequest(new CodeLensHandler(documents, analyzer, serverClient));
        AddRequest(new CodeActionHandler(documents, analyzer));
        AddRequest(new FormattingHandler(documents));
        AddRequest(new DocumentSymbolHandler(session, documents, analyzer));
        AddRequest(new SemanticTokensFullHandler(documents, analyzer));
        AddRequest(new FoldingRangeHandler(documents, analyzer));
    }

    /// <summary>Serves the client until it sends <c>exit</c> or closes the connection; returns the process exit code.</summary>
    public async Task<int> RunAsync()
    {
        rpc.StartListening();
        var recheck = RecheckCodeLensesAsync(stopping.Token);
        var datasetRefresh = datasets.RunAsync(() => session.IsInitialized && !session.ShutdownReceived && documents.All.Count > 0, stopping.Token);
        var finished = await Task.WhenAny(session.Exited, rpc.Completion).ConfigureAwait(false);
        if (finished != session.Exited)
        {
            await LogDisconnectionAsync().ConfigureAwait(false);
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        await recheck.ConfigureAwait(false);
        await datasetRefresh.ConfigureAwait(false);
        publisher.Dispose();
        var code = session.Exited.IsCompleted ? await session.Exited.ConfigureAwait(false) : session.Exit();
        Log.Exiting(logger, code, session.ShutdownReceived);
        rpc.Dispose();
        return code;
    }

    public ValueTask DisposeAsync()
    {
        stopping.Cancel();
        publisher.Dispose();
        serverClient.Dispose();
        rpc.Dispose();
        return ValueTask.CompletedTask;
    }

    // A message that is not JSON ends the connection, because StreamJsonRpc 2.26 stops reading on a JSON error in a
    // Content-Length message rather than returning error -32700; the log names that cause rather than a client disconnect.
    private async Task LogDisconnectionAsync()
    {
        JsonRpcDisconnectedEventArgs arguments;
        try
        {
            arguments = await disconnection.Task.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.Disconnected(logger, "Unknown", "StreamJsonRpc gave no reason");
            return;
        }

        if (arguments.Reason is DisconnectedReason.ParseError || IsJsonError(arguments.Exception))
        {
            Log.MalformedMessage(logger, arguments.Exception?.GetBaseException().Message ?? arguments.Description, arguments.Exception);
        }
        else
        {
            Log.Disconnected(logger, arguments.Reason.ToString(), arguments.Description);
        }
    }

    private static bool IsJsonError(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is JsonException)
            {
                return true;
            }
        }

        return false;
    }

    // Requests workspace/codeLens/refresh when a background lookup changes an "already trained" result, such as a model
    // that finished training or a server that stopped, for clients that announce codeLens.refreshSupport.
    private async Task RecheckCodeLensesAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(recheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (session.Capabilities.Workspace?.CodeLens?.RefreshSupport != true || session.ShutdownReceived)
                {
                    continue;
                }

                if (await serverClient.RecheckAsync(cancellationToken).ConfigureAwait(false))
                {
                    codeLensRefresher.Request(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
    }

    private void OnSettingsChanged(ClientConnection client)
    {
        publisher.ScheduleAll();
        var workspace = session.Capabilities.Workspace;
        if (session.UsesPullDiagnostics && workspace?.Diagnostics?.RefreshSupport == true)
        {
            _ = RefreshAsync(client, "workspace/diagnostic/refresh");
        }

        if (workspace?.InlayHint?.RefreshSupport == true)
        {
            _ = RefreshAsync(client, "workspace/inlayHint/refresh");
        }

        codeLensRefresher.Request(stopping.Token);
    }

    private async Task RefreshAsync(ClientConnection client, string method)
    {
        try
        {
            await client.RequestAsync<JsonElement?>(method, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RemoteInvocationException or ConnectionLostException or ObjectDisposedException)
        {
            Log.RequestFailed(logger, method, exception);
        }
    }

    private void AddRequest<TParams, TResult>(IRequestHandler<TParams, TResult> handler, bool withParameters = true)
    {
        if (withParameters)
        {
            Func<TParams, CancellationToken, Task<TResult>> invoke = (parameters, cancellationToken) =>
            {
                session.EnsureAcceptsRequest(handler.Method);
                return Observe(handler.Method, handler.HandleAsync(parameters, cancellationToken));
            };
            Register(handler.Method, invoke, singleObject: true);
        }
        else
        {
            // The optional parameter accepts the params a client may send with a parameterless request: absent, null or [null].
            var invoke = (JsonElement? ignored = null, CancellationToken cancellationToken = default) =>
            {
                session.EnsureAcceptsRequest(handler.Method);
                return Observe(handler.Method, handler.HandleAsync(default!, cancellationToken));
            };
            Register(handler.Method, invoke, singleObject: false);
        }
    }

    private void AddNotification<TParams>(INotificationHandler<TParams> handler, bool withParameters = true)
    {
        if (withParameters)
        {
            Func<TParams, CancellationToken, Task> invoke = (parameters, cancellationToken) =>
                session.AcceptsNotification(handler.Method) ? Observe(handler.Method, handler.HandleAsync(parameters, cancellationToken)) : Task.CompletedTask;
            Register(handler.Method, invoke, singleObject: true);
        }
        else
        {
            Func<Task> invoke = () =>
                session.AcceptsNotification(handler.Method) ? Observe(handler.Method, handler.HandleAsync(default!, CancellationToken.None)) : Task.CompletedTask;
            Register(handler.Method, invoke, singleObject: false);
        }
    }

    private void Register(string method, Delegate invoke, bool singleObject) =>
        rpc.AddLocalRpcMethod(invoke.Method, invoke.Target, new JsonRpcMethodAttribute(method) { UseSingleObjectParameterDeserialization = singleObject });

    // The handler already ran up to its first await, in message order; this only logs an unexpected failure.
    private async Task<TResult> Observe<TResult>(string method, Task<TResult> task)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or LocalRpcException))
        {
            Log.RequestFailed(logger, method, exception);
            throw;
        }
    }

    private async Task Observe(string method, Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or LocalRpcException))
        {
            Log.RequestFailed(logger, method, exception);
            throw;
        }
    }
}

/// <summary>The JSON settings of the wire format: camelCase names, null properties left out, as LSP's JSON is written.</summary>
internal static class ProtocolSerializer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
