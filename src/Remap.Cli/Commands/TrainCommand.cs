using System.CommandLine;
using Remap.Api.Models;
using Remap.Cli.Client;
using Remap.Cli.Output;
using Spectre.Console;

namespace Remap.Cli.Commands;

/// <summary><c>remap train FILE</c>: sends a .remap file to a running server and queues its training.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var server = new ServerOptions();
        var file = new Argument<FileInfo>("file") { Description = "The .remap file to train." };
        var name = new Option<string?>("--name") { Description = "Model name to use instead of the file's `model` line." };
        var dataset = new Option<string?>("--dataset") { Description = "Dataset name to use instead of the file's `dataset` line." };
        var epochs = new Option<int?>("--epochs") { Description = "Number of epochs to use instead of the file's training block." };
        var noWait = new Option<bool>("--no-wait") { Description = "Return once the job is queued instead of following it to the end." };

        var command = new Command("train", "Queue the training of a .remap file on a running Remap server and follow its progress.")
        {
            file, name, dataset, epochs, noWait,
        };
        server.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = AnsiConsole.Console;
            var path = parseResult.GetValue(file)!;
            if (!path.Exists)
            {
                console.MarkupLine($"[red]error:[/] file not found: {Markup.Escape(path.FullName)}");
                return 2;
            }

            using var client = server.CreateClient(parseResult);
            var overrides = parseResult.GetValue(epochs) is { } epochCount ? new TrainingOverrides(Epochs: epochCount) : null;
            var request = new CreateModelRequest(
                await File.ReadAllTextAsync(path.FullName, cancellationToken),
                parseResult.GetValue(name),
                parseResult.GetValue(dataset),
                overrides);

            try
            {
                var created = await client.CreateModelAsync(request, cancellationToken);
                console.MarkupLine(
                    $"Model [bold]{created.Model.Id}[/] ({Markup.Escape(created.Model.Name)}, {created.Model.ParameterCount:N0} parameters) queued as job {created.Job.Id}.");
                if (parseResult.GetValue(noWait))
                {
                    return 0;
                }

                var finished = await JobProgress.WatchAsync(
                    console, client, [new WatchedJob(created.Job.Id, created.Model.Name)], cancellationToken);
                var model = await client.GetModelAsync(created.Model.Id, cancellationToken);
                ModelOutput.WriteResult(console, model, finished[0]);
                return finished[0].State == "succeeded" ? 0 : 1;
            }
            catch (RemapApiException exception)
            {
                ProblemOutput.Write(console, exception, path.Name);
                return 1;
            }
        });
        return command;
    }
}
