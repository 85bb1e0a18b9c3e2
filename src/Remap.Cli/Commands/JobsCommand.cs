using System.CommandLine;
using System.Globalization;
using Remap.Cli.Client;
using Remap.Cli.Output;
using Spectre.Console;

namespace Remap.Cli.Commands;

/// <summary><c>remap jobs</c>: lists the server's training jobs.</summary>
internal static class JobsCommand
{
    public static Command Create()
    {
        var server = new ServerOptions();
        var state = new Option<string?>("--state") { Description = "Show only jobs in this state (queued, running, succeeded, failed, cancelled)." };

        var command = new Command("jobs", "List the training jobs of a running Remap server, newest first.") { state };
        server.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = server.CreateClient(parseResult);
            try
            {
                var jobs = await client.ListJobsAsync(parseResult.GetValue(state), cancellationToken);
                var names = (await client.ListModelsAsync(null, null, cancellationToken)).ToDictionary(model => model.Id, model => model.Name);

                var table = new Table().AddColumns("Job", "Model", "State", "Epoch", "Attempts", "Created (UTC)", "Error");
                foreach (var job in jobs)
                {
                    table.AddRow(
                        job.Id.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape($"{job.ModelId} {names.GetValueOrDefault(job.ModelId, "")}".TrimEnd()),
                        Markup.Escape(job.State),
                        $"{job.Epoch}/{job.Epochs}",
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
}
