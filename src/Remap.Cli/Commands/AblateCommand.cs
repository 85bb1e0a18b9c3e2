using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Remap.Api.Ablations;
using Remap.Api.Models;
using Remap.Cli.Client;
using Remap.Cli.Output;
using Spectre.Console;

namespace Remap.Cli.Commands;

/// <summary><c>remap ablate MODEL</c>: queues one child per removable layer (or block) of a trained model.</summary>
internal static class AblateCommand
{
    // Request fields the server validates, named as this command's options.
    private static readonly Dictionary<string, string> OptionNames = new(JobOptions.OptionNames)
    {
        ["layers"] = "--layers",
        ["blocks"] = "--blocks",
    };

    public static Command Create()
    {
        var server = new ServerOptions();
        var jobOptions = new JobOptions();
        var model = new Argument<long>("model") { Description = "Id of a model whose training has succeeded (`remap models` lists them)." };
        var noWait = new Option<bool>("--no-wait") { Description = "Return once the children are queued instead of following them to the end." };
        var layers = new Option<IReadOnlyList<int>?>("--layers")
        {
            Description = "Comma-separated layer numbers to remove, counting from 1 as `remap diff` and the change texts do (for example 1,3,5); " +
                "every layer but the final dense one when left out. With --blocks, the blocks that contain these layers.",
            CustomParser = ParseLayerNumbers,
            Arity = ArgumentArity.ExactlyOne,
        };
        var blocks = new Option<bool>("--blocks")
        {
            Description = "Remove whole blocks instead of single layers: a conv2d with the batchnorm2d, activation and dropout layers after it and one pooling layer.",
        };

        var command = new Command("ablate", "Run an ablation study of a trained model: one child per removable layer or block, each trained and compared with the parent.")
        {
            model, noWait, layers, blocks,
        };
        jobOptions.AddTo(command);
        server.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = Terminal.Output;
            using var client = server.CreateClient(parseResult);
            try
            {
                var parentId = parseResult.GetValue(model);
                var layerNumbers = parseResult.GetValue(layers);
                var parent = await client.GetModelAsync(parentId, cancellationToken);
                if (layerNumbers is not null && FindUnremovable(parent, layerNumbers) is { } problem)
                {
                    Terminal.Error.MarkupLine($"[red]error:[/] {Markup.Escape(problem)}");
                    return 2;
                }

                // The API takes 0-based indexes; the command line counts layers from 1.
                var request = new CreateAblationStudyRequest(
                    layerNumbers?.Select(number => number - 1).ToList(), parseResult.GetValue(blocks) ? true : null, Job: jobOptions.ToRequest(parseResult));
                var study = await client.CreateAblationStudyAsync(parentId, request, cancellationToken);
                AblationOutput.WriteQueued(console, study);
                if (study.Children.Count == 0)
                {
                    // Nothing was queued, so a script must not read this as a finished study.
                    var reason = study.Skipped.Count == 0 && parseResult.GetValue(blocks)
                        ? "the model has no conv2d block (a convolution with its activation and pooling) to remove"
                        : "no layer asked for can be removed";
                    Terminal.Error.MarkupLine($"[red]error:[/] nothing to ablate: {Markup.Escape(reason)}. Choose other layers with --layers, or leave out --blocks.");
                    return 1;
                }

                if (parseResult.GetValue(noWait))
                {
                    return 0;
                }

                var watched = study.Children
                    .Where(child => child.Job is not null)
                    .Select(child => new WatchedJob(child.Job!.Id, child.Change))
                    .ToList();
                await JobProgress.WatchAsync(console, client, watched, cancellationToken);

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
                ProblemOutput.Write(exception, optionNames: OptionNames);
                return 1;
            }
        });
        return command;
    }

    /// <summary>Parses <c>--layers 1,3,5</c>: positive whole layer numbers, counting from 1, separated by commas.</summary>
    private static IReadOnlyList<int>? ParseLayerNumbers(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        var numbers = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                result.AddError($"Invalid layer number '{part}' in --layers '{text}': give whole numbers from 1 (the first layer) separated by commas, for example --layers 1,3,5.");
                return null;
            }

            if (!numbers.Contains(number))
            {
                numbers.Add(number);
            }
        }

        return numbers;
    }

    /// <summary>Describes the first chosen layer number the model cannot lose, or returns null when all can be removed.</summary>
    private static string? FindUnremovable(ModelDetail parent, IReadOnlyList<int> layerNumbers)
    {
        var layerCount = parent.Layers.Count;
        var removable = layerCount > 0 && parent.Layers[^1].Kind == "dense" ? layerCount - 1 : layerCount;
        if (layerNumbers.FirstOrDefault(number => number > removable) is not (> 0 and var outside))
        {
            return null;
        }

        var finalNote = removable < layerCount ? $"; layer {layerCount}, the final dense layer, is never removed" : "";
        return $"--layers contains {outside}, but model {parent.Id} has {layerCount} layers and can lose only layers 1 to {removable}{finalNote}. " +
            "`remap diff` and the change texts number layers the same way.";
    }
}
