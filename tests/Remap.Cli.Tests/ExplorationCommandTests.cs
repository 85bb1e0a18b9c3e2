using System.Text.Json;
using System.Globalization;
using System.Text.RegularExpressions;
using Remap.Api.Models;
using Remap.Cli.Client;

namespace Remap.Cli.Tests;

/// <summary><c>remap population</c>, <c>remap diff</c> and <c>remap vary</c> against a real server on loopback with its worker disabled.</summary>
public sealed partial class ExplorationCommandTests : LoopbackServerTests
{
    [Fact]
    public async Task Population_ThenDiffOfTwoMembers()
    {
        var population = await CliRun.InvokeAsync("population", "--dataset", "fashion-mnist-sample", "--count", "3", "--seed", "5", "--server", Url);
        var ids = ListedModelId().Matches(population.Output).Select(match => match.Groups[1].Value).ToList();

        var diff = await CliRun.InvokeAsync("diff", ids[0], ids[1], "--server", Url);

        Assert.Equal(0, population.ExitCode);
        Assert.Contains("(seed 5)", population.Output);
        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("structural distance", diff.Output);
    }

    [Fact]
    public async Task Population_EpochsOptionReachesEveryJob()
    {
        var population = await CliRun.InvokeAsync("population", "--dataset", "fashion-mnist-sample", "--count", "2", "--seed", "8", "--epochs", "1", "--server", Url);
        var ids = ListedModelId().Matches(population.Output).Select(match => long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();

        var epochs = (await JobsOfAsync(ids)).Select(job => job.GetProperty("epochs").GetInt32()).ToList();

        Assert.Equal(0, population.ExitCode);
        Assert.Equal(2, epochs.Count);
        Assert.All(epochs, value => Assert.Equal(1, value));
    }

    [Fact]
    public async Task Vary_UntrainedParentIsReported()
    {
        var population = await CliRun.InvokeAsync("population", "--dataset", "fashion-mnist-sample", "--count", "1", "--seed", "6", "--server", Url);
        var id = ListedModelId().Match(population.Output).Groups[1].Value;

        var result = await CliRun.InvokeAsync("vary", id, "--server", Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("has not finished training", result.Error);
    }

    [Fact]
    public async Task Models_FollowsEveryPage()
    {
        var population = await CliRun.InvokeAsync("population", "--dataset", "fashion-mnist-sample", "--count", "5", "--seed", "21", "--server", Url);
        var sampled = ListedModelId().Matches(population.Output).Count;
        using var client = new RemapApiClient(new Uri(Url), null) { ModelPageSize = 2 };
        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        using var firstPage = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/models?limit={ModelListQuery.MaxLimit}"));

        var models = await client.ListModelsAsync(null, null, CancellationToken.None);

        Assert.True(sampled >= 3, population.Output);
        Assert.Equal(firstPage.RootElement.EnumerateArray().Select(model => model.GetProperty("id").GetInt64()), models.Select(model => model.Id));
    }

    [Fact]
    public async Task Ablate_LayersMapToZeroBasedIndexes()
    {
        var parentId = await TrainedCnnAsync();

        var result = await CliRun.InvokeAsync("ablate", parentId, "--layers", "1,5", "--no-wait", "--server", Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("removed layer 1 (conv2d filters=8", result.Output);
        Assert.Contains("removed layer 5 (relu)", result.Output);
        Assert.Contains("2 children", result.Output);
    }

    [Fact]
    public async Task Ablate_BlocksRemoveConvGroups()
    {
        var parentId = await TrainedCnnAsync();

        var result = await CliRun.InvokeAsync("ablate", parentId, "--layers", "2", "--blocks", "--no-wait", "--server", Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("removed the block of layers 1 to 3", result.Output);
        Assert.Contains("1 child,", result.Output);
    }

    [Fact]
    public async Task Ablate_NothingRemovableFails()
    {
        var parentId = await TrainedCnnAsync();

        // Layer 7 is the flatten before dense: removing it breaks the shapes, so the study has no child.
        var result = await CliRun.InvokeAsync("ablate", parentId, "--layers", "7", "--no-wait", "--server", Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("skipped", result.Output);
        Assert.Contains("nothing to ablate: no layer asked for can be removed", result.Error);
    }

    [Theory]
    [InlineData("1,x", "Invalid layer number 'x' in --layers '1,x'")]
    [InlineData("0", "Invalid layer number '0'")]
    [InlineData("2,,3", "Invalid layer number ''")]
    [InlineData("1.5", "Invalid layer number '1.5'")]
    public async Task Ablate_BadLayerListNamesValue(string layers, string message)
    {
        var result = await CliRun.InvokeAsync("ablate", "1", "--layers", layers, "--server", Url);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Ablate_LayerOutOfRangeNamesValue()
    {
        var parentId = await TrainedCnnAsync();

        var result = await CliRun.InvokeAsync("ablate", parentId, "--layers", "3,8", "--server", Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--layers contains 8, but model {parentId} has 8 layers and can lose only layers 1 to 7; layer 8, the final dense layer, is never removed.", result.Error);
    }

    /// <summary>Creates the two-block CNN (8 layers, the last dense) and records a finished run for it.</summary>
    private async Task<string> TrainedCnnAsync()
    {
        var id = await QueueCnnAsync();
        await StoreEdits.MarkTrainedAsync(DatabasePath, id, 0.8);
        return id.ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"model (\d+):")]
    private static partial Regex ListedModelId();
}
