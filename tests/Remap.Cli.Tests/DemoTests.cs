using System.Text.Json;

namespace Remap.Cli.Tests;

/// <summary>The demo end to end on a small examples folder: real server, real trainer, real data.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"remap-demo-test-{Guid.NewGuid():N}");

    public DemoTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Demo_TrainsAblatesAndSummarises()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "tiny-mlp.remap"), """
            model tiny_mlp
            input 1x28x28
            classes 10
            dataset fashion-mnist-sample

            flatten
            dense units=32
            relu
            dense units=10

            training {
              epochs = 1
              batch_size = 128
            }
            """);
        var summaryPath = Path.Combine(folder, "summary.json");

        var result = await CliRun.InvokeAsync("demo", "--examples", folder, "--summary", summaryPath);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("tiny_mlp", result.Output);
        Assert.Empty(result.Error);
        Assert.Contains("Ablation of tiny_mlp", result.Output);
        Assert.Matches(@"job \d+ tiny_mlp: succeeded", result.Output);

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryPath));
        var root = summary.RootElement;
        Assert.Equal(1, root.GetProperty("models").GetArrayLength());
        Assert.InRange(root.GetProperty("bestTestAccuracy").GetDouble(), 0.5, 1.0);

        // flatten cannot go (dense would get an image) and the last dense never goes: dense32 and relu remain.
        var children = root.GetProperty("ablationChildren").EnumerateArray().ToList();
        Assert.Equal(2, children.Count);
        Assert.All(children, child => Assert.InRange(child.GetProperty("testAccuracy").GetDouble(), 0.0, 1.0));
    }
}
