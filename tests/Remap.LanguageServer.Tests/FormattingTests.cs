namespace Remap.LanguageServer.Tests;

public class FormattingTests
{
    [Fact]
    public async Task Formatting_ReplacesWithCanonicalLayout()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("conv2d   filters=8\nmodel m\nclasses 10\ninput 1x28x28\nflatten\ndense units=10\n");

        var edits = await client.RequestAsync("textDocument/formatting", new { textDocument = new { uri = LspClient.DocumentUri }, options = new { tabSize = 2, insertSpaces = true } });

        var edit = Assert.Single(edits.EnumerateArray());
        Assert.Equal("model m\ninput 1x28x28\nclasses 10\n\nconv2d filters=8\nflatten\ndense units=10\n", edit.GetProperty("newText").GetString());
        Assert.Equal(6, edit.GetProperty("range").GetProperty("end").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Formatting_CanonicalTextNeedsNoEdit()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(TestTexts.SmallCnn.Replace("\n\nconv2d", "\n\nconv2d", StringComparison.Ordinal));

        var edits = await client.RequestAsync("textDocument/formatting", new { textDocument = new { uri = LspClient.DocumentUri }, options = new { tabSize = 2, insertSpaces = true } });

        Assert.Equal(0, edits.GetArrayLength());
    }

    [Fact]
    public async Task Formatting_LeavesSyntaxErrorsAlone()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync("model   m\ndense units\n");

        var edits = await client.RequestAsync("textDocument/formatting", new { textDocument = new { uri = LspClient.DocumentUri }, options = new { tabSize = 2, insertSpaces = true } });

        Assert.Equal(0, edits.GetArrayLength());
    }

    [Theory]
    [InlineData(4, true, "    epochs = 4\n")]
    [InlineData(3, true, "   epochs = 4\n")]
    [InlineData(4, false, "\tepochs = 4\n")]
    public async Task Formatting_HonoursIndentOptions(int tabSize, bool insertSpaces, string expectedLine)
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(TestTexts.Flat + "dense units=2\ntraining {\n  epochs = 4\n}\n");

        var edits = await client.RequestAsync("textDocument/formatting", new { textDocument = new { uri = LspClient.DocumentUri }, options = new { tabSize, insertSpaces } });

        var edit = Assert.Single(edits.EnumerateArray());
        Assert.Equal(TestTexts.Flat + "\ndense units=2\n\ntraining {\n" + expectedLine + "}\n", edit.GetProperty("newText").GetString());
    }
}
