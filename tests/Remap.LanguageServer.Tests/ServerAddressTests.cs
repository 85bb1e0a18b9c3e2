using System.Text.Json;
using System.Text.Json.Nodes;

namespace Remap.LanguageServer.Tests;

/// <summary>The messages the user sees about remap.server.url: a wrong path warns, a server that is down gets one information message.</summary>
public class ServerAddressTests
{
    private static async Task ReadAgainAsync(LspClient client)
    {
        var before = client.ConfigurationRequests;
        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = (object?)null });
        await Eventually.HoldsAsync(() => client.ConfigurationRequests > before, "a second workspace/configuration request");

        // The read of the dataset list that follows takes a few milliseconds against 127.0.0.1.
        await Task.Delay(300);
    }

    private static async Task<LspClient> StartAsync(string url)
    {
        var client = await LspClient.InitializedAsync(settings: new Dictionary<string, JsonNode?> { ["remap.server.url"] = url });
        await client.OpenAsync(TestTexts.SmallCnn);
        await client.PullDiagnosticsAsync();
        return client;
    }

    [Fact]
    public async Task ApiPathInUrl_WarnsOnce()
    {
        using var server = new MockRemapServer(_ => null);
        var url = server.Url + "api/v1";
        await using var client = await StartAsync(url);

        await ReadAgainAsync(client);

        var message = Assert.Single(client.ShownMessages);
        Assert.Equal(2, message.GetProperty("type").GetInt32());
        Assert.Equal(
            $"Setting remap.server.url: the address {url} is not a Remap server's base address, because it responded with HTTP 404 for api/v1/datasets: use the server's base address such as http://127.0.0.1:5178, without /api/v1",
            message.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ServerDown_ShowsInformationOnce()
    {
        var url = $"http://127.0.0.1:{MockRemapServer.FreePort()}/";
        await using var client = await StartAsync(url);

        await ReadAgainAsync(client);

        var message = Assert.Single(client.ShownMessages);
        Assert.Equal(3, message.GetProperty("type").GetInt32());
        Assert.StartsWith($"The Remap server at {url} is unreachable (", message.GetProperty("message").GetString());
        Assert.EndsWith("start it or correct remap.server.url", message.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ServerDown_ShownAgainForNewUrl()
    {
        await using var client = await StartAsync($"http://127.0.0.1:{MockRemapServer.FreePort()}/");
        var otherUrl = $"http://127.0.0.1:{MockRemapServer.FreePort()}/";
        client.Settings["remap.server.url"] = otherUrl;

        await ReadAgainAsync(client);

        await Eventually.HoldsAsync(() => client.ShownMessages.Count == 2, "a second message");
        Assert.StartsWith($"The Remap server at {otherUrl} is unreachable", client.ShownMessages.Last().GetProperty("message").GetString());
    }

    [Fact]
    public async Task ServerDown_BackgroundReadsStaySilent()
    {
        var url = $"http://127.0.0.1:{MockRemapServer.FreePort()}/";
        var options = new LanguageServerOptions { DiagnosticDelay = TimeSpan.FromMilliseconds(20), DatasetRefreshInterval = TimeSpan.FromMilliseconds(100) };
        await using var client = await LspClient.InitializedAsync(options: options, settings: new Dictionary<string, JsonNode?> { ["remap.server.url"] = url });
        await client.OpenAsync(TestTexts.SmallCnn);

        await Task.Delay(600);

        Assert.Single(client.ShownMessages, message => message.GetProperty("type").GetInt32() == 3);
        Assert.All(client.ShownMessages, message => Assert.Equal(JsonValueKind.Object, message.ValueKind));
    }
}
