using System.Text.RegularExpressions;
using Remap.Cli.Demo;

namespace Remap.Cli.Tests;

/// <summary>The commands that talk to a server, against a real server on loopback with its worker disabled.</summary>
public sealed class ServerCommandTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"remap-cli-server-{Guid.NewGuid():N}");
    private DemoServer? server;

    private string Url => server!.Address.ToString();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);

        // Without a worker the jobs stay queued, so these tests never train and stay fast.
        server = await DemoServer.StartAsync(Path.Combine(folder, "remap.db"), CancellationToken.None, ["--Remap:WorkerEnabled=false"]);
    }

    public async Task DisposeAsync()
    {
        await server!.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Train_DiagnosticsPrintLikeCompilerErrors()
    {
        var file = await WriteAsync("broken.remap", """
            model broken
            input 1x28x28
            dataset fashion-mnist-sample

            conv2 filters=8
            flatten
            dense units=10
            """);

        var result = await CliRun.InvokeAsync("train", file, "--server", Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken.remap:5:1: error RM0101: unknown layer 'conv2'; did you mean 'conv2d'?", result.Error);
        Assert.Single(result.Error.Split('\n'), line => line.Contains("RM0101", StringComparison.Ordinal));
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Train_SameArchitectureIsReused()
    {
        var file = await WriteAsync("mlp.remap", Mlp);

        var first = await CliRun.InvokeAsync("train", file, "--server", Url, "--no-wait");
        var second = await CliRun.InvokeAsync("train", file, "--server", Url, "--no-wait");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("queued as job", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already trained or training", second.Output);
    }

    [Fact]
    public async Task Cancel_QueuedJobIsCancelled()
    {
        var file = await WriteAsync("mlp.remap", Mlp.Replace("units=32", "units=33", StringComparison.Ordinal));
        var train = await CliRun.InvokeAsync("train", file, "--server", Url, "--no-wait");
        var jobId = Regex.Match(train.Output, @"queued as job (\d+)").Groups[1].Value;

        var jobs = await CliRun.InvokeAsync("jobs", "--server", Url, "--state", "queued");
        var result = await CliRun.InvokeAsync("cancel", jobId, "--server", Url);
        var again = await CliRun.InvokeAsync("cancel", jobId, "--server", Url);

        Assert.Contains("queued", jobs.Output);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Job {jobId} cancelled.", result.Output);
        Assert.Equal(1, again.ExitCode);
    }

    [Fact]
    public async Task Models_ListsTrainedAndQueuedModels()
    {
        var file = await WriteAsync("mlp.remap", Mlp.Replace("model mlp", "model listed_mlp", StringComparison.Ordinal));
        await CliRun.InvokeAsync("train", file, "--server", Url, "--no-wait");

        var result = await CliRun.InvokeAsync("models", "--server", Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("listed_mlp", result.Output);
    }

    [Fact]
    public async Task Datasets_ListsTheBundledSample()
    {
        var result = await CliRun.InvokeAsync("datasets", "--server", Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("fashion-mnist-sample", result.Output);
        Assert.Contains("1x28x28", result.Output);
    }

    [Fact]
    public async Task Ablate_UnknownModelSuggestsListing()
    {
        var result = await CliRun.InvokeAsync("ablate", "999999", "--server", Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("999999", result.Error);
        Assert.Contains("remap models", result.Error);
    }

    private const string Mlp = """
        model mlp
        input 1x28x28
        classes 10
        dataset fashion-mnist-sample

        flatten
        dense units=32
        relu
        dense units=10
        """;

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }
}
