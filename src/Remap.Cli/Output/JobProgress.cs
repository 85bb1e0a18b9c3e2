using Remap.Api.Jobs;
using Remap.Cli.Client;
using Spectre.Console;

namespace Remap.Cli.Output;

/// <summary>A job to follow, with the label its progress bar shows.</summary>
public sealed record WatchedJob(long JobId, string Label);

/// <summary>
/// Follows training jobs through the public API and shows one progress bar per job (epochs done out
/// of epochs planned) until every job has ended.
/// </summary>
public static class JobProgress
{
    private static readonly HashSet<string> FinalStates = ["succeeded", "failed", "cancelled", "diverged"];

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static bool IsFinal(string state) => FinalStates.Contains(state);

    /// <summary>Waits for every job to end and returns each job's final state, in the order given.</summary>
    public static async Task<IReadOnlyList<JobResponse>> WatchAsync(
        IAnsiConsole console, RemapApiClient client, IReadOnlyList<WatchedJob> jobs, CancellationToken cancellationToken)
    {
        // Progress bars need a terminal; a log file or a pipe gets one plain line per change instead.
        if (!console.Profile.Capabilities.Interactive)
        {
            return await WatchPlainAsync(console, client, jobs, cancellationToken);
        }

        var finished = new JobResponse?[jobs.Count];

        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bars = jobs.Select(job => context.AddTask(Markup.Escape(job.Label), maxValue: 1)).ToArray();
                while (finished.Any(job => job is null))
                {
                    for (var index = 0; index < jobs.Count; index++)
                    {
                        if (finished[index] is not null)
                        {
                            continue;
                        }

                        var job = await client.GetJobAsync(jobs[index].JobId, cancellationToken);
                        Update(bars[index], jobs[index].Label, job);
                        if (IsFinal(job.State))
                        {
                            finished[index] = job;
                        }
                    }

                    if (finished.Any(job => job is null))
                    {
                        await Task.Delay(PollInterval, cancellationToken);
                    }
                }
            });

        return finished.Select(job => job!).ToArray();
    }

    private static async Task<IReadOnlyList<JobResponse>> WatchPlainAsync(
        IAnsiConsole console, RemapApiClient client, IReadOnlyList<WatchedJob> jobs, CancellationToken cancellationToken)
    {
        var finished = new JobResponse?[jobs.Count];
        var lastStatus = new string?[jobs.Count];
        while (finished.Any(job => job is null))
        {
            for (var index = 0; index < jobs.Count; index++)
            {
                if (finished[index] is not null)
                {
                    continue;
                }

                var job = await client.GetJobAsync(jobs[index].JobId, cancellationToken);
                var status = PlainStatus(job);
                if (status != lastStatus[index])
                {
                    console.WriteLine($"job {job.Id} {jobs[index].Label}: {status}");
                    lastStatus[index] = status;
                }

                if (IsFinal(job.State))
                {
                    finished[index] = job;
                }
            }

            if (finished.Any(job => job is null))
            {
                await Task.Delay(PollInterval, cancellationToken);
            }
        }

        return finished.Select(job => job!).ToArray();
    }

    /// <summary>Describes a job's state in one line, for output that is not a terminal.</summary>
    internal static string PlainStatus(JobResponse job) => job.State switch
    {
        "running" => $"running, {RunProgress(job)}{job.Epoch} of {job.Epochs} epochs done",
        "cancelled" => $"cancelled after {job.Epoch} of {job.Epochs} epochs",
        "failed" => $"failed: {job.Error}",
        _ => job.State,
    };

    /// <summary>Names the run in progress of a job with repeats (<c>run 2 of 3, </c>), or nothing for a single run.</summary>
    private static string RunProgress(JobResponse job) =>
        job.Repeats > 1 ? $"run {Math.Min(job.CompletedRepeats + 1, job.Repeats)} of {job.Repeats}, " : "";

    private static void Update(ProgressTask bar, string label, JobResponse job)
    {
        // With repeats the bar covers every run's epochs, so it does not start again at each seed.
        var repeats = Math.Max(job.Repeats, 1);
        bar.MaxValue = Math.Max(job.Epochs * repeats, 1);
        bar.Value = job.State == "succeeded" ? bar.MaxValue : Math.Min(job.CompletedRepeats * job.Epochs + job.Epoch, bar.MaxValue);

        var status = job.State switch
        {
            "queued" => "[grey]queued[/]",
            "running" => $"[blue]{RunProgress(job)}epoch {Math.Min(job.Epoch + 1, job.Epochs)}/{job.Epochs}[/]",
            "succeeded" => "[green]done[/]",
            _ => $"[red]{Markup.Escape(job.State)}[/]",
        };
        bar.Description = $"{Markup.Escape(label)} {status}";
        if (IsFinal(job.State))
        {
            bar.StopTask();
        }
    }
}
