namespace Remap.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Train_MissingFileIsReported()
    {
        var result = await CliRun.InvokeAsync("train", "/nonexistent/model.remap");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("file not found", result.Output);
    }

    [Fact]
    public async Task Train_UnreachableServerSaysHowToStartOne()
    {
        var file = Path.Combine(Path.GetTempPath(), $"remap-cli-{Guid.NewGuid():N}.remap");
        await File.WriteAllTextAsync(file, "model m\ninput 4\nclasses 2\ndense units=2\n");
        try
        {
            // Port 9 (discard) on loopback is closed here, so the connection is refused at once.
            var result = await CliRun.InvokeAsync("train", file, "--server", "http://127.0.0.1:9");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("Cannot reach the Remap server", result.Output);
            Assert.Contains("remap serve", result.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Serve_InvalidDatasetOptionIsRejected()
    {
        var result = await CliRun.InvokeAsync("serve", "--dataset", "no-equals-sign");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("expected NAME=DIRECTORY", result.Output);
    }

    [Fact]
    public async Task Demo_MissingExamplesFolderIsReported()
    {
        var result = await CliRun.InvokeAsync("demo", "--examples", "/nonexistent/examples");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("examples folder not found", result.Output);
    }

    [Fact]
    public async Task Jobs_InvalidServerUrlIsRejected()
    {
        var result = await CliRun.InvokeAsync("jobs", "--server", "not a url");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Invalid server URL 'not a url'", result.Output);
    }
}
