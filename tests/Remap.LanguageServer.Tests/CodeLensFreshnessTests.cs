using System.Text.Json;
using System.Text.Json.Nodes;

namespace Remap.LanguageServer.Tests;

/// <summary>How long the "already trained" line keeps a result of the Remap server, and when the server requests new lenses.</summary>
public class CodeLensFreshnessTests
{
    private const string TrainedModel =
        """[{"id":12,"name":"cnn_small","dataset":null,"architectureHash":"h","trainingHash":"t","parameterCount":63050,"status":"succeeded","validationAccuracy":0.871,"parentId":null,"createdAt":"2026-01-01T00:00:00Z"}]""";

    private const string ModelDetail = """{"id":12,"latestRun":{"testAccuracy":0.8625}}""";

    private static Dictionary<string, JsonNode?> ServerSettings(string url) => new() { ["remap.server.url"] = url };

    private static async Task<string[]> TitlesAsync(LspClient client)
    {
        var lenses = await client.RequestAsync("textDocument/codeLens", new { textDocument = new { uri = LspClient.DocumentUri } });
        return [.. lenses.EnumerateArray().Select(lens => lens.GetProperty("command").GetProperty("title").GetString()!)];
    }

    private static string? Respond(string path, bool trained) => path switch
    {
        _ when path.StartsWith("/api/v1/models?", StringComparison.Ordinal) => trained ? TrainedModel : "[]",
        "/api/v1/models/12" => ModelDetail,
        _ => null,
    };

    [Fact]
    public async Task CodeLens_StoppedServerRemovesTrainedLine()
    {
        var server = new MockRemapServer(path => Respond(path, trained: true));
        var options = new LanguageServerOptions { DiagnosticDelay = TimeSpan.FromMilliseconds(20), ServerAnswerLifetime = TimeSpan.FromMilliseconds(100) };
        await using var client = await LspClient.InitializedAsync(options: options, settings: ServerSettings(server.Url));
        await client.OpenAsync(TestTexts.SmallCnn);
        Assert.Contains("already trained: test accuracy 86.3% · model 12", await TitlesAsync(client));

        server.Dispose();
        await Task.Delay(200);

        Assert.Equal(4, (await TitlesAsync(client)).Length);
    }

    [Fact]
    public async Task CodeLens_MissIsNotKeptLong()
    {
        var trained = false;
        using var server = new MockRemapServer(path => Respond(path, Volatile.Read(ref trained)));
        await using var client = await LspClient.InitializedAsync(settings: ServerSettings(server.Url));
        await client.OpenAsync(TestTexts.SmallCnn);
        Assert.Equal(4, (await TitlesAsync(client)).Length);

        Volatile.Write(ref trained, true);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Contains("already trained: test accuracy 86.3% · model 12", await TitlesAsync(client));
    }

    [Fact]
    public async Task CodeLens_NewModelSendsRefresh()
    {
        var trained = false;
        using var server = new MockRemapServer(path => Respond(path, Volatile.Read(ref trained)));
        var options = new LanguageServerOptions { DiagnosticDelay = TimeSpan.FromMilliseconds(20), CodeLensRecheckInterval = TimeSpan.FromMilliseconds(100) };
        var capabilities = new { workspace = new { configuration = true, codeLens = new { refreshSupport = true } }, textDocument = new { diagnostic = new { } } };
        await using var client = await LspClient.InitializedAsync(capabilities, options, ServerSettings(server.Url));
        await client.OpenAsync(TestTexts.SmallCnn);
        Assert.Equal(4, (await TitlesAsync(client)).Length);
        await Task.Delay(500);
        var refreshesBefore = client.CodeLensRefreshes;

        Volatile.Write(ref trained, true);
        for (var attempt = 0; attempt < 100 && client.CodeLensRefreshes == refreshesBefore; attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(client.CodeLensRefreshes > refreshesBefore, "no workspace/codeLens/refresh within 5 s of the model appearing");
        Assert.Contains("already trained: test accuracy 86.3% · model 12", await TitlesAsync(client));
    }

    [Fact]
    public async Task CodeLens_FinishedRunSendsOneRefresh()
    {
        // The run's end is seen twice: by the "already trained" recheck and by a dataset list that changed with it.
        var trained = false;
        const string Dataset = """[{"name":"fashion-mnist","inputDimensions":[1,28,28],"classes":10}]""";
        string? RespondNow(string path)
        {
            var isTrained = Volatile.Read(ref trained);
            if (path != "/api/v1/datasets")
            {
                return Respond(path, isTrained);
            }

            return isTrained ? Dataset : "[]";
        }

        using var server = new MockRemapServer(RespondNow);
        var options = new LanguageServerOptions
        {
            DiagnosticDelay = TimeSpan.FromMilliseconds(20),
            CodeLensRecheckInterval = TimeSpan.FromMilliseconds(100),
            DatasetRefreshInterval = TimeSpan.FromMilliseconds(100),
            CodeLensRefreshWindow = TimeSpan.FromSeconds(1),
        };
        var capabilities = new { workspace = new { configuration = true, codeLens = new { refreshSupport = true } }, textDocument = new { diagnostic = new { } } };
        await using var client = await LspClient.InitializedAsync(capabilities, options, ServerSettings(server.Url));
        await client.OpenAsync(TestTexts.SmallCnn);
        Assert.Equal(4, (await TitlesAsync(client)).Length);
        await Eventually.HoldsAsync(() => client.CodeLensRefreshes == 1, "the refresh for the first settings read");
        await Task.Delay(1200);
        Assert.Equal(1, client.CodeLensRefreshes);

        Volatile.Write(ref trained, true);
        await Task.Delay(2500);

        Assert.Equal(2, client.CodeLensRefreshes);
    }

    [Fact]
    public async Task CodeLens_NoRefreshWithoutCapability()
    {
        var trained = false;
        using var server = new MockRemapServer(path => Respond(path, Volatile.Read(ref trained)));
        var options = new LanguageServerOptions { DiagnosticDelay = TimeSpan.FromMilliseconds(20), CodeLensRecheckInterval = TimeSpan.FromMilliseconds(100) };
        await using var client = await LspClient.InitializedAsync(options: options, settings: ServerSettings(server.Url));
        await client.OpenAsync(TestTexts.SmallCnn);
        await TitlesAsync(client);

        Volatile.Write(ref trained, true);
        await Task.Delay(600);

        Assert.Equal(0, client.CodeLensRefreshes);
    }
}
