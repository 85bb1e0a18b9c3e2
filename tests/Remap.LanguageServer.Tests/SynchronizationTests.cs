namespace Remap.LanguageServer.Tests;

public class SynchronizationTests
{
    [Fact]
    public async Task Change_InsertsAfterEmojiInComment()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("# 😀 é 中 comment\n" + TestTexts.Flat + "dense units=2\n");

        // Line 4 is "dense units=2"; replace "2" (character 12) with "3".
        await client.ChangeAsync(2, 4, 12, 4, 13, "3");

        var diagnostic = Assert.Single(await client.PullDiagnosticsAsync());
        Assert.Equal("RM1008", diagnostic.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Change_CountsUtf16UnitsOnTheSameLine()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("model \U0001D400\U0001D401\n" + "input 20\nclasses 2\ndense units=2\n");

        // Each mathematical bold letter is two UTF-16 code units, so character 8 lies between them.
        await client.ChangeAsync(2, 0, 8, 0, 8, "_c");
        var symbols = await client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = LspClient.DocumentUri } });

        Assert.Equal("\U0001D400_c\U0001D401", symbols[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Change_ReportsPositionAfterNonAsciiName()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("model modèle_中文\ninput 20\nclasses 2\ndense units=2 \U0001F600\n");

        var diagnostic = Assert.Single(await client.PullDiagnosticsAsync());

        Assert.Equal("RM0001", diagnostic.GetProperty("code").GetString());
        Assert.Equal(14, diagnostic.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(16, diagnostic.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Change_DeletingWholeDocumentLeavesEmptyText()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(TestTexts.SmallCnn);

        await client.ChangeAsync(2, 0, 0, 15, 0, "");

        var codes = (await client.PullDiagnosticsAsync()).Select(item => item.GetProperty("code").GetString()!).ToArray();
        Assert.Equal(["RM0112", "RM0113"], codes);
    }

    [Fact]
    public async Task Change_RangePastTheEndIsClamped()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(TestTexts.SmallCnn);

        await client.ChangeAsync(2, 0, 0, 400, 99, TestTexts.Flat + "dense units=2\n");

        Assert.Empty(await client.PullDiagnosticsAsync());
    }

    [Fact]
    public async Task Change_WholeDocumentReplacement()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(TestTexts.SmallCnn);

        await client.ReplaceAllAsync(2, TestTexts.Flat + "dense units=3\n");

        Assert.Equal("RM1008", Assert.Single(await client.PullDiagnosticsAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Change_AppliesEditsInOrder()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(TestTexts.Flat + "dense units=2\n");

        await client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = LspClient.DocumentUri, version = 2 },
            contentChanges = new[]
            {
                new { range = LspClient.Range(3, 12, 3, 13), text = "5" },
                new { range = LspClient.Range(3, 12, 3, 13), text = "2\nrelu\ndense units=2" },
            },
        });

        Assert.Empty(await client.PullDiagnosticsAsync());
    }

    [Fact]
    public async Task Open_BomAndCrlfKeepPositions()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("\uFEFFmodel m\r\ninput 20\r\nclasses 2\r\ndense units=3\r\n");

        var diagnostic = Assert.Single(await client.PullDiagnosticsAsync());

        Assert.Equal("RM1008", diagnostic.GetProperty("code").GetString());
        Assert.Equal(3, diagnostic.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(0, diagnostic.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Change_OnCrlfTextEditsTheRightLine()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("\uFEFFmodel m\r\ninput 20\r\nclasses 2\r\ndense units=3\r\n");

        await client.ChangeAsync(2, 3, 12, 3, 13, "2");

        Assert.Empty(await client.PullDiagnosticsAsync());
    }

    [Fact]
    public async Task Open_EmptyFileReportsMissingHeaders()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("");

        var codes = (await client.PullDiagnosticsAsync()).Select(item => item.GetProperty("code").GetString()!).ToArray();

        Assert.Equal(["RM0112", "RM0113"], codes);
    }

    [Fact]
    public async Task Open_BinaryJunkGivesDiagnosticsNotErrors()
    {
        await using var client = await LspClient.InitializedAsync();
        var random = new Random(3);
        var junk = new string([.. Enumerable.Range(0, 4000).Select(_ => (char)random.Next(0, 0xD7FF))]) + "\0\u0001\uFFFD\uD800";
        await client.OpenAsync(junk);

        var diagnostics = await client.PullDiagnosticsAsync();
        var symbols = await client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = LspClient.DocumentUri } });
        var tokens = await client.RequestAsync("textDocument/semanticTokens/full", new { textDocument = new { uri = LspClient.DocumentUri } });

        Assert.NotEmpty(diagnostics);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, symbols.ValueKind);
        Assert.Equal(0, tokens.GetProperty("data").GetArrayLength() % 5);
    }

    [Fact]
    public async Task Close_ForgetsTheDocument()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(TestTexts.Flat + "dense units=3\n");

        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = LspClient.DocumentUri } });

        Assert.Empty(await client.PullDiagnosticsAsync());
    }
}
