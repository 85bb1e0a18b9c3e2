using System.Text.Json;

namespace Remap.LanguageServer.Tests;

public class CodeActionTests
{
    private static async Task<(JsonElement[] Actions, LspClient Client)> ActionsAsync(string text, int line)
    {
        var client = await LspClient.InitializedAsync();
        await client.OpenAsync(text);
        var result = await client.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = LspClient.DocumentUri },
            range = LspClient.Range(line, 0, line, 0),
            context = new { diagnostics = Array.Empty<object>() },
        });
        return ([.. result.EnumerateArray()], client);
    }

    private static JsonElement OnlyEdit(JsonElement action) =>
        Assert.Single(action.GetProperty("edit").GetProperty("changes").GetProperty(LspClient.DocumentUri).EnumerateArray());

    [Fact]
    public async Task CodeAction_FixesMisspeltLayer()
    {
        var (actions, client) = await ActionsAsync(TestTexts.Flat + "desne units=2\n", 3);
        await using var _ = client;

        var action = Assert.Single(actions);
        Assert.Equal("Change 'desne' to 'dense'", action.GetProperty("title").GetString());
        Assert.Equal("dense", OnlyEdit(action).GetProperty("newText").GetString());
        Assert.Equal("RM0101", action.GetProperty("diagnostics")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task CodeAction_FixesMisspeltParameter()
    {
        var (actions, client) = await ActionsAsync(TestTexts.Header + "conv2d kernal=3\nflatten\ndense units=10\n", 3);
        await using var _ = client;

        var edit = OnlyEdit(Assert.Single(actions));
        Assert.Equal("kernel", edit.GetProperty("newText").GetString());
        Assert.Equal(7, edit.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task CodeAction_InsertsFlattenBeforeDense()
    {
        var (actions, client) = await ActionsAsync(TestTexts.Header + "conv2d\n  dense units=10\n", 4);
        await using var _ = client;
        var preferred = actions.Single(action => action.GetProperty("isPreferred").GetBoolean());

        await client.ChangeAsync(2, 4, 2, 4, 2, OnlyEdit(preferred).GetProperty("newText").GetString()!);

        Assert.Equal("Insert flatten before this dense layer", preferred.GetProperty("title").GetString());
        Assert.Empty(await client.PullDiagnosticsAsync());
    }

    [Fact]
    public async Task CodeAction_RemovesPoolingThatNoLongerFits()
    {
        var (actions, client) = await ActionsAsync("input 1x2x2\nclasses 2\nmaxpool2d\nmaxpool2d\nflatten\ndense units=2\n", 3);
        await using var _ = client;
        var action = Assert.Single(actions);
        var range = OnlyEdit(action).GetProperty("range");

        await client.ChangeAsync(2, range.GetProperty("start").GetProperty("line").GetInt32(), 0, range.GetProperty("end").GetProperty("line").GetInt32(), 0, "");

        Assert.Equal("Remove this maxpool2d layer", action.GetProperty("title").GetString());
        Assert.Empty(await client.PullDiagnosticsAsync());
    }

    [Fact]
    public async Task CodeAction_NoneWithoutCloseMatch()
    {
        var (actions, client) = await ActionsAsync(TestTexts.Flat + "transformer\ndense units=2\n", 3);
        await using var _ = client;

        Assert.Empty(actions);
    }

    [Fact]
    public async Task CodeAction_RemovesRepeatedRelu()
    {
        var (actions, client) = await ActionsAsync(TestTexts.Flat + "dense units=8\nrelu\nrelu\ndense units=2\n", 5);
        await using var _ = client;

        Assert.Equal("Remove this relu layer", Assert.Single(actions).GetProperty("title").GetString());
    }

    // Applies the only fix offered on a line, which must be for the code, and returns the diagnostics left.
    private static async Task<JsonElement[]> ApplyOnlyFixAsync(string code, string text, int line)
    {
        var (actions, client) = await ActionsAsync(text, line);
        await using var _ = client;
        var action = Assert.Single(actions);
        Assert.Equal(code, action.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        var edit = OnlyEdit(action);
        var start = edit.GetProperty("range").GetProperty("start");
        var end = edit.GetProperty("range").GetProperty("end");

        await client.ChangeAsync(2, start.GetProperty("line").GetInt32(), start.GetProperty("character").GetInt32(),
            end.GetProperty("line").GetInt32(), end.GetProperty("character").GetInt32(), edit.GetProperty("newText").GetString()!);
        return await client.PullDiagnosticsAsync();
    }

    /// <summary>Code, file text, and the line of the diagnostic whose only fix leaves no diagnostic.</summary>
    public static TheoryData<string, string, int> FixedByTheirAction() => new()
    {
        { "RM1008", TestTexts.Flat + "dense units=3\n", 3 },
        { "RM1007", TestTexts.Flat + "dense units=8\nrelu\n", 4 },
        { "RM0103", TestTexts.Flat + "dense units=2 units=4\n", 3 },
        { "RM0120", TestTexts.Flat + "dense units=2\ntraining {\n  optimizer = adma\n}\n", 5 },
        { "RM0005", TestTexts.Flat + "dense units=2\ntraining {\n  epochs = 3\n", 4 },
        { "RM0112", "model m\ndataset fashion-mnist-smple\nflatten\ndense units=10\n", 1 },
    };

    [Theory]
    [MemberData(nameof(FixedByTheirAction))]
    public async Task CodeAction_FixesTheCode(string code, string text, int line)
    {
        Assert.Empty(await ApplyOnlyFixAsync(code, text, line));
    }
}
