using System.CommandLine;
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
            var console = AnsiConsole.Console;
            using var client = server.CreateClient(parseResult);
            try
            {
                var jobs = await client.ListJobsAsync(parseResult.GetValue(state), cancellationToken);
                var table = new Table().AddColumns("Job", "Model", "State", "Epoch", "Attempts", "Created", "Error");
                foreach (var job in jobs)
                {
                    table.AddRow(
                        job.Id.ToString(),
                        job.ModelId.ToString(),
                        Markup.Escape(job.State),
                        $"{job.Epoch}/{job.Epochs}",
                        $"{job.Attempts}/{job.MaxAttempts}",
                        job.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss"),
                        Markup.Escape(job.Error ?? ""));
                }

                console.Write(table);
                console.MarkupLine($"{jobs.Count} jobs.");
                return 0;
            }
            catch (RemapApiException exception)
            {
                ProblemOutput.Write(console, exception);
                return 1;
            }
        });
        return command;
    }
}
