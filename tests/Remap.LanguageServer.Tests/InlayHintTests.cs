using System.Text.Json;

namespace Remap.LanguageServer.Tests;

public class InlayHintTests
{
    private static async Task<JsonElement[]> HintsAsync(string text, int firstLine = 0, int lastLine = 10000)
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(text);
        var hints = await client.RequestAsync("textDocument/inlayHint", new { textDocument = new { uri = LspClient.DocumentUri }, range = LspClient.Range(firstLine, 0, lastLine, 0) });
        return [.. hints.EnumerateArray()];
    }

    [Fact]
    public async Task InlayHint_ShowsOutputShapeAndParameterCount()
    {
        var hints = await HintsAsync("input 1x28x28\nclasses 10\nconv2d filters=32 kernel=5 stride=2\nflatten\ndense units=10\n");

        var first = hints[0];
        Assert.Equal("→ 32×12×12 · 832 params", first.GetProperty("label").GetString());
        Assert.Equal(2, first.GetProperty("position").GetProperty("line").GetInt32());
        Assert.Equal(35, first.GetProperty("position").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task InlayHint_UsesShortCounts()
    {
        var hints = await HintsAsync(TestTexts.SmallCnn);

        Assert.Equal("→ 10 · 62.7k params", hints.Single(hint => hint.GetProperty("position").GetProperty("line").GetInt32() == 9 && hint.GetProperty("label").GetString()!.StartsWith('→')).GetProperty("label").GetString());
    }

    [Fact]
    public async Task InlayHint_EndsWithTheTotal()
    {
        var hints = await HintsAsync(TestTexts.SmallCnn);

        Assert.Equal("total 63.1k params", hints[^1].GetProperty("label").GetString());
    }

    [Fact]
    public async Task InlayHint_TotalOnModelLine()
    {
        var hints = await HintsAsync(TestTexts.SmallCnn);

        var total = hints.Single(hint => hint.GetProperty("label").GetString()!.StartsWith("total", StringComparison.Ordinal));
        Assert.Equal(1, total.GetProperty("position").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task InlayHint_TotalSeparatedWithoutHeaders()
    {
        var settings = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["remap.defaults.input"] = "20", ["remap.defaults.classes"] = 2 };
        await using var client = await LspClient.InitializedAsync(settings: settings);
        await client.OpenAsync("dense units=2\n");

        var hints = await client.RequestAsync("textDocument/inlayHint", new { textDocument = new { uri = LspClient.DocumentUri }, range = LspClient.Range(0, 0, 10, 0) });

        Assert.Equal("· total 42 params", hints[1].GetProperty("label").GetString());
    }

    [Fact]
    public async Task InlayHint_KeepsHintsBeforeBadValue()
    {
        var hints = await HintsAsync(TestTexts.Header + "conv2d filters=8\nconv2d filters=8 kernel=99\nflatten\ndense units=10\n");

        Assert.Equal("→ 8×26×26 · 80 params", hints[0].GetProperty("label").GetString());
    }

    [Fact]
    public async Task InlayHint_UnknownFromBadValue()
    {
        var hints = await HintsAsync(TestTexts.Header + "conv2d filters=8\nconv2d filters=8 kernel=99\nflatten\ndense units=10\n");

        Assert.Equal(["→ ?", "→ ?", "→ ?"], hints.Skip(1).Take(3).Select(hint => hint.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task InlayHint_UnknownFromShapeError()
    {
        var hints = await HintsAsync("model m\ninput 1x14x14\nclasses 10\nconv2d kernel=15\nflatten\ndense units=10\n");

        Assert.Equal(["→ ?", "→ ?", "→ ?", "total ? params"], hints.Select(hint => hint.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task InlayHint_OmitsZeroCount()
    {
        var hints = await HintsAsync(TestTexts.SmallCnn);

        Assert.Equal("→ 32×28×28", hints[1].GetProperty("label").GetString());
    }

    [Fact]
    public async Task InlayHint_OnlyInTheRequestedRange()
    {
        var hints = await HintsAsync(TestTexts.SmallCnn, 6, 7);

        Assert.Equal(2, hints.Length);
    }
}
