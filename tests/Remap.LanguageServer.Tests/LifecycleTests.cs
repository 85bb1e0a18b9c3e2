using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace Remap.LanguageServer.Tests;

public class LifecycleTests
{
    [Fact]
    public async Task Initialize_AnnouncesIncrementalSync()
    {
        await using var client = LspClient.Start();

        var result = await client.InitializeAsync(LspClient.PullCapabilities);

        var sync = result.GetProperty("capabilities").GetProperty("textDocumentSync");
        Assert.Equal(2, sync.GetProperty("change").GetInt32());
        Assert.True(sync.GetProperty("openClose").GetBoolean());
    }

    [Fact]
    public async Task Initialize_AnnouncesEveryFeature()
    {
        await using var client = LspClient.Start();

        var capabilities = (await client.InitializeAsync(LspClient.PullCapabilities)).GetProperty("capabilities");

        string[] providers = ["diagnosticProvider", "completionProvider", "hoverProvider", "inlayHintProvider", "codeLensProvider", "codeActionProvider",
            "documentFormattingProvider", "documentSymbolProvider", "semanticTokensProvider", "foldingRangeProvider"];
        Assert.All(providers, provider => Assert.True(capabilities.TryGetProperty(provider, out _), provider));
        Assert.Equal("utf-16", capabilities.GetProperty("positionEncoding").GetString());
    }

    [Fact]
    public async Task Initialize_PushClientGetsNoDiagnosticProvider()
    {
        await using var client = LspClient.Start();

        var capabilities = (await client.InitializeAsync(LspClient.PushCapabilities)).GetProperty("capabilities");

        Assert.False(capabilities.TryGetProperty("diagnosticProvider", out _));
    }

    [Fact]
    public async Task Request_BeforeInitializeIsRejected()
    {
        await using var client = LspClient.Start();

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAtAsync("textDocument/hover", 0, 0));

        Assert.Equal(-32002, error.ErrorCode);
    }

    [Fact]
    public async Task Request_AfterShutdownIsRejected()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.RequestAsync("shutdown", null);

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAtAsync("textDocument/hover", 0, 0));

        Assert.Equal(-32600, error.ErrorCode);
    }

    [Fact]
    public async Task Exit_AfterShutdownReturnsZero()
    {
        await using var client = await LspClient.InitializedAsync();

        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Exit_WithoutShutdownReturnsOne()
    {
        await using var client = await LspClient.InitializedAsync();

        await client.NotifyAsync("exit");

        Assert.Equal(1, await client.Run.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ParentExit_EndsTheServerWithOne()
    {
        await using var client = LspClient.Start();
        using var parent = System.Diagnostics.Process.Start("sleep", "1")!;

        await client.RequestAsync("initialize", new { processId = parent.Id, capabilities = new { } });

        Assert.Equal(1, await client.Run.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"shutdown","params":[null]}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"shutdown"}""")]
    public async Task Shutdown_AcceptsEmptyParams(string request)
    {
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        await using var host = new LanguageServerHost(serverStream, serverStream, NullLoggerFactory.Instance);
        var run = host.RunAsync();
        await WriteMessageAsync(clientStream, """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"processId":null,"capabilities":{}}}""");
        await ReadMessageAsync(clientStream);

        await WriteMessageAsync(clientStream, request);
        var response = await ReadMessageAsync(clientStream);

        Assert.False(response.TryGetProperty("error", out _), response.ToString());
        Assert.Equal(JsonValueKind.Null, response.GetProperty("result").ValueKind);
        await clientStream.DisposeAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task MalformedMessage_IsLoggedAsError()
    {
        var logs = new ListLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        await using var host = new LanguageServerHost(serverStream, serverStream, loggerFactory);
        var run = host.RunAsync();

        await WriteMessageAsync(clientStream, "{not json");

        Assert.Equal(1, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        var error = Assert.Single(logs.Entries, entry => entry.Level == LogLevel.Error);
        Assert.StartsWith("The client sent a malformed message", error.Message);
        Assert.Contains("'n' is an invalid start of a property name", error.Message);
    }

    [Fact]
    public async Task ClosedInput_LogsOnePlainLine()
    {
        var logs = new ListLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        await using var host = new LanguageServerHost(serverStream, serverStream, loggerFactory);
        var run = host.RunAsync();
        await WriteMessageAsync(clientStream, """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"processId":null,"capabilities":{"workspace":{"configuration":true}}}}""");
        await ReadMessageAsync(clientStream);
        await WriteMessageAsync(clientStream, """{"jsonrpc":"2.0","method":"initialized","params":{}}""");
        var configurationRequest = await ReadMessageAsync(clientStream, skipServerMessages: false);
        Assert.Equal("workspace/configuration", configurationRequest.GetProperty("method").GetString());

        // The client closes its end without responding, as an editor that quits does.
        await clientStream.DisposeAsync();

        Assert.Equal(1, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.DoesNotContain(logs.Entries, entry => entry.Exception is not null);
        Assert.DoesNotContain(logs.Entries, entry => entry.Level >= LogLevel.Warning);
        Assert.Contains(logs.Entries, entry => entry.Message == "The client closed the connection before workspace/configuration completed");
    }

    private static async Task WriteMessageAsync(Stream stream, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    // Reads one Content-Length framed message; skips the server's requests and notifications, such as window/logMessage,
    // unless skipServerMessages is false.
    private static async Task<JsonElement> ReadMessageAsync(Stream stream, bool skipServerMessages = true)
    {
        while (true)
        {
            var header = new StringBuilder();
            while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                var buffer = new byte[1];
                var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                Assert.Equal(1, read);
                header.Append((char)buffer[0]);
            }

            var length = int.Parse(header.ToString().Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var body = new byte[length];
            await stream.ReadExactlyAsync(body).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            var message = JsonDocument.Parse(body).RootElement.Clone();
            if (!skipServerMessages || !message.TryGetProperty("method", out _))
            {
                return message;
            }
        }
    }

    [Fact]
    public async Task Disconnect_EndsTheServerWithOne()
    {
        var client = await LspClient.InitializedAsync();
        var run = client.Run;

        await client.DisposeAsync();

        Assert.Equal(1, await run.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Cancel_InFlightRequestEndsWithRequestCancelled()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(TestTexts.Long(20000));
        using var cancellation = new CancellationTokenSource();

        var request = client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = LspClient.DocumentUri } }, cancellation.Token);
        cancellation.Cancel();

        // Either the cancellation reached the server in time, or the result came first: both are correct, neither may hang or crash.
        var outcome = await Record.ExceptionAsync(() => request);
        Assert.True(outcome is null or OperationCanceledException, outcome?.ToString());
        Assert.Empty(await client.PullDiagnosticsAsync());
    }
}
