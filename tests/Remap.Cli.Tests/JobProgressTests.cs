using Remap.Api.Jobs;
using Remap.Cli.Output;

namespace Remap.Cli.Tests;

/// <summary>The one-line progress of a followed job when the output is not a terminal.</summary>
public sealed class JobProgressTests
{
    [Fact]
    public void PlainStatus_NamesRunOfJobWithRepeats()
    {
        var status = JobProgress.PlainStatus(Running(repeats: 3, completedRepeats: 1));

        Assert.Equal("running, run 2 of 3, 2 of 5 epochs done", status);
    }

    [Fact]
    public void PlainStatus_SingleRunShowsEpochsOnly()
    {
        var status = JobProgress.PlainStatus(Running(repeats: 1, completedRepeats: 0));

        Assert.Equal("running, 2 of 5 epochs done", status);
    }

    private static JobResponse Running(int repeats, int completedRepeats)
    {
        var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return new JobResponse(1, 1, "running", 0, 1, 3, 2, 5, false, null, "worker", null, null, created, created, null, repeats, completedRepeats, false, null, null, []);
    }
}
