namespace Remap.Cli.Tests;

/// <summary>Whole-number options out of the server's range are named by the parser, before any server is contacted.</summary>
public sealed class OptionRangeTests
{
    // Nothing listens on the discard port, so a command that got past the parser would fail with a connection error instead.
    private const string ClosedServer = "http://127.0.0.1:9";

    [Theory]
    [InlineData(new[] { "vary", "3", "--count", "0" }, "--count is 0, outside the accepted range: give a whole number from 1 to 50.")]
    [InlineData(new[] { "vary", "3", "--max-changes", "6" }, "--max-changes is 6, outside the accepted range: give a whole number from 1 to 5.")]
    [InlineData(new[] { "population", "--dataset", "d", "--count", "201" }, "--count is 201, outside the accepted range: give a whole number from 1 to 200.")]
    [InlineData(new[] { "population", "--dataset", "d", "--max-depth", "1" }, "--max-depth is 1, outside the accepted range: give a whole number from 2 to 30.")]
    [InlineData(new[] { "population", "--dataset", "d", "--epochs", "0" }, "--epochs is 0, outside the accepted range: give a whole number from 1 to 1,000.")]
    [InlineData(new[] { "train", "model.remap", "--epochs", "1001" }, "--epochs is 1001, outside the accepted range: give a whole number from 1 to 1,000.")]
    public async Task OutOfRange_FailsBeforeTheServer(string[] arguments, string message)
    {
        var result = await CliRun.InvokeAsync([.. arguments, "--server", ClosedServer]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.DoesNotContain("127.0.0.1:9", result.AllText);
    }

    [Fact]
    public async Task Demo_EpochsOutOfRange_FailsBeforeTraining()
    {
        var result = await CliRun.InvokeAsync("demo", "--epochs", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--epochs is 0, outside the accepted range", result.Error);
    }
}
