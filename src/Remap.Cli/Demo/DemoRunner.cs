using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Remap.Api.Ablations;
using Remap.Api.Models;
using Remap.Cli.Client;
using Remap.Cli.Output;
using Spectre.Console;

namespace Remap.Cli.Demo;

/// <summary>What the demo does: train every example, ablate the best one by validation accuracy, print the results.</summary>
internal sealed class DemoRunner(IAnsiConsole console, RemapApiClient client)
{
    /// <summary>Runs the demo and returns its summary; throws <see cref="RemapApiException"/> when the server rejects a request.</summary>
    public async Task<DemoSummary> RunAsync(IReadOnlyList<FileInfo> examples, int? epochs, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();

        console.MarkupLine($"[bold]Training {examples.Count} example architectures[/] on the bundled Fashion-MNIST sample.");
        var models = await TrainExamplesAsync(examples, epochs, cancellationToken);
        WriteModels(models);

        var best = models
            .Where(model => model.ValidationAccuracy is not null)
            .MaxBy(model => model.ValidationAccuracy);
        if (best is null)
        {
            throw new RemapApiException(0, "No example finished training", "Every training job failed; see `remap jobs` for the errors.", []);
        }

        console.MarkupLine($"\n[bold]Ablation study of {Markup.Escape(best.Name)}[/], the best model by mean validation accuracy ({ModelOutput.MeanAccuracy(best.ValidationAccuracy, best.ValidationAccuracyStd)}).");
        var study = await client.CreateAblationStudyAsync(best.Id, new CreateAblationStudyRequest(), cancellationToken);
        AblationOutput.WriteQueued(console, study);
        await JobProgress.WatchAsync(
            console,
            client,
            study.Children.Where(child => child.Job is not null).Select(child => new WatchedJob(child.Job!.Id, child.Change)).ToList(),
            cancellationToken);

        var children = new List<ModelDetail>();
        foreach (var child in study.Children)
        {
            children.Add(await client.GetModelAsync(child.Model.Id, cancellationToken));
        }

        console.WriteLine();
        AblationOutput.WriteResults(console, best, study, children);

        stopwatch.Stop();
        console.MarkupLine($"\nDemo finished in {stopwatch.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s. " +
            $"Best test accuracy: {ModelOutput.Accuracy(models.Max(model => model.TestAccuracyMean))}.");

        return new DemoSummary(
            stopwatch.Elapsed.TotalSeconds,
            models.Max(model => model.TestAccuracyMean) ?? 0,
            best.Id,
            models.Select(DemoModel.From).ToList(),
            children.Select(DemoModel.From).ToList());
    }

    private async Task<List<ModelDetail>> TrainExamplesAsync(IReadOnlyList<FileInfo> examples, int? epochs, CancellationToken cancellationToken)
    {
        var created = new List<CreatedModelResponse>();
        foreach (var example in examples)
        {
            var source = await File.ReadAllTextAsync(example.FullName, cancellationToken);
            var training = epochs is { } epochCount ? new TrainingOverrides(Epochs: epochCount) : null;
            try
            {
                created.Add(await client.CreateModelAsync(new CreateModelRequest(source, Training: training), cancellationToken));
            }
            catch (RemapApiException exception)
            {
                ProblemOutput.Write(exception, example.Name);
                throw;
            }
        }

        await JobProgress.WatchAsync(
            console,
            client,
            created.Select(model => new WatchedJob(model.Job.Id, model.Model.Name)).ToList(),
            cancellationToken);

        var models = new List<ModelDetail>();
        foreach (var model in created)
        {
            models.Add(await client.GetModelAsync(model.Model.Id, cancellationToken));
        }

        return models;
    }

    private void WriteModels(IReadOnlyList<ModelDetail> models)
    {
        var table = new Table().Title("Examples").AddColumns("Model", "Layers", "Parameters", "Runs", "Validation", "Test", "Time", "Status");
        foreach (var model in models.OrderByDescending(model => model.ValidationAccuracy ?? -1))
        {
            table.AddRow(
                $"{model.Id} {Markup.Escape(model.Name)}",
                Markup.Escape(ModelOutput.ShortLayers(model)),
                model.ParameterCount.ToString("N0", CultureInfo.InvariantCulture),
                ModelOutput.Runs(model.RunCount),
                ModelOutput.MeanAccuracy(model.ValidationAccuracy, model.ValidationAccuracyStd),
                ModelOutput.MeanAccuracy(model.TestAccuracyMean, model.TestAccuracyStd),
                ModelOutput.TrainingTime(model),
                Markup.Escape(model.Status));
        }

        console.Write(table);
    }
}

/// <summary>The demo's result, written as JSON with --summary for the benchmark script.</summary>
internal sealed record DemoSummary(
    double Seconds,
    double BestTestAccuracy,
    long BestModelId,
    IReadOnlyList<DemoModel> Models,
    IReadOnlyList<DemoModel> AblationChildren)
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

internal sealed record DemoModel(long Id, string Name, long ParameterCount, double? ValidationAccuracy, double? TestAccuracy, double? TrainingSeconds, IReadOnlyList<string> Changes)
{
    public static DemoModel From(ModelDetail model) => new(
        model.Id,
        model.Name,
        model.ParameterCount,
        model.ValidationAccuracy,
        model.TestAccuracyMean,
        model.LatestRun?.DurationSeconds,
        model.Changes);
}
