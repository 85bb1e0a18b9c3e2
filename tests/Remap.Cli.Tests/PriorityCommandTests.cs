using System.Text.RegularExpressions;
using Remap.Cli.Demo;

namespace Remap.Cli.Tests;

/// <summary><c>remap priority</c> against a real server on loopback with its worker disabled, so jobs stay queued.</summary>
public sealed class PriorityCommandTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"remap-cli-priority-{Guid.NewGuid():N}");
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
    public async Task Priority_QueuedJobChanges()
    {
        var file = Path.Combine(folder, "mlp.remap");
        await File.WriteAllTextAsync(file, "model mlp\ndataset fashion-mnist-sample\nflatten\ndense units=10\n");
        var train = await CliRun.InvokeAsync("train", file, "--server", Url, "--no-wait");
        var jobId = Regex.Match(train.Output, @"queued as job (\d+)").Groups[1].Value;

        var result = await CliRun.InvokeAsync("priority", jobId, "7", "--server", Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Job {jobId} now has priority 7.", result.Output);
    }

    [Fact]
    public async Task Priority_UnknownJobFails()
    {
        var result = await CliRun.InvokeAsync("priority", "4242", "1", "--server", Url);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("4242", result.Error);
    }
}
