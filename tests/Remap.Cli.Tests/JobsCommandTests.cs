using System.Globalization;
using System.Text.RegularExpressions;
using Remap.Cli.Commands;
using Remap.Engine.Store;

namespace Remap.Cli.Tests;

/// <summary>`remap jobs` and the messages that send users back to `remap train`.</summary>
public sealed partial class JobsCommandTests : LoopbackServerTests
{
    [Fact]
    public async Task Jobs_ListInRunOrder()
    {
        var oldFinished = await QueueCnnAsync();
        var running = await QueueCnnAsync();
        var queuedLow = await QueueCnnAsync();
        var queuedHigh = await QueueCnnAsync("--priority", "5");
        var newFinished = await QueueCnnAsync();
        await StoreEdits.MarkTrainedAsync(DatabasePath, oldFinished, 0.8);
        await StoreEdits.SetStateAsync(DatabasePath, running, JobStates.Running);
        await StoreEdits.SetStateAsync(DatabasePath, newFinished, JobStates.Failed);

        var result = await CliRun.InvokeAsync("jobs", "--server", Url);
        var order = RowModelId().Matches(result.Output).Select(match => long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));

        Assert.Equal([running, queuedHigh, queuedLow, newFinished, oldFinished], order);
    }

    [Fact]
    public async Task Jobs_ShowPriorityAndRepeatProgress()
    {
        var modelId = await QueueCnnAsync("--priority", "-3", "--repeats", "4");

        var result = await CliRun.InvokeAsync("jobs", "--server", Url);

        Assert.Matches($@"│ {modelId} cnn\s+│ queued\s+│ -3\s+│ 0/4\s+│", result.Output);
    }

    [Fact]
    public async Task Jobs_ShowEarlyStoppingRules()
    {
        var withRules = await QueueCnnAsync("--patience", "2", "--time-budget", "90.5");
        var withoutRules = await QueueCnnAsync();

        var result = await CliRun.InvokeAsync("jobs", "--server", Url);

        Assert.Matches($@"│ {withRules} cnn\s+│ queued\s+│ 0\s+│ 0/1\s+│ 0/\d+\s+│ patience 2 epochs, budget 90.5 s\s+│", result.Output);
        Assert.Matches($@"│ {withoutRules} cnn\s+│ queued\s+│ 0\s+│ 0/1\s+│ 0/\d+\s+│ no\s+│", result.Output);
    }

    [Fact]
    public void Jobs_StateHelpListsDiverged()
    {
        var state = JobsCommand.Create().Options.Single(option => option.Name == "--state");

        Assert.Contains("queued, running, succeeded, failed, cancelled, diverged", state.Description);
    }

    [Fact]
    public async Task Vary_FailedParentNamesTrainCommand()
    {
        var parentId = await QueueCnnAsync();
        await StoreEdits.SetStateAsync(DatabasePath, parentId, JobStates.Failed);

        var result = await CliRun.InvokeAsync("vary", parentId.ToString(CultureInfo.InvariantCulture), "--server", Url);

        Assert.Contains("Train it again (`remap train FILE` with the same .remap file)", result.Error);
        Assert.DoesNotContain("POST /api/v1/models", result.Error);
    }

    [GeneratedRegex(@"^│ \d+\s+│ (\d+) cnn", RegexOptions.Multiline)]
    private static partial Regex RowModelId();
}
