using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Remap.Cli.Demo;

namespace Remap.Cli.Tests;

/// <summary>A real server on loopback with its worker disabled, one per test, and the helpers the command tests share.</summary>
public abstract partial class LoopbackServerTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"remap-cli-{Guid.NewGuid():N}");
    private DemoServer? server;

    protected string Url => server!.Address.ToString();

    protected string DatabasePath => Path.Combine(folder, "remap.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        server = await DemoServer.StartAsync(DatabasePath, CancellationToken.None, ["--Remap:WorkerEnabled=false"]);
    }

    public async Task DisposeAsync()
    {
        await server!.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Writes the two-block CNN (8 layers, the last dense) with a fresh seed, so every call is a new model.</summary>
    protected async Task<string> WriteCnnFileAsync()
    {
        var file = Path.Combine(folder, $"cnn-{Guid.NewGuid():N}.remap");
        await File.WriteAllTextAsync(file, $$"""
            model cnn
            dataset fashion-mnist-sample
            conv2d filters=8 kernel=3 padding=same
            relu
            maxpool2d size=2
            conv2d filters=16 kernel=3 padding=same
            relu
            maxpool2d size=2
            flatten
            dense units=10
            training {
              epochs = 1
              seed = {{Random.Shared.Next(1_000_000)}}
            }
            """);
        return file;
    }

    /// <summary>Queues the CNN with `remap train --no-wait` and returns the new model's id.</summary>
    protected async Task<long> QueueCnnAsync(params string[] options)
    {
        var train = await CliRun.InvokeAsync(["train", await WriteCnnFileAsync(), "--no-wait", "--server", Url, .. options]);
        Assert.True(train.ExitCode == 0, train.AllText);
        return long.Parse(ModelId().Match(train.Output).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Returns the jobs of a model as the API lists them.</summary>
    protected async Task<List<JsonElement>> JobsOfAsync(params long[] modelIds)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        var jobs = JsonDocument.Parse(await http.GetStringAsync("/api/v1/jobs")).RootElement;
        return jobs.EnumerateArray().Where(job => modelIds.Contains(job.GetProperty("modelId").GetInt64())).ToList();
    }

    [GeneratedRegex(@"[Mm]odel (\d+)")]
    protected static partial Regex ModelId();
}
