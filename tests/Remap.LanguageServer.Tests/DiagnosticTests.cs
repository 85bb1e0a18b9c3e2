using System.Text.Json;

namespace Remap.LanguageServer.Tests;

public class DiagnosticTests
{
    [Theory]
    [MemberData(nameof(TestTexts.DiagnosticCases), MemberType = typeof(TestTexts))]
    public async Task Pull_ReportsCode(string code, string text)
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(text);

        var codes = (await client.PullDiagnosticsAsync()).Select(item => item.GetProperty("code").GetString());

        Assert.Contains(code, codes);
    }

    [Fact]
    public async Task Pull_ShapeErrorNamesTheShapes()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("input 1x16x16\nclasses 2\nmaxpool2d\nmaxpool2d\nmaxpool2d\nmaxpool2d\nmaxpool2d\nflatten\ndense units=2\n");

        var diagnostic = Assert.Single(await client.PullDiagnosticsAsync());

        Assert.Equal("maxpool2d size 2 needs an input of at least 2×2; the input here is 1×1 after 4 poolings: remove this pooling layer or use a smaller size",
            diagnostic.GetProperty("message").GetString());
        Assert.Equal(6, diagnostic.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(9, diagnostic.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Pull_DiagnosticCarriesSeveritySourceAndCode()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(TestTexts.Flat + "flatten\ndense units=2\n");

        var diagnostic = Assert.Single(await client.PullDiagnosticsAsync());

        Assert.Equal(2, diagnostic.GetProperty("severity").GetInt32());
        Assert.Equal("remap", diagnostic.GetProperty("source").GetString());
        Assert.Equal("RM1101", diagnostic.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Pull_RedundantLayerIsTaggedUnnecessary()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(TestTexts.Flat + "dense units=8\nrelu\nrelu\ndense units=2\n");

        var diagnostic = Assert.Single(await client.PullDiagnosticsAsync());

        Assert.Equal(1, Assert.Single(diagnostic.GetProperty("tags").EnumerateArray()).GetInt32());
    }

    [Fact]
    public async Task Pull_UnchangedDocumentAnswersUnchanged()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(TestTexts.SmallCnn);
        var first = await client.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = LspClient.DocumentUri } });

        var second = await client.RequestAsync("textDocument/diagnostic", new
        {
            textDocument = new { uri = LspClient.DocumentUri },
            previousResultId = first.GetProperty("resultId").GetString(),
        });

        Assert.Equal("unchanged", second.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Pull_LongFileHasNoDiagnostics()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(TestTexts.Long());

        Assert.Empty(await client.PullDiagnosticsAsync());
    }

    [Fact]
    public async Task Pull_LongFileSeesLastEdit()
    {
        await using var client = await LspClient.InitializedAsync();
        var text = TestTexts.Long();
        await client.OpenAsync(text);
        var lastDense = text.Split('\n').ToList().FindLastIndex(line => line == "dense units=10");

        await client.ChangeAsync(2, lastDense, 12, lastDense, 14, "11");

        var diagnostic = Assert.Single(await client.PullDiagnosticsAsync());
        Assert.Equal("RM1008", diagnostic.GetProperty("code").GetString());
        Assert.Equal(lastDense, diagnostic.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Pull_ClientNeverGetsPushedDiagnostics()
    {
        await using var client = await LspClient.InitializedAsync(LspClient.PullCapabilities);
        await client.OpenAsync(TestTexts.Flat + "dense units=3\n");
        await client.ChangeAsync(2, 3, 12, 3, 13, "4");

        await client.PullDiagnosticsAsync();
        await Task.Delay(300);

        Assert.Empty(client.Published);
    }

    [Fact]
    public async Task Push_PublishesWithVersion()
    {
        await using var client = await LspClient.InitializedAsync(LspClient.PushCapabilities);

        await client.OpenAsync(TestTexts.Flat + "dense units=3\n", version: 7);

        var published = await client.WaitForPublishedAsync(_ => true);
        Assert.Equal(7, published.GetProperty("version").GetInt32());
        Assert.Equal("RM1008", Assert.Single(published.GetProperty("diagnostics").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Push_TypingBurstPublishesOnlyTheLastVersion()
    {
        // A delay far longer than the burst, so a loaded machine cannot let an intermediate version through.
        var options = new LanguageServerOptions { DiagnosticDelay = TimeSpan.FromSeconds(1) };
        await using var client = await LspClient.InitializedAsync(LspClient.PushCapabilities, options);
        await client.OpenAsync(TestTexts.Flat + "dense units=3\n", version: 1);

        for (var version = 2; version <= 6; version++)
        {
            await client.ChangeAsync(version, 3, 12, 3, 13, version == 6 ? "2" : "3");
        }

        var published = await client.WaitForPublishedAsync(_ => true);
        await Task.Delay(500);
        Assert.Equal(6, published.GetProperty("version").GetInt32());
        Assert.Single(client.Published);
    }

    [Fact]
    public async Task Push_NeverPublishesAnOlderVersionAfterANewer()
    {
        await using var client = await LspClient.InitializedAsync(LspClient.PushCapabilities, new LanguageServerOptions { DiagnosticDelay = TimeSpan.Zero });
        await client.OpenAsync(TestTexts.Long(), version: 1);
        for (var version = 2; version <= 40; version++)
        {
            await client.ChangeAsync(version, 2, 0, 2, 0, version % 2 == 0 ? "#" : "");
        }

        await client.WaitForPublishedAsync(item => item.GetProperty("version").GetInt32() == 40);

        var versions = client.Published.Select(item => item.GetProperty("version").GetInt32()).ToArray();
        Assert.Equal(versions.Order(), versions);
    }

    [Fact]
    public async Task Push_CloseClearsDiagnostics()
    {
        await using var client = await LspClient.InitializedAsync(LspClient.PushCapabilities);
        await client.OpenAsync(TestTexts.Flat + "dense units=3\n");
        await client.WaitForPublishedAsync(_ => true);

        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = LspClient.DocumentUri } });

        var cleared = await client.WaitForPublishedAsync(item => item.GetProperty("diagnostics").GetArrayLength() == 0);
        Assert.Equal(JsonValueKind.Undefined, cleared.TryGetProperty("version", out var version) ? version.ValueKind : JsonValueKind.Undefined);
    }
}
