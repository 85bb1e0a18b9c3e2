using System.Globalization;

namespace Remap.Cli.Tests;

/// <summary>The job options of `remap train`, `remap ablate` and `remap vary`, and the errors for bad values.</summary>
public sealed class JobOptionsCommandTests : LoopbackServerTests
{
    [Fact]
    public async Task Train_JobOptionsReachTheJob()
    {
        var modelId = await QueueCnnAsync("--repeats", "3", "--patience", "2", "--time-budget", "90.5", "--priority", "7");

        var job = (await JobsOfAsync(modelId)).Single();

        Assert.Equal(3, job.GetProperty("repeats").GetInt32());
        Assert.Equal(2, job.GetProperty("patience").GetInt32());
        Assert.Equal(90.5, job.GetProperty("timeBudgetSeconds").GetDouble());
        Assert.Equal(7, job.GetProperty("priority").GetInt32());
    }

    [Theory]
    [InlineData("--repeats", "11", "--repeats is 11, outside the accepted range: give a whole number from 1 to 10.")]
    [InlineData("--patience", "0", "--patience is 0, outside the accepted range: give a whole number from 1 to 1,000.")]
    [InlineData("--priority", "2000000", "--priority is 2000000, outside the accepted range")]
    [InlineData("--time-budget", "0", "--time-budget is 0: give a number of seconds more than 0 and at most 604,800 (one week)")]
    [InlineData("--repeats", "three", "three")]
    public async Task Train_BadJobOptionIsNamedWithoutHelpText(string option, string value, string message)
    {
        var result = await CliRun.InvokeAsync("train", await WriteCnnFileAsync(), option, value, "--server", Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.DoesNotContain("Usage:", result.AllText);
    }

    [Fact]
    public async Task Ablate_JobOptionsReachEveryChild()
    {
        var parentId = await QueueCnnAsync();
        await StoreEdits.MarkTrainedAsync(DatabasePath, parentId, 0.8);

        var result = await CliRun.InvokeAsync("ablate", parentId.ToString(CultureInfo.InvariantCulture), "--layers", "1,5", "--repeats", "2", "--priority", "4", "--no-wait", "--server", Url);
        var children = ModelId().Matches(result.Output).Select(match => long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).Where(id => id != parentId).ToArray();
        var jobs = await JobsOfAsync(children);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([2, 2], jobs.Select(job => job.GetProperty("repeats").GetInt32()));
        Assert.Equal([4, 4], jobs.Select(job => job.GetProperty("priority").GetInt32()));
    }

    [Fact]
    public async Task Vary_JobOptionsReachEveryChild()
    {
        var parentId = await QueueCnnAsync();
        await StoreEdits.MarkTrainedAsync(DatabasePath, parentId, 0.8);

        var result = await CliRun.InvokeAsync("vary", parentId.ToString(CultureInfo.InvariantCulture), "--count", "2", "--seed", "3", "--patience", "3", "--time-budget", "30", "--server", Url);
        var children = ModelId().Matches(result.Output).Select(match => long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).Where(id => id != parentId).ToArray();
        var jobs = await JobsOfAsync(children);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([3, 3], jobs.Select(job => job.GetProperty("patience").GetInt32()));
        Assert.Equal([30.0, 30.0], jobs.Select(job => job.GetProperty("timeBudgetSeconds").GetDouble()));
    }

    [Fact]
    public async Task Vary_ServerErrorNamesSeedOption()
    {
        var parentId = await QueueCnnAsync();
        await StoreEdits.MarkTrainedAsync(DatabasePath, parentId, 0.8);

        var result = await CliRun.InvokeAsync("vary", parentId.ToString(CultureInfo.InvariantCulture), "--seed", "-1", "--server", Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("  --seed must be greater than or equal to '0'", result.Error);
        Assert.DoesNotContain("'seed'", result.Error);
    }

    [Fact]
    public async Task Population_ServerErrorNamesMaxParametersOption()
    {
        var result = await CliRun.InvokeAsync("population", "--dataset", "fashion-mnist-sample", "--max-parameters", "5", "--server", Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("  --max-parameters must be between 100", result.Error);
        Assert.DoesNotContain("maxParameters", result.Error);
    }

    [Fact]
    public async Task Ablate_BadLayerPrintsErrorAndHintOnly()
    {
        var result = await CliRun.InvokeAsync("ablate", "2", "--layers", "0", "--server", Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Invalid layer number '0'", result.Error);
        Assert.Contains("`remap ablate --help` lists the options.", result.Error);
        Assert.DoesNotContain("Usage:", result.AllText);
    }

    [Theory]
    [InlineData("train", "examples/mlp-tiny.remap", "--epochs", "two")]
    [InlineData("cancel", "abc")]
    public async Task ParseError_NamesKindOfValue(params string[] arguments)
    {
        var result = await CliRun.InvokeAsync(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("as a whole number", result.Error);
        Assert.DoesNotContain("System.", result.Error);
    }
}
