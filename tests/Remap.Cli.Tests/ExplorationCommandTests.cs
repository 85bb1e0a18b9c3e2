using System.Text.Json;
using System.Globalization;
using System.Text.RegularExpressions;
using Remap.Cli.Demo;

namespace Remap.Cli.Tests;

/// <summary><c>remap population</c>, <c>remap diff</c> and <c>remap vary</c> against a real server on loopback with its worker disabled.</summary>
public sealed partial class ExplorationCommandTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"remap-cli-exploration-{Guid.NewGuid():N}");
    private DemoServer? server;

    private string Url => server!.Address.ToString();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        server = await DemoServer.StartAsync(Path.Combine(folder, "remap.db"), CancellationToken.None, ["--Remap:WorkerEnabled=false"]);
    }

    public async Task DisposeAsync()
    {
        await server!.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Population_ThenDiffOfTwoMembers()
    {
        var population = await CliRun.InvokeAsync("population", "--dataset", "fashion-mnist-sample", "--count", "3", "--seed", "5", "--server", Url);
        var ids = ModelId().Matches(population.Output).Select(match => match.Groups[1].Value).ToList();

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
        var ids = ModelId().Matches(population.Output).Select(match => long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        using var jobs = JsonDocument.Parse(await http.GetStringAsync("/api/v1/jobs"));
        var epochs = jobs.RootElement.EnumerateArray()
            .Where(job => ids.Contains(job.GetProperty("modelId").GetInt64()))
            .Select(job => job.GetProperty("epochs").GetInt32())
            .ToList();

        Assert.Equal(0, population.ExitCode);
        Assert.Equal(2, epochs.Count);
        Assert.All(epochs, value => Assert.Equal(1, value));
    }

    [Fact]
    public async Task Vary_UntrainedParentIsReported()
    {
        var population = await CliRun.InvokeAsync("population", "--dataset", "fashion-mnist-sample", "--count", "1", "--seed", "6", "--server", Url);
        var id = ModelId().Match(population.Output).Groups[1].Value;

        var result = await CliRun.InvokeAsync("vary", id, "--server", Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("has not finished training", result.Error);
    }

    [Fact]
    public async Task Population_CountOutOfRangeIsReported()
    {
        var result = await CliRun.InvokeAsync("population", "--dataset", "fashion-mnist-sample", "--count", "500", "--server", Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Count", result.Error);
    }

    [GeneratedRegex(@"model (\d+):")]
    private static partial Regex ModelId();
}
