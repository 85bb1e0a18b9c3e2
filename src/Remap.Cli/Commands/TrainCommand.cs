using System.CommandLine;
using Remap.Api.Models;
using Remap.Cli.Client;
using Remap.Cli.Output;
using Spectre.Console;

namespace Remap.Cli.Commands;

/// <summary><c>remap train FILE</c>: sends a .remap file to a running server and queues its training.</summary>
internal static class TrainCommand
{
    // Request fields the server validates, named as this command's options so errors point at what the user typed.
    private static readonly Dictionary<string, string> OptionNames = new(JobOptions.OptionNames)
    {
        ["name"] = "--name",
        ["dataset"] = "--dataset",
        ["training.epochs"] = "--epochs",
    };

    public static Command Create()
    {
        var server = new ServerOptions();
        var jobOptions = new JobOptions();
        var file = new Argument<FileInfo>("file") { Description = "The .remap file to train." };
        var name = new Option<string?>("--name") { Description = "Model name to use instead of the file's `model` line." };
        var dataset = new Option<string?>("--dataset") { Description = "Dataset name to use instead of the file's `dataset` line (`remap datasets` lists them)." };
        var epochs = new Option<int?>("--epochs") { Description = "Number of epochs to use instead of the file's training block (1 to 1000)." };
        OptionRanges.Require(epochs, 1, TrainingOverridesValidator.MaxEpochs);
        var noWait = new Option<bool>("--no-wait") { Description = "Return once the job is queued instead of following it to the end." };

        var command = new Command("train", "Queue the training of a .remap file on a running Remap server and follow its progress.")
        {
            file, name, dataset, epochs, noWait,
        };
        jobOptions.AddTo(command);
        server.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            if (ReadSource(path) is not { } source)
            {
                return 2;
            }

            using var client = server.CreateClient(parseResult);
            var overrides = parseResult.GetValue(epochs) is { } epochCount ? new TrainingOverrides(Epochs: epochCount) : null;
            var request = new CreateModelRequest(
                source, parseResult.GetValue(name), parseResult.GetValue(dataset), overrides, Job: jobOptions.ToRequest(parseResult));

            CreatedModelResponse created;
            try
            {
                created = await client.CreateModelAsync(request, cancellationToken);
            }
            catch (RemapApiException exception)
            {
                ProblemOutput.Write(exception, path.Name, OptionNames);
                return 1;
            }

            var console = Terminal.Output;
            var model = created.Model;
            console.MarkupLine(created.Reused
                ? $"This architecture is already trained or training with the same settings and job options on this dataset: model [bold]{model.Id}[/] ({Markup.Escape(model.Name)}), job {created.Job.Id}."
                : $"Model [bold]{model.Id}[/] ({Markup.Escape(model.Name)}, {model.ParameterCount:N0} parameters) queued as job {created.Job.Id}.");
            if (parseResult.GetValue(noWait))
            {
                return 0;
            }

            return await FollowAsync(client, created, cancellationToken);
        });
        return command;
    }

    /// <summary>Reads the file, or prints why it cannot be trained and returns null.</summary>
    private static string? ReadSource(FileInfo path)
    {
        if (Directory.Exists(path.FullName))
        {
            ProblemOutput.WriteError($"{path.FullName} is a directory; pass a .remap file.");
            return null;
        }

        if (!path.Exists)
        {
            ProblemOutput.WriteError($"file not found: {path.FullName}");
            return null;
        }

        var source = File.ReadAllText(path.FullName);
        if (string.IsNullOrWhiteSpace(source))
        {
            ProblemOutput.WriteError($"{path.Name} is empty: write a model in it first (the files under examples/ show the format).");
            return null;
        }

        return source;
    }

    private static async Task<int> FollowAsync(RemapApiClient client, CreatedModelResponse created, CancellationToken cancellationToken)
    {
        var console = Terminal.Output;
        try
        {
            var finished = await JobProgress.WatchAsync(
                console, client, [new WatchedJob(created.Job.Id, created.Model.Name)], cancellationToken);
            var model = await client.GetModelAsync(created.Model.Id, cancellationToken);
            ModelOutput.WriteResult(console, model, finished[0]);
            return finished[0].State == "succeeded" ? 0 : 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Terminal.Error.MarkupLine(
                $"Stopped following job {created.Job.Id}; it goes on training on the server. `remap jobs` shows it and `remap cancel {created.Job.Id}` stops it.");
            return 130;
        }
        catch (RemapApiException exception)
        {
            ProblemOutput.Write(exception);
            return 1;
        }
    }
}
