using System.CommandLine;
using System.Globalization;
using Remap.Api.Jobs;
using Remap.Cli.Client;
using Remap.Cli.Output;
using Remap.Engine.Store;
using Spectre.Console;

namespace Remap.Cli.Commands;

/// <summary><c>remap jobs</c>: lists the server's training jobs in the order they run.</summary>
internal static class JobsCommand
{
    public static Command Create()
    {
        var server = new ServerOptions();
        var state = new Option<string?>("--state") { Description = $"Show only jobs in this state ({string.Join(", ", JobStates.All)})." };

        var command = new Command("jobs",
            "List the training jobs of a running Remap server in the order they run: running jobs first, then queued jobs in the order " +
            "workers take them (higher priority first, then oldest first), then finished jobs, newest first.")
        {
            state,
        };
        server.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = server.CreateClient(parseResult);
            try
            {
                var jobs = RunOrder(await client.ListJobsAsync(parseResult.GetValue(state), cancellationToken));
                var names = (await client.ListModelsAsync(null, null, cancellationToken)).ToDictionary(model => model.Id, model => model.Name);

                var table = new Table().AddColumns("Job", "Model", "State", "Priority", "Repeats", "Epoch", "Stops early", "Attempts", "Created (UTC)", "Error");
                foreach (var job in jobs)
                {
                    table.AddRow(
                        job.Id.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape($"{job.ModelId} {names.GetValueOrDefault(job.ModelId, "")}".TrimEnd()),
                        Markup.Escape(job.State),
                        job.Priority.ToString(CultureInfo.InvariantCulture),
                        $"{job.CompletedRepeats}/{job.Repeats}",
                        $"{job.Epoch}/{job.Epochs}",
                        Markup.Escape(StopRules(job)),
                        $"{job.Attempts}/{job.MaxAttempts}",
                        job.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        Markup.Escape(job.Error ?? ""));
                }

                var console = Terminal.Output;
                console.Write(table);
                console.MarkupLine(jobs.Count == 1 ? "1 job." : $"{jobs.Count} jobs.");
                return 0;
            }
            catch (RemapApiException exception)
            {
                ProblemOutput.Write(exception, optionNames: new Dictionary<string, string> { ["state"] = "--state" });
                return 1;
            }
        });
        return command;
    }

    /// <summary>The early stopping rules a job trains with: patience in epochs and the time budget per run.</summary>
    public static string StopRules(JobResponse job)
    {
        var rules = new List<string>();
        if (job.Patience is { } patience)
        {
            rules.Add(patience == 1 ? "patience 1 epoch" : $"patience {patience} epochs");
        }

        if (job.TimeBudgetSeconds is { } seconds)
        {
            rules.Add(string.Create(CultureInfo.InvariantCulture, $"budget {seconds:0.#} s"));
        }

        return rules.Count == 0 ? "no" : string.Join(", ", rules);
    }

    /// <summary>
    /// Orders jobs as they run: running, then queued in the worker's claim order (priority descending, then id, as
    /// JobQueue.ClaimNextAsync takes them), then the rest newest first. The API lists by id, newest first.
    /// </summary>
    public static IReadOnlyList<JobResponse> RunOrder(IEnumerable<JobResponse> jobs) => jobs
        .OrderBy(job => job.State switch { JobStates.Running => 0, JobStates.Queued => 1, _ => 2 })
        .ThenByDescending(job => job.State == JobStates.Queued ? job.Priority : 0)
        .ThenBy(job => job.State == JobStates.Queued ? job.Id : -job.Id)
        .ToList();
}
