using System.CommandLine;
using Remap.Cli.Client;
using Remap.Cli.Output;
using Spectre.Console;

namespace Remap.Cli.Commands;

/// <summary><c>remap priority JOB PRIORITY</c>: moves a queued job in the queue.</summary>
internal static class PriorityCommand
{
    public static Command Create()
    {
        var server = new ServerOptions();
        var job = new Argument<long>("job") { Description = "Id of the queued job (`remap jobs --state queued` lists them)." };
        var priority = new Argument<int>("priority") { Description = "The new priority: higher runs first; equal priorities run in the order they were queued." };

        var command = new Command("priority", "Change the priority of a queued job, which moves it in the queue.") { job, priority };
        server.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = server.CreateClient(parseResult);
            try
            {
                var changed = await client.SetJobPriorityAsync(parseResult.GetValue(job), parseResult.GetValue(priority), cancellationToken);
                Terminal.Output.MarkupLine($"Job {changed.Id} now has priority {changed.Priority}.");
                return 0;
            }
            catch (RemapApiException exception)
            {
                ProblemOutput.Write(exception, optionNames: new Dictionary<string, string> { ["priority"] = "PRIORITY" });
                return 1;
            }
        });
        return command;
    }
}
