using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Remap.LanguageServer.Tests;

/// <summary>A dataset line the server cannot check: one error on that line with the reason and the fix.</summary>
public class DatasetCheckTests
{
    private const string Text = "model m\ndataset cifar-10\nflatten\ndense units=10\n";

    // A loaded machine may take longer than the server's two-second timeout to respond on 127.0.0.1. These tests check the response, not the timeout.
    private static readonly LanguageServerOptions Patient = new() { DiagnosticDelay = TimeSpan.FromMilliseconds(20), ServerTimeout = TimeSpan.FromSeconds(30) };

    private static async Task<JsonElement> SingleDiagnosticAsync(Dictionary<string, JsonNode?>? settings)
    {
        await using var client = await LspClient.InitializedAsync(options: Patient, settings: settings);
        await client.OpenAsync(Text);

        // The first read may outlast the two seconds a pull waits for it, so wait until it finished.
        await client.ReadSettingsAgainAsync();

        return Assert.Single(await client.PullDiagnosticsAsync());
    }

    [Fact]
    public async Task Unchecked_WithoutServerSaysSo()
    {
        var diagnostic = await SingleDiagnosticAsync(null);

        Assert.Equal("RM0112", diagnostic.GetProperty("code").GetString());
        Assert.Equal(1, diagnostic.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(8, diagnostic.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        var message = diagnostic.GetProperty("message").GetString()!;
        Assert.StartsWith("dataset 'cifar-10' could not be checked because no Remap server is configured", message);
        Assert.Contains("set remap.server.url", message);
        Assert.Contains("remap.defaults.input", message);
    }

    [Fact]
    public async Task Unchecked_ServerDownNamesTheUrl()
    {
        var url = $"http://127.0.0.1:{MockRemapServer.FreePort()}/";

        var message = (await SingleDiagnosticAsync(new() { ["remap.server.url"] = url })).GetProperty("message").GetString()!;

        Assert.StartsWith($"dataset 'cifar-10' could not be checked because the Remap server at {url} is unreachable", message);
        Assert.Contains("start the Remap server or correct remap.server.url", message);
    }

    [Fact]
    public async Task Unchecked_RejectedKeySaysSo()
    {
        using var server = new UnauthorizedServer();

        var message = (await SingleDiagnosticAsync(new() { ["remap.server.url"] = server.Url, ["remap.server.apiKey"] = "wrong" })).GetProperty("message").GetString()!;

        Assert.StartsWith($"dataset 'cifar-10' could not be checked because the Remap server at {server.Url} rejected the API key (HTTP 401)", message);
        Assert.Contains("set remap.server.apiKey", message);
    }

    [Fact]
    public async Task Unchecked_RejectedKeyIsShownOnce()
    {
        using var server = new UnauthorizedServer();
        await using var client = await LspClient.InitializedAsync(options: Patient, settings: new() { ["remap.server.url"] = server.Url, ["remap.server.apiKey"] = "wrong" });
        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = (object?)null });
        await client.OpenAsync(Text);
        await client.PullDiagnosticsAsync();
        await client.ReadSettingsAgainAsync();

        var shown = Assert.Single(client.ShownMessages);
        Assert.Equal(2, shown.GetProperty("type").GetInt32());
        Assert.Contains("rejected the API key (HTTP 401): set remap.server.apiKey", shown.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unchecked_FailedReadKeepsRejectedKeyShown()
    {
        // The second dataset request ends without a response, as a timed-out one does, so that read gets no verdict on the key.
        using var server = new UnauthorizedServer(abortRequest: 2);
        await using var client = await LspClient.InitializedAsync(options: Patient, settings: new() { ["remap.server.url"] = server.Url, ["remap.server.apiKey"] = "wrong" });
        await client.ReadSettingsAgainAsync();
        await client.ReadSettingsAgainAsync();
        await client.ReadSettingsAgainAsync();

        Assert.Single(client.ShownMessages);
    }

    [Fact]
    public async Task Unchecked_OtherRejectedKeyIsShownAgain()
    {
        using var server = new UnauthorizedServer();
        await using var client = await LspClient.InitializedAsync(options: Patient, settings: new() { ["remap.server.url"] = server.Url, ["remap.server.apiKey"] = "wrong" });

        // The first read must finish with the first key before the key changes.
        await client.ReadSettingsAgainAsync();
        client.Settings["remap.server.apiKey"] = "also wrong";
        await client.ReadSettingsAgainAsync();
        await client.ReadSettingsAgainAsync();

        Assert.Equal(2, client.ShownMessages.Count);
    }

    [Fact]
    public async Task Unchecked_InputAndClassesLinesNeedNoCheck()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("model m\ndataset cifar-10\ninput 20\nclasses 2\ndense units=2\n");

        Assert.Empty(await client.PullDiagnosticsAsync());
    }

    [Fact]
    public async Task BuiltInDataset_KnownWithoutServer()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("model m\ndataset fashion-mnist-sample\nflatten\ndense units=10\n");

        Assert.Empty(await client.PullDiagnosticsAsync());
    }

    [Fact]
    public async Task BuiltInDataset_CompletedWithoutServer()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("dataset \n");

        var list = await client.RequestAtAsync("textDocument/completion", 0, 8);

        Assert.Contains("fashion-mnist-sample", list.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task StrayControlCharacter_IsTheOnlyError()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("model m\ninput 784\u0007\nclasses 10\ndense units=10\n");

        var diagnostic = Assert.Single(await client.PullDiagnosticsAsync());

        Assert.Equal("RM0001", diagnostic.GetProperty("code").GetString());
        Assert.StartsWith("unexpected character U+0007:", diagnostic.GetProperty("message").GetString());
    }

    /// <summary>
    /// A Remap server on 127.0.0.1 that returns 401 to every request, as a server with another API key does, except that it
    /// ends request number <paramref name="abortRequest"/> (counted from 1) without a response.
    /// </summary>
    private sealed class UnauthorizedServer : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly Task loop;

        public UnauthorizedServer(int abortRequest = 0)
        {
            var requests = 0;
            Url = $"http://127.0.0.1:{MockRemapServer.FreePort()}/";
            listener.Prefixes.Add(Url);
            listener.Start();
            loop = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await listener.GetContextAsync();
                    }
                    catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    if (++requests == abortRequest)
                    {
                        context.Response.Abort();
                        continue;
                    }

                    try
                    {
                        context.Response.StatusCode = 401;
                        var body = Encoding.UTF8.GetBytes("""{"title":"Unauthorized","status":401}""");
                        await context.Response.OutputStream.WriteAsync(body);
                        context.Response.Close();
                    }
                    catch (Exception exception) when (exception is IOException or HttpListenerException or ObjectDisposedException)
                    {
                        // The language server stopped waiting for this response (its session ended), or the mock was stopped.
                    }
                }
            });
        }

        public string Url { get; }

        public void Dispose()
        {
            listener.Stop();
            listener.Close();
            loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
