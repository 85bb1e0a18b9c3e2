using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace Remap.LanguageServer.Tests;

/// <summary>
/// A JSON-RPC client of the real server over an in-memory stream pair. It speaks the specification's JSON (plain objects,
/// camelCase names) rather than the server's own protocol types, so a serialization mistake in the server shows up here.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    public const string DocumentUri = "file:///work/models/cnn%20small.remap";

    private readonly JsonRpc rpc;
    private readonly Stream clientStream;
    private readonly ConcurrentQueue<JsonElement> published = new();
    private readonly SemaphoreSlim publishedSignal = new(0);
    private int codeLensRefreshes;

    private LspClient(Stream clientStream, LanguageServerHost host, Task<int> run)
    {
        this.clientStream = clientStream;
        Host = host;
        Run = run;
        // The handlers below run one at a time in arrival order, as an editor handles them, so a message the server sent
        // before another is always recorded first.
        rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, new SystemTextJsonFormatter()))
        {
            SynchronizationContext = new Microsoft.VisualStudio.Threading.NonConcurrentSynchronizationContext(sticky: false),
        };
        AddMethod<JsonElement>("textDocument/publishDiagnostics", parameters =>
        {
            published.Enqueue(parameters.Clone());
            publishedSignal.Release();
        });
        AddFunction("workspace/configuration", (JsonElement parameters) =>
        {
            ConfigurationRequests++;
            return parameters.GetProperty("items").EnumerateArray()
                .Select(item => Settings.TryGetValue(item.GetProperty("section").GetString()!, out var value) ? value : JsonValue.Create((string?)null))
                .ToArray();
        });
        Func<object?> refresh = () =>
        {
            Refreshes++;
            return null;
        };
        rpc.AddLocalRpcMethod("workspace/diagnostic/refresh", refresh);
        Func<object?> codeLensRefresh = () =>
        {
            Interlocked.Increment(ref codeLensRefreshes);
            return null;
        };
        rpc.AddLocalRpcMethod("workspace/codeLens/refresh", codeLensRefresh);
        AddMethod<JsonElement>("window/showMessage", parameters => ShownMessages.Enqueue(parameters.Clone()));
        AddFunction("client/registerCapability", (JsonElement parameters) =>
        {
            Registrations.Enqueue(parameters.Clone());
            return (object?)null;
        });
        rpc.StartListening();
    }

    public LanguageServerHost Host { get; }

    /// <summary>The server's run, which completes with its exit code.</summary>
    public Task<int> Run { get; }

    /// <summary>The values the client returns for <c>workspace/configuration</c>, by section.</summary>
    public Dictionary<string, JsonNode?> Settings { get; } = [];

    public int ConfigurationRequests { get; private set; }

    /// <summary>The parameters of each <c>client/registerCapability</c> request the server sent.</summary>
    public ConcurrentQueue<JsonElement> Registrations { get; } = new();

    public int Refreshes { get; private set; }

    /// <summary>How many <c>workspace/codeLens/refresh</c> requests the server sent.</summary>
    public int CodeLensRefreshes => Volatile.Read(ref codeLensRefreshes);

    /// <summary>The parameters of each <c>window/showMessage</c> notification the server sent.</summary>
    public ConcurrentQueue<JsonElement> ShownMessages { get; } = new();

    public IReadOnlyCollection<JsonElement> Published => published;

    /// <summary>Client capabilities of a client that pulls diagnostics, as VS Code announces them.</summary>
    public static object PullCapabilities => new
    {
        workspace = new { configuration = true, diagnostics = new { refreshSupport = true } },
        textDocument = new
        {
            diagnostic = new { dynamicRegistration = false },
            completion = new { completionItem = new { snippetSupport = true } },
            documentSymbol = new { hierarchicalDocumentSymbolSupport = true },
        },
    };

    /// <summary>Client capabilities of a client that only takes pushed diagnostics.</summary>
    public static object PushCapabilities => new
    {
        workspace = new { configuration = true },
        textDocument = new { publishDiagnostics = new { versionSupport = true } },
    };

    public static LspClient Start(LanguageServerOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        var host = new LanguageServerHost(serverStream, serverStream, loggerFactory ?? NullLoggerFactory.Instance, options);
        return new LspClient(clientStream, host, host.RunAsync());
    }

    /// <summary>Starts a server and completes the <c>initialize</c> / <c>initialized</c> handshake.</summary>
    public static async Task<LspClient> InitializedAsync(
        object? capabilities = null, LanguageServerOptions? options = null, Dictionary<string, JsonNode?>? settings = null, ILoggerFactory? loggerFactory = null)
    {
        var client = Start(options ?? new LanguageServerOptions { DiagnosticDelay = TimeSpan.FromMilliseconds(20) }, loggerFactory);
        foreach (var (section, value) in settings ?? [])
        {
            client.Settings[section] = value;
        }

        await client.InitializeAsync(capabilities ?? PullCapabilities);
        return client;
    }

    public async Task<JsonElement> InitializeAsync(object capabilities)
    {
        var result = await RequestAsync("initialize", new { processId = (int?)null, clientInfo = new { name = "xunit" }, rootUri = (string?)null, capabilities });
        await NotifyAsync("initialized", new { });
        return result;
    }

    public Task<JsonElement> RequestAsync(string method, object? parameters) =>
        rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters);

    public Task<JsonElement> RequestAsync(string method, object? parameters, CancellationToken cancellationToken) =>
        rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters, cancellationToken);

    public Task NotifyAsync(string method, object? parameters = null) =>
        parameters is null ? rpc.NotifyAsync(method) : rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task OpenAsync(string text, int version = 1, string uri = DocumentUri) =>
        NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "remap", version, text } });

    /// <summary>Sends one incremental change: replaces the text between two zero-based positions.</summary>
    public Task ChangeAsync(int version, int startLine, int startCharacter, int endLine, int endCharacter, string text, string uri = DocumentUri) =>
        NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version },
            contentChanges = new[] { new { range = Range(startLine, startCharacter, endLine, endCharacter), text } },
        });

    public Task ReplaceAllAsync(int version, string text, string uri = DocumentUri) =>
        NotifyAsync("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = new[] { new { text } } });

    public async Task<JsonElement[]> PullDiagnosticsAsync(string uri = DocumentUri)
    {
        var report = await RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } });
        Assert.Equal("full", report.GetProperty("kind").GetString());
        return [.. report.GetProperty("items").EnumerateArray()];
    }

    public Task<JsonElement> RequestAtAsync(string method, int line, int character, string uri = DocumentUri) =>
        RequestAsync(method, new { textDocument = new { uri }, position = new { line, character } });

    /// <summary>
    /// Sends <c>workspace/didChangeConfiguration</c> and waits until the server requests the settings again; fails after ten
    /// seconds. The server reads settings one at a time in order, so by then every earlier read has finished and the
    /// client has handled what it sent, such as <c>window/showMessage</c>.
    /// </summary>
    public async Task ReadSettingsAgainAsync()
    {
        var requests = ConfigurationRequests;
        await NotifyAsync("workspace/didChangeConfiguration", new { settings = (object?)null });

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (ConfigurationRequests == requests)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the server did not ask for the settings within 10 s of workspace/didChangeConfiguration");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits for a pushed diagnostics notification that matches; fails after five seconds.</summary>
    public async Task<JsonElement> WaitForPublishedAsync(Func<JsonElement, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var seen = 0;
        while (DateTime.UtcNow < deadline)
        {
            var all = published.ToArray();
            for (; seen < all.Length; seen++)
            {
                if (match(all[seen]))
                {
                    return all[seen];
                }
            }

            await publishedSignal.WaitAsync(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException("no matching textDocument/publishDiagnostics arrived within 5 s");
    }

    public async Task<int> ShutdownAndExitAsync()
    {
        await RequestAsync("shutdown", null);
        await NotifyAsync("exit");
        return await Run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public static object Range(int startLine, int startCharacter, int endLine, int endCharacter) =>
        new { start = new { line = startLine, character = startCharacter }, end = new { line = endLine, character = endCharacter } };

    public async ValueTask DisposeAsync()
    {
        rpc.Dispose();
        await clientStream.DisposeAsync();
        await Host.DisposeAsync();
    }

    private void AddMethod<T>(string method, Action<T> handler) =>
        rpc.AddLocalRpcMethod(handler.Method, handler.Target, new JsonRpcMethodAttribute(method) { UseSingleObjectParameterDeserialization = true });

    private void AddFunction<T, TResult>(string method, Func<T, TResult> handler) =>
        rpc.AddLocalRpcMethod(handler.Method, handler.Target, new JsonRpcMethodAttribute(method) { UseSingleObjectParameterDeserialization = true });
}
