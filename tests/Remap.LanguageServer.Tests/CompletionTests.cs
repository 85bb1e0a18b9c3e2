using System.Text.Json;

namespace Remap.LanguageServer.Tests;

public class CompletionTests
{
    private static async Task<JsonElement[]> CompleteAsync(string text, int line, int character, object? capabilities = null)
    {
        await using var client = await LspClient.InitializedAsync(capabilities);
        await client.OpenAsync(text);
        var result = await client.RequestAtAsync("textDocument/completion", line, character);
        return [.. result.GetProperty("items").EnumerateArray()];
    }

    private static string[] Labels(JsonElement[] items) => [.. items.Select(item => item.GetProperty("label").GetString()!)];

    [Fact]
    public async Task Completion_OffersLayerKindsAtLineStart()
    {
        var items = await CompleteAsync(TestTexts.Header + "\n", 3, 0);

        Assert.Contains("conv2d", Labels(items));
        Assert.Contains("globalavgpool", Labels(items));
        Assert.Contains("training", Labels(items));
    }

    [Fact]
    public async Task Completion_EveryItemHasDocumentation()
    {
        var items = await CompleteAsync(TestTexts.Header + "\n", 3, 0);

        Assert.All(items, item => Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("documentation").GetProperty("value").GetString())));
    }

    [Fact]
    public async Task Completion_OffersSnippetsWhenClientSupportsThem()
    {
        var items = await CompleteAsync(TestTexts.Header + "con", 3, 3);

        var snippet = Assert.Single(items, item => item.GetProperty("label").GetString() == "conv2d …");
        Assert.Equal(2, snippet.GetProperty("insertTextFormat").GetInt32());
        Assert.StartsWith("conv2d filters=${1:32} kernel=${2:3}", snippet.GetProperty("textEdit").GetProperty("newText").GetString());
    }

    [Fact]
    public async Task Completion_LeavesOutSnippetsWithoutSupport()
    {
        var items = await CompleteAsync(TestTexts.Header + "con", 3, 3, LspClient.PushCapabilities);

        Assert.DoesNotContain(items, item => item.GetProperty("kind").GetInt32() == 15);
    }

    [Fact]
    public async Task Completion_ReplacesTheWordBeingTyped()
    {
        var items = await CompleteAsync(TestTexts.Header + "  max", 3, 5);

        var range = items.First(item => item.GetProperty("label").GetString() == "maxpool2d").GetProperty("textEdit").GetProperty("range");
        Assert.Equal(2, range.GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(5, range.GetProperty("end").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Completion_OffersOnlyParametersNotYetGiven()
    {
        var items = await CompleteAsync(TestTexts.Header + "conv2d filters=16 ", 3, 18);

        Assert.Equal(["kernel", "stride", "padding"], Labels(items));
    }

    [Fact]
    public async Task Completion_OffersPaddingValues()
    {
        var items = await CompleteAsync(TestTexts.Header + "conv2d kernel=3 padding=", 3, 24);

        Assert.Equal(["same", "valid", "0"], Labels(items));
    }

    [Fact]
    public async Task Completion_OffersOptimizerValues()
    {
        var items = await CompleteAsync(TestTexts.Flat + "dense units=2\ntraining {\n  optimizer = \n}\n", 5, 14);

        Assert.Equal(["sgd", "adam", "adamw"], Labels(items));
    }

    [Fact]
    public async Task Completion_OffersMissingSettings()
    {
        var items = await CompleteAsync(TestTexts.Flat + "dense units=2\ntraining {\n  epochs = 3\n  \n  seed = 1\n}\n", 6, 2);

        Assert.Equal(["batch_size", "optimizer", "learning_rate", "weight_decay"], Labels(items));
    }

    [Fact]
    public async Task Completion_OffersNothingInComments()
    {
        var items = await CompleteAsync(TestTexts.Header + "# conv", 3, 6);

        Assert.Empty(items);
    }

    [Fact]
    public async Task Completion_WorksAtTheEndOfALongFile()
    {
        var text = TestTexts.Long() + "dense ";
        var lastLine = text.Split('\n').Length - 1;

        var items = await CompleteAsync(text, lastLine, 6);

        Assert.Equal(["units"], Labels(items));
    }

    [Fact]
    public async Task Completion_LeavesOutHeadersTheFileHas()
    {
        var items = await CompleteAsync(TestTexts.Header + "\n", 3, 0);

        Assert.DoesNotContain(Labels(items), label => label is "model" or "input" or "classes");
    }

    [Fact]
    public async Task Completion_OffersHeadersTheFileLacks()
    {
        var items = await CompleteAsync(TestTexts.Header + "\n", 3, 0);

        Assert.Contains("dataset", Labels(items));
    }

    [Fact]
    public async Task Completion_OmitsExistingTrainingBlock()
    {
        var items = await CompleteAsync(TestTexts.Header + "\ntraining {\n  epochs = 2\n}\n", 3, 0);

        Assert.DoesNotContain("training", Labels(items));
    }

    [Fact]
    public async Task Completion_SnippetOffersTheDefaultPaddingFirst()
    {
        var items = await CompleteAsync(TestTexts.Header + "con", 3, 3);

        var snippet = Assert.Single(items, item => item.GetProperty("label").GetString() == "conv2d …");
        Assert.EndsWith("padding=${4|0,same,valid|}", snippet.GetProperty("textEdit").GetProperty("newText").GetString());
    }

    [Fact]
    public async Task Completion_OffersDatasetShapesAfterInput()
    {
        var items = await CompleteAsync("model m\ninput ", 1, 6);

        var item = Assert.Single(items);
        Assert.Equal("1x28x28", item.GetProperty("label").GetString());
        Assert.Contains("fashion-mnist-sample", item.GetProperty("documentation").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Completion_OffersDatasetClassCountsAfterClasses()
    {
        var items = await CompleteAsync("model m\nclasses ", 1, 8);

        Assert.Equal(["10"], Labels(items));
    }
}
