using System.CommandLine;
using System.Globalization;
using Remap.Api.Models;
using Remap.Api.Populations;
using Remap.Api.Variations;
using Remap.Cli.Client;
using Remap.Cli.Output;
using Spectre.Console;

namespace Remap.Cli.Commands;

/// <summary>
/// <c>remap vary</c>, <c>remap population</c> and <c>remap diff</c>: the exploration endpoints from the command line.
/// The first two queue training and return; <c>remap jobs</c> and <c>remap models</c> follow the results.
/// </summary>
internal static class ExplorationCommands
{
    // Request fields the server validates, named as the options of `remap vary` and `remap population`.
    private static readonly Dictionary<string, string> VaryOptionNames = new(JobOptions.OptionNames)
    {
        ["count"] = "--count",
        ["maxChanges"] = "--max-changes",
        ["seed"] = "--seed",
    };

    private static readonly Dictionary<string, string> PopulationOptionNames = new(JobOptions.OptionNames)
    {
        ["dataset"] = "--dataset",
        ["count"] = "--count",
        ["maxDepth"] = "--max-depth",
        ["maxParameters"] = "--max-parameters",
        ["seed"] = "--seed",
        ["training.epochs"] = "--epochs",
    };

    public static Command CreateVary()
    {
        var server = new ServerOptions();
        var jobOptions = new JobOptions();
        var model = new Argument<long>("model") { Description = "Id of a model whose training has succeeded." };
        var count = new Option<int>("--count") { Description = "How many children, 1 to 50.", DefaultValueFactory = _ => 5 };
        var maxChanges = new Option<int>("--max-changes") { Description = "The most layer changes per child, 1 to 5.", DefaultValueFactory = _ => 1 };
        var seed = new Option<int?>("--seed") { Description = "Seed of the random changes; the server picks one and prints it when left out." };
        OptionRanges.Require(count, 1, CreateVariationsRequestValidator.MaxCount);
        OptionRanges.Require(maxChanges, 1, CreateVariationsRequestValidator.MaxChangesLimit);
        var command = new Command("vary", "Queue children of a trained model, each 1 to --max-changes random layer changes away.") { model, count, maxChanges, seed };
        jobOptions.AddTo(command);
        server.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(server, parseResult, VaryOptionNames, async client =>
        {
            var request = new CreateVariationsRequest(
                parseResult.GetValue(count), parseResult.GetValue(maxChanges), parseResult.GetValue(seed), Job: jobOptions.ToRequest(parseResult));
            var response = await client.CreateVariationsAsync(parseResult.GetValue(model), request, cancellationToken);
            Terminal.Output.MarkupLine($"{response.Children.Count} children of model {response.ParentId} (seed {response.Seed}):");
            foreach (var child in response.Children)
            {
                var note = AblationOutput.ChildNote(child.Reused, child.Model, child.Job);
                Terminal.Output.MarkupLine($"  model {child.Model.Id}: {Markup.Escape(string.Join("; ", child.Changes.Select(change => change.Description)))} ({Markup.Escape(note)})");
            }

            if (response.Shortfall is { } shortfall)
            {
                Terminal.Error.MarkupLine($"[yellow]{Markup.Escape(shortfall)}[/]");
            }
        }));
        return command;
    }

    public static Command CreatePopulation()
    {
        var server = new ServerOptions();
        var jobOptions = new JobOptions();
        var dataset = new Option<string>("--dataset") { Description = "A dataset name from `remap datasets`.", Required = true };
        var count = new Option<int>("--count") { Description = "How many architectures to sample, 1 to 200.", DefaultValueFactory = _ => 20 };
        var maxDepth = new Option<int?>("--max-depth") { Description = "The most layers per architecture, 2 to 30 (default 10)." };
        var maxParameters = new Option<long?>("--max-parameters") { Description = "The most trainable parameters per architecture (default 1,000,000)." };
        var seed = new Option<int?>("--seed") { Description = "Seed of the sampler; the server picks one and prints it when left out." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs to train each architecture (1 to 1000; default 5)." };
        OptionRanges.Require(count, 1, CreatePopulationRequestValidator.MaxCount);
        OptionRanges.Require(maxDepth, CreatePopulationRequestValidator.MinDepth, CreatePopulationRequestValidator.MaxDepth);
        OptionRanges.Require(epochs, 1, TrainingOverridesValidator.MaxEpochs);
        var command = new Command("population", "Sample random valid architectures for a dataset and queue their training.")
        {
            dataset, count, maxDepth, maxParameters, seed, epochs,
        };
        jobOptions.AddTo(command);
        server.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(server, parseResult, PopulationOptionNames, async client =>
        {
            var request = new CreatePopulationRequest(parseResult.GetValue(dataset)!, parseResult.GetValue(count), parseResult.GetValue(maxDepth),
                parseResult.GetValue(maxParameters), Seed: parseResult.GetValue(seed),
                Training: parseResult.GetValue(epochs) is { } epochCount ? new TrainingOverrides(Epochs: epochCount) : null,
                Job: jobOptions.ToRequest(parseResult));
            var response = await client.CreatePopulationAsync(request, cancellationToken);
            Terminal.Output.MarkupLine(
                $"Sampled {response.Requested} architectures for {Markup.Escape(response.Dataset)} (seed {response.Seed}): {response.Queued} queued, {response.Reused} reused, {response.Duplicates} duplicates.");
            foreach (var member in response.Members.Where(member => member.DuplicateOf is null))
            {
                Terminal.Output.MarkupLine($"  model {member.Model.Id}: {Markup.Escape(member.Layers)} ({member.Model.ParameterCount.ToString("N0", CultureInfo.InvariantCulture)} parameters)");
            }
        }));
        return command;
    }

    public static Command CreateDiff()
    {
        var server = new ServerOptions();
        var first = new Argument<long>("model") { Description = "Id of the first model." };
        var second = new Argument<long>("other") { Description = "Id of the model to compare it with." };
        var command = new Command("diff", "Compare two models layer by layer.") { first, second };
        server.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(server, parseResult, null, async client =>
        {
            var diff = await client.GetDiffAsync(parseResult.GetValue(first), parseResult.GetValue(second), cancellationToken);
            Terminal.Output.MarkupLine($"model {diff.BeforeId}: {Markup.Escape(diff.BeforeLayers)}");
            Terminal.Output.MarkupLine($"model {diff.AfterId}: {Markup.Escape(diff.AfterLayers)}");
            Terminal.Output.MarkupLine(diff.Changes.Count == 0 ? "The architectures have the same layers." : $"{diff.Changes.Count} change(s):");
            foreach (var change in diff.Changes)
            {
                Terminal.Output.MarkupLine($"  {Markup.Escape(change.Description)}");
            }

            var prediction = diff.PredictionDistance is { } value ? value.ToString("F3", CultureInfo.InvariantCulture) : "n/a (both models must be trained)";
            Terminal.Output.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"structural distance {diff.StructuralDistance:F3}, prediction distance {prediction}"));
        }));
        return command;
    }

    private static async Task<int> RunAsync(
        ServerOptions server, ParseResult parseResult, IReadOnlyDictionary<string, string>? optionNames, Func<RemapApiClient, Task> action)
    {
        using var client = server.CreateClient(parseResult);
        try
        {
            await action(client);
            return 0;
        }
        catch (RemapApiException exception)
        {
            ProblemOutput.Write(exception, optionNames: optionNames);
            return 1;
        }
    }
}
