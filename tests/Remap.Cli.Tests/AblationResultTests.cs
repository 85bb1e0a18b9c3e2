using Remap.Api.Ablations;
using Remap.Api.Models;
using Remap.Cli.Client;
using Remap.Cli.Output;

namespace Remap.Cli.Tests;

/// <summary>The ablation table and `remap models` on models trained with several seeds: means, spreads and run counts.</summary>
public sealed class AblationResultTests : LoopbackServerTests
{
    // Parent: mean 0.777 ± 0.015. Layer 1 removed: mean 0.810 ± 0.010, +0.033 against a pooled spread of 0.013.
    // Layer 5 removed: mean 0.780 ± 0.010, +0.003, inside the spread.
    private static readonly double[] ParentAccuracies = [0.76, 0.78, 0.79];
    private static readonly double[] FirstChildAccuracies = [0.80, 0.82, 0.81];
    private static readonly double[] SecondChildAccuracies = [0.77, 0.79, 0.78];

    [Fact]
    public async Task Results_TitleShowsParentMeanNotLastRun()
    {
        var text = await AblationTableAsync();

        Assert.Contains("(validation 0.777 ± 0.015, test 0.777 ± 0.015, 3 runs)", text);
    }

    [Fact]
    public async Task Results_ChildBeyondSeedSpreadSaysYes()
    {
        var text = await AblationTableAsync();

        var row = text.Split('\n').Single(line => line.Contains("removed layer 1 ", StringComparison.Ordinal));
        Assert.Matches(@"│ 3\s+│ 0\.810 ± 0\.010\s+│ 0\.810 ± 0\.010\s+│ \+0\.033\s+│ 0\.013\s+│ yes", row);
    }

    [Fact]
    public async Task Results_ChildInsideSeedSpreadSaysNo()
    {
        var text = await AblationTableAsync();

        var row = text.Split('\n').Single(line => line.Contains("removed layer 5 ", StringComparison.Ordinal));
        Assert.Matches(@"│ \+0\.003\s+│ 0\.013\s+│ no", row);
    }

    [Fact]
    public async Task Models_ShowsMeanWithSpreadAndRunCount()
    {
        var parentId = await QueueCnnAsync();
        await StoreEdits.MarkTrainedAsync(DatabasePath, parentId, ParentAccuracies);

        var result = await CliRun.InvokeAsync("models", "--server", Url);

        Assert.Matches(@"│ 3\s+│ 0\.777 ± 0\.015\s+│ succeeded", result.Output);
    }

    /// <summary>Trains (in the store) a parent and two ablation children with three seeds each and prints the ablation table.</summary>
    private async Task<string> AblationTableAsync()
    {
        var parentId = await QueueCnnAsync();
        await StoreEdits.MarkTrainedAsync(DatabasePath, parentId, ParentAccuracies);
        using var client = new RemapApiClient(new Uri(Url), apiKey: null);
        var study = await client.CreateAblationStudyAsync(parentId, new CreateAblationStudyRequest([0, 4]), CancellationToken.None);
        await StoreEdits.MarkTrainedAsync(DatabasePath, study.Children[0].Model.Id, FirstChildAccuracies);
        await StoreEdits.MarkTrainedAsync(DatabasePath, study.Children[1].Model.Id, SecondChildAccuracies);

        var parent = await client.GetModelAsync(parentId, CancellationToken.None);
        var children = new List<ModelDetail>();
        foreach (var child in study.Children)
        {
            children.Add(await client.GetModelAsync(child.Model.Id, CancellationToken.None));
        }

        var writer = new StringWriter();
        AblationOutput.WriteResults(CliRun.CreateConsole(writer), parent, study, children);
        return writer.ToString();
    }
}
