using Remap.Api.Ablations;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Remap.Cli.Output;

namespace Remap.Cli.Tests;

/// <summary>What <c>remap ablate --no-wait</c> prints for children that were queued now and for reused ones.</summary>
public sealed class AblationOutputTests
{
    [Fact]
    public void WriteQueued_NewChildIsNotCalledReused()
    {
        var study = new AblationStudyResponse(1, [Child(2, reused: false, "queued", "queued")], []);

        var text = Write(study);

        Assert.DoesNotContain("reused", text);
        Assert.DoesNotContain("already trained", text);
        Assert.Contains("model 2: removed layer 1 (new, job 12 queued)", text);
    }

    [Fact]
    public void WriteQueued_ReusedChildShowsItsState()
    {
        var study = new AblationStudyResponse(1, [Child(3, reused: true, "running", "running")], []);

        var text = Write(study);

        Assert.DoesNotContain("already trained", text);
        Assert.Contains("model 3: removed layer 1 (reused existing model, running, job 13 running)", text);
    }

    private static AblationChildResponse Child(long id, bool reused, string modelStatus, string jobState)
    {
        var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var model = new ModelSummary(id, $"child-{id}", "fashion-mnist-sample", "a", "t", 1000, modelStatus, null, 1, created);
        var job = new JobResponse(id + 10, id, jobState, 0, 0, 3, 0, 2, false, null, null, null, null, created, null, null, 1, 0, false, null, null, []);
        return new AblationChildResponse(0, "conv2d", "removed layer 1", reused, model, job, [0]);
    }

    private static string Write(AblationStudyResponse study)
    {
        var writer = new StringWriter();
        AblationOutput.WriteQueued(CliRun.CreateConsole(writer), study);
        return writer.ToString();
    }
}
