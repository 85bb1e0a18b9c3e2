using System.Text.Json.Nodes;

namespace Remap.LanguageServer.Tests;

/// <summary>Dataset checks, which need the datasets of a configured Remap server (a mock on 127.0.0.1 here).</summary>
public class DatasetDiagnosticTests
{
    private const string Datasets =
        """[{"name":"fashion-mnist-sample","description":"d","input":"1x28x28","inputDimensions":[1,28,28],"classes":10,"classNames":[],"trainCount":10000,"testCount":2000}]""";

    private static async Task<string[]> CodesAsync(string text)
    {
        using var server = new MockRemapServer(path => path == "/api/v1/datasets" ? Datasets : null);
        await using var client = await LspClient.InitializedAsync(settings: new Dictionary<string, JsonNode?> { ["remap.server.url"] = server.Url });
        await client.OpenAsync(text);
        return [.. (await client.PullDiagnosticsAsync()).Select(item => item.GetProperty("code").GetString()!)];
    }

    [Theory]
    [InlineData("RM0114", "dataset cifar-100\nflatten\ndense units=10\n")]
    [InlineData("RM0115", "dataset fashion-mnist-sample\ninput 3x32x32\nflatten\ndense units=10\n")]
    [InlineData("RM0116", "dataset fashion-mnist-sample\nclasses 12\nflatten\ndense units=12\n")]
    public async Task Pull_ReportsDatasetCode(string code, string text)
    {
        Assert.Contains(code, await CodesAsync(text));
    }

    [Fact]
    public async Task Pull_DatasetGivesInputAndClasses()
    {
        Assert.Empty(await CodesAsync("model m\ndataset fashion-mnist-sample\nconv2d\nflatten\ndense units=10\n"));
    }

    [Fact]
    public async Task Pull_UnknownDatasetSuggestsClosest()
    {
        using var server = new MockRemapServer(path => path == "/api/v1/datasets" ? Datasets : null);
        await using var client = await LspClient.InitializedAsync(settings: new Dictionary<string, JsonNode?> { ["remap.server.url"] = server.Url });
        await client.OpenAsync("dataset fashion-mnist-smaple\nflatten\ndense units=10\n");

        var diagnostic = Assert.Single(await client.PullDiagnosticsAsync());

        Assert.StartsWith("unknown dataset 'fashion-mnist-smaple'; did you mean 'fashion-mnist-sample'?", diagnostic.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CodeAction_FixesUnknownDatasetWithServer()
    {
        using var server = new MockRemapServer(path => path == "/api/v1/datasets" ? Datasets : null);
        await using var client = await LspClient.InitializedAsync(settings: new Dictionary<string, JsonNode?> { ["remap.server.url"] = server.Url });
        await client.OpenAsync("dataset fashion-mnist-smaple\nflatten\ndense units=10\n");
        await client.PullDiagnosticsAsync();

        var actions = await client.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = LspClient.DocumentUri },
            range = LspClient.Range(0, 0, 0, 0),
            context = new { diagnostics = Array.Empty<object>() },
        });

        Assert.Equal("Change 'fashion-mnist-smaple' to 'fashion-mnist-sample'", Assert.Single(actions.EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Pull_MisspeltBuiltInDatasetSuggested()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("dataset fashion-mnist-smple\nflatten\ndense units=10\n");

        var diagnostic = Assert.Single(await client.PullDiagnosticsAsync());

        Assert.Contains("did you mean 'fashion-mnist-sample'?", diagnostic.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Pull_WithoutServerDatasetNamesAreNotChecked()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("dataset cifar-100\ninput 20\nclasses 2\ndense units=2\n");

        Assert.Empty(await client.PullDiagnosticsAsync());
    }

    [Fact]
    public async Task Completion_OffersServerDatasets()
    {
        using var server = new MockRemapServer(path => path == "/api/v1/datasets" ? Datasets : null);
        await using var client = await LspClient.InitializedAsync(settings: new Dictionary<string, JsonNode?> { ["remap.server.url"] = server.Url });
        await client.OpenAsync("dataset fa\n");
        await client.PullDiagnosticsAsync();

        var completion = await client.RequestAtAsync("textDocument/completion", 0, 10);

        var item = Assert.Single(completion.GetProperty("items").EnumerateArray());
        Assert.Equal("fashion-mnist-sample", item.GetProperty("label").GetString());
        Assert.Equal("dataset: input 1×28×28, 10 classes", item.GetProperty("detail").GetString());
    }
}
