using System.CommandLine;
using Remap.Cli.Client;
using Remap.Cli.Output;
using Spectre.Console;

namespace Remap.Cli.Commands;

/// <summary><c>remap cancel JOB</c>: cancels a queued job at once, or a running one at its next batch.</summary>
internal static class CancelCommand
{
    public static Command Create()
    {
        var server = new ServerOptions();
        var job = new Argument<long>("job") { Description = "Id of the job to cancel (`remap jobs` lists them)." };

        var command = new Command("cancel", "Cancel a training job: a queued job at once, a running job at its next batch.") { job };
        server.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = server.CreateClient(parseResult);
            try
            {
                var cancelled = await client.CancelJobAsync(parseResult.GetValue(job), cancellationToken);
                Terminal.Output.MarkupLine(cancelled.State == "cancelled"
                    ? $"Job {cancelled.Id} cancelled."
                    : $"Job {cancelled.Id} is running; it stops at its next batch and then shows as cancelled in `remap jobs`.");
                return 0;
            }
            catch (RemapApiException exception)
            {
                ProblemOutput.Write(exception);
                return 1;
            }
        });
        return command;
    }
}
