namespace Remap.Cli.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"remap-cli-{Guid.NewGuid():N}");

    public CommandLineTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Train_MissingFileIsReported()
    {
        var result = await CliRun.InvokeAsync("train", Path.Combine(folder, "missing.remap"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("file not found", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Train_DirectoryIsReported()
    {
        var result = await CliRun.InvokeAsync("train", folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a directory", result.Error);
    }

    [Fact]
    public async Task Train_EmptyFileIsReported()
    {
        var file = Path.Combine(folder, "empty.remap");
        await File.WriteAllTextAsync(file, "  \n");

        var result = await CliRun.InvokeAsync("train", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("empty.remap is empty", result.Error);
    }

    [Fact]
    public async Task Train_UnreachableServerSaysHowToStartOne()
    {
        var file = Path.Combine(folder, "model.remap");
        await File.WriteAllTextAsync(file, "model m\ninput 4\nclasses 2\ndense units=2\n");

        // Port 9 (discard) on loopback has no listener here, so the connection is refused at once.
        var result = await CliRun.InvokeAsync("train", file, "--server", "http://127.0.0.1:9");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Cannot reach the Remap server", result.Error);
        Assert.Contains("remap serve", result.Error);
    }

    [Fact]
    public async Task Serve_InvalidDatasetOptionIsRejected()
    {
        var result = await CliRun.InvokeAsync("serve", "--dataset", "no-equals-sign");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("expected NAME=DIRECTORY", result.Error);
    }

    [Fact]
    public async Task Serve_UnknownArgumentIsRejected()
    {
        var result = await CliRun.InvokeAsync("serve", "stray");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unrecognized argument 'stray'", result.Error);
    }

    [Fact]
    public async Task Serve_ExposedAddressNeedsApiKey()
    {
        var result = await CliRun.InvokeAsync(
            "serve", "--urls", "http://0.0.0.0:5999", "--database", Path.Combine(folder, "remap.db"), "--no-worker");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("without an API key", result.Error);
    }

    [Fact]
    public async Task Demo_MissingExamplesFolderIsReported()
    {
        var result = await CliRun.InvokeAsync("demo", "--examples", Path.Combine(folder, "missing"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("examples folder not found", result.Error);
    }

    [Fact]
    public async Task Jobs_InvalidServerUrlIsRejected()
    {
        var result = await CliRun.InvokeAsync("jobs", "--server", "not a url");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Invalid server URL 'not a url'", result.AllText);
    }
}
