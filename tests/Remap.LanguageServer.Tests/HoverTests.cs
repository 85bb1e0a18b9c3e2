namespace Remap.LanguageServer.Tests;

public class HoverTests
{
    private static async Task<string?> HoverAsync(string text, int line, int character)
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(text);
        var hover = await client.RequestAtAsync("textDocument/hover", line, character);
        return hover.ValueKind == System.Text.Json.JsonValueKind.Null ? null : hover.GetProperty("contents").GetProperty("value").GetString();
    }

    [Fact]
    public async Task Hover_LayerShowsShapesAndParameterCount()
    {
        var text = await HoverAsync(TestTexts.SmallCnn, 5, 2);

        Assert.StartsWith("1×28×28 → 32×28×28 · 320 parameters", text);
        Assert.Contains("2-D convolution", text);
    }

    [Fact]
    public async Task Hover_BadValueShowsUnknownShapes()
    {
        var text = await HoverAsync(TestTexts.Header + "dense units=100000\n", 3, 2);

        Assert.StartsWith("Output shape and parameter count unknown", text);
    }

    [Fact]
    public async Task Hover_InputAfterALayerErrorShowsNoTotal()
    {
        var text = await HoverAsync(TestTexts.Header + "conv2d kernel=99\nflatten\ndense units=10\n", 1, 2);

        Assert.Contains("parameter count are unknown", text);
    }

    [Fact]
    public async Task Hover_ParameterShowsMeaningDefaultAndRange()
    {
        var text = await HoverAsync(TestTexts.SmallCnn, 5, 20);

        Assert.Equal("**kernel** (conv2d) — Side of the square kernel in pixels.\n\nDefault: 3 · Range: 1 to 15", text);
    }

    [Fact]
    public async Task Hover_TrainingSettingShowsDefault()
    {
        var text = await HoverAsync(TestTexts.SmallCnn, 13, 4);

        Assert.Contains("Default: adam", text);
    }

    [Fact]
    public async Task Hover_InputHeaderShowsTheWholeNetwork()
    {
        var text = await HoverAsync(TestTexts.SmallCnn, 2, 1);

        Assert.Contains("maps 1×28×28 to 10 with 63.1k parameters", text);
    }

    [Fact]
    public async Task Hover_BlankLineHasNothing()
    {
        Assert.Null(await HoverAsync(TestTexts.SmallCnn, 4, 0));
    }

    [Fact]
    public async Task Hover_UnknownLayerHasNothing()
    {
        Assert.Null(await HoverAsync(TestTexts.Flat + "conv2 filters=3\ndense units=2\n", 3, 2));
    }

    [Fact]
    public async Task Hover_PlainTextForClientsWithoutMarkdown()
    {
        await using var client = await LspClient.InitializedAsync(new { textDocument = new { diagnostic = new { }, hover = new { contentFormat = new[] { "plaintext" } } } });
        await client.OpenAsync(TestTexts.SmallCnn);

        var hover = await client.RequestAtAsync("textDocument/hover", 5, 2);

        Assert.Equal("plaintext", hover.GetProperty("contents").GetProperty("kind").GetString());
    }
}
