using System.Text.Json;
using System.Text.Json.Nodes;
using Remap.Core.Language;
using Remap.Core.Model;

namespace Remap.LanguageServer.Tests;

public class CodeLensTests
{
    private static async Task<JsonElement[]> LensesAsync(LspClient client, string text, string uri = LspClient.DocumentUri)
    {
        await client.OpenAsync(text, uri: uri);
        var lenses = await client.RequestAsync("textDocument/codeLens", new { textDocument = new { uri } });
        return [.. lenses.EnumerateArray()];
    }

    private static string Title(JsonElement lens) => lens.GetProperty("command").GetProperty("title").GetString()!;

    private static Dictionary<string, JsonNode?> ServerSettings(string url) => new() { ["remap.server.url"] = url, ["remap.server.apiKey"] = "secret-key" };

    [Fact]
    public async Task CodeLens_OffersFourCommands()
    {
        await using var client = await LspClient.InitializedAsync();

        var lenses = await LensesAsync(client, TestTexts.SmallCnn);

        Assert.Equal(["remap.train", "remap.ablate", "remap.vary", "remap.openOverview"], lenses.Select(lens => lens.GetProperty("command").GetProperty("command").GetString()));
        Assert.Equal(["Train", "Ablate", "Vary", "Open in Overview"], lenses.Select(Title));
        Assert.All(lenses, lens => Assert.Equal(1, lens.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task CodeLens_ArgumentIsUriAndModel()
    {
        await using var client = await LspClient.InitializedAsync();

        var lenses = await LensesAsync(client, TestTexts.SmallCnn);

        var argument = Assert.Single(lenses[0].GetProperty("command").GetProperty("arguments").EnumerateArray());
        Assert.Equal(LspClient.DocumentUri, argument.GetProperty("uri").GetString());
        Assert.Equal("cnn_small", argument.GetProperty("model").GetString());
        Assert.Equal(2, argument.EnumerateObject().Count());
    }

    [Fact]
    public async Task CodeLens_ModelWithoutNameUsesFileName()
    {
        await using var client = await LspClient.InitializedAsync();

        var lenses = await LensesAsync(client, "input 20\nclasses 2\ndense units=2\n", "file:///work/models/mlp_tiny.remap");

        Assert.Equal("mlp_tiny", lenses[0].GetProperty("command").GetProperty("arguments")[0].GetProperty("model").GetString());
    }

    [Theory]
    [InlineData("file:///tmp/trial/my%20net.remap", "my_net")]
    [InlineData("file:///tmp/trial/a%2Bb%20(v2).remap", "a_b__v2_")]
    [InlineData("file:///tmp/trial/r%C3%A9seau.remap", "réseau")]
    [InlineData("file:///tmp/trial/%20.remap", "_")]
    public async Task CodeLens_FileNameBecomesValidModelName(string uri, string model)
    {
        await using var client = await LspClient.InitializedAsync();

        var lenses = await LensesAsync(client, "input 20\nclasses 2\ndense units=2\n", uri);

        Assert.Equal(model, lenses[0].GetProperty("command").GetProperty("arguments")[0].GetProperty("model").GetString());
    }

    [Fact]
    public async Task CodeLens_TellsTheModelIsAlreadyTrained()
    {
        var hash = ArchitectureHash.Compute(ArchitectureCompiler.Compile(TestTexts.SmallCnn).Architecture!);
        using var server = new MockRemapServer(path => path switch
        {
            _ when path.StartsWith("/api/v1/models?", StringComparison.Ordinal) =>
                """[{"id":12,"name":"cnn_small","dataset":"fashion-mnist-sample","architectureHash":"h","trainingHash":"t","parameterCount":63050,"status":"succeeded","validationAccuracy":0.871,"parentId":null,"createdAt":"2026-01-01T00:00:00Z"}]""",
            "/api/v1/models/12" => """{"id":12,"latestRun":{"testAccuracy":0.8625}}""",
            _ => null,
        });
        await using var client = await LspClient.InitializedAsync(settings: ServerSettings(server.Url));

        var lenses = await LensesAsync(client, TestTexts.SmallCnn);

        Assert.Equal("already trained: test accuracy 86.3% · model 12", Title(lenses[^1]));
        Assert.Contains($"architectureHash={hash}", server.Requests.First(path => path.StartsWith("/api/v1/models?", StringComparison.Ordinal)));
        Assert.All(server.Authorizations, authorization => Assert.Equal("Bearer secret-key", authorization));
    }

    [Fact]
    public async Task CodeLens_UntrainedArchitectureHasNoExtraLine()
    {
        using var server = new MockRemapServer(path => path.StartsWith("/api/v1/models?", StringComparison.Ordinal) ? "[]" : null);
        await using var client = await LspClient.InitializedAsync(settings: ServerSettings(server.Url));

        var lenses = await LensesAsync(client, TestTexts.SmallCnn);

        Assert.Equal(4, lenses.Length);
        Assert.Single(server.Requests, path => path.StartsWith("/api/v1/models", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CodeLens_ServerDownOnlyRemovesThatLine()
    {
        var settings = ServerSettings($"http://127.0.0.1:{MockRemapServer.FreePort()}");
        await using var client = await LspClient.InitializedAsync(settings: settings);

        var lenses = await LensesAsync(client, TestTexts.SmallCnn);

        Assert.Equal(["Train", "Ablate", "Vary", "Open in Overview"], lenses.Select(Title));
    }

    [Fact]
    public async Task CodeLens_EmptyFileHasNone()
    {
        await using var client = await LspClient.InitializedAsync();

        Assert.Empty(await LensesAsync(client, ""));
    }
}
