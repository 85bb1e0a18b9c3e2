using System.CommandLine;
using Remap.Api.Models;
using Remap.Cli.Client;
using Remap.Cli.Output;
using Spectre.Console;

namespace Remap.Cli.Commands;

/// <summary><c>remap ablate MODEL</c>: queues one child per removable layer of a trained model.</summary>
internal static class AblateCommand
{
    public static Command Create()
    {
        var server = new ServerOptions();
        var model = new Argument<long>("model") { Description = "Id of a model whose training has succeeded (`remap models` lists them)." };
        var noWait = new Option<bool>("--no-wait") { Description = "Return once the children are queued instead of following them to the end." };

        var command = new Command("ablate", "Run an ablation study of a trained model: one child per removable layer, each trained and compared with the parent.")
        {
            model, noWait,
        };
        server.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = Terminal.Output;
            using var client = server.CreateClient(parseResult);
            try
            {
                var parentId = parseResult.GetValue(model);
                var study = await client.CreateAblationStudyAsync(parentId, cancellationToken);
                AblationOutput.WriteQueued(console, study);
                if (parseResult.GetValue(noWait) || study.Children.Count == 0)
                {
                    return 0;
                }

                var watched = study.Children
                    .Where(child => child.Job is not null)
                    .Select(child => new WatchedJob(child.Job!.Id, child.Change))
                    .ToList();
                await JobProgress.WatchAsync(console, client, watched, cancellationToken);

                var parent = await client.GetModelAsync(parentId, cancellationToken);
                var children = new List<ModelDetail>();
                foreach (var child in study.Children)
                {
                    children.Add(await client.GetModelAsync(child.Model.Id, cancellationToken));
                }

                AblationOutput.WriteResults(console, parent, study, children);
                return 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Terminal.Error.MarkupLine("Stopped following the children; they go on training on the server. `remap jobs` shows them.");
                return 130;
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
