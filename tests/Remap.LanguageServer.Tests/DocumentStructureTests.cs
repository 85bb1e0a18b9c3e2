using System.Text.Json;

namespace Remap.LanguageServer.Tests;

/// <summary>Document symbols, semantic tokens and folding ranges.</summary>
public class DocumentStructureTests
{
    private static async Task<JsonElement> RequestAsync(string method, string text, object? capabilities = null)
    {
        await using var client = await LspClient.InitializedAsync(capabilities);
        await client.OpenAsync(text);
        return await client.RequestAsync(method, new { textDocument = new { uri = LspClient.DocumentUri } });
    }

    [Fact]
    public async Task DocumentSymbol_ModelContainsLayers()
    {
        var symbols = await RequestAsync("textDocument/documentSymbol", TestTexts.SmallCnn);

        var model = Assert.Single(symbols.EnumerateArray());
        Assert.Equal("cnn_small", model.GetProperty("name").GetString());
        var children = model.GetProperty("children").EnumerateArray().Select(child => child.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["input", "classes", "1. conv2d filters=32 kernel=3 padding=same", "2. relu", "3. maxpool2d size=2", "4. flatten", "5. dense units=10", "training"], children);
    }

    [Fact]
    public async Task DocumentSymbol_LayerDetailShowsShape()
    {
        var symbols = await RequestAsync("textDocument/documentSymbol", TestTexts.SmallCnn);

        var pooling = symbols[0].GetProperty("children")[4];
        Assert.Equal("→ 32×14×14 · 0 params", pooling.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task DocumentSymbol_NoTotalAfterALayerError()
    {
        var symbols = await RequestAsync("textDocument/documentSymbol", TestTexts.Header + "conv2d kernel=99\nflatten\ndense units=10\n");

        Assert.False(symbols[0].TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task DocumentSymbol_FlatForClientsWithoutHierarchy()
    {
        var symbols = await RequestAsync("textDocument/documentSymbol", TestTexts.SmallCnn, LspClient.PushCapabilities);

        Assert.Equal(9, symbols.GetArrayLength());
        Assert.Equal("cnn_small", symbols[3].GetProperty("containerName").GetString());
    }

    [Fact]
    public async Task SemanticTokens_ClassifiesEachToken()
    {
        var result = await RequestAsync("textDocument/semanticTokens/full", "# note\nmodel m\nconv2d padding=same\n");

        // comment; model keyword; model name; conv2d; padding; =; same.
        int[] expected = [0, 0, 6, 6, 0, 1, 0, 5, 0, 0, 0, 6, 1, 8, 1, 1, 0, 6, 1, 0, 0, 7, 7, 2, 0, 0, 7, 1, 7, 0, 0, 1, 4, 5, 0];
        Assert.Equal(expected, result.GetProperty("data").EnumerateArray().Select(value => value.GetInt32()));
    }

    [Fact]
    public async Task SemanticTokens_LegendMatchesTypes()
    {
        await using var client = LspClient.Start();

        var legend = (await client.InitializeAsync(LspClient.PullCapabilities)).GetProperty("capabilities").GetProperty("semanticTokensProvider").GetProperty("legend");

        Assert.Equal(9, legend.GetProperty("tokenTypes").GetArrayLength());
        Assert.Equal("comment", legend.GetProperty("tokenTypes")[6].GetString());
    }

    [Fact]
    public async Task FoldingRange_CommentBlockAndTrainingBlock()
    {
        var ranges = await RequestAsync("textDocument/foldingRange", "# one\n# two\n# three\nmodel m\n" + TestTexts.SmallCnn[TestTexts.SmallCnn.IndexOf("input", StringComparison.Ordinal)..]);

        var folds = ranges.EnumerateArray().Select(range => (range.GetProperty("startLine").GetInt32(), range.GetProperty("endLine").GetInt32(), range.GetProperty("kind").GetString())).ToArray();
        Assert.Equal([(0, 2, "comment"), (13, 16, "region")], folds);
    }
}
