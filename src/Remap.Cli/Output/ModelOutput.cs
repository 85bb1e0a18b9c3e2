using System.Globalization;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Remap.Core.Language;
using Remap.Core.Model;
using Spectre.Console;

namespace Remap.Cli.Output;

/// <summary>Formats models and their metrics for the terminal.</summary>
public static class ModelOutput
{
    /// <summary>Formats an accuracy as a fraction with three decimals, or a dash when there is none.</summary>
    public static string Accuracy(double? value) =>
        value is { } accuracy ? accuracy.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    /// <summary>
    /// Formats a mean accuracy over a model's runs, with the standard deviation between seeds when there are
    /// several (<c>0.777 ± 0.012</c>); one run has no spread to show.
    /// </summary>
    public static string MeanAccuracy(double? mean, double? standardDeviation) =>
        mean is null ? "–"
            : standardDeviation is { } deviation ? $"{Accuracy(mean)} ± {Accuracy(deviation)}"
            : Accuracy(mean);

    /// <summary>Formats an accuracy difference with its sign, for example <c>+0.012</c>.</summary>
    public static string Difference(double? difference) =>
        difference is { } value ? value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "–";

    /// <summary>The number of runs (one per seed) a model's accuracies are the mean of, or a dash before the first.</summary>
    public static string Runs(int runCount) => runCount > 0 ? runCount.ToString(CultureInfo.InvariantCulture) : "–";

    /// <summary>Returns the layers in short form (<c>conv32k3 → relu → max2 → …</c>), from the model's canonical text.</summary>
    public static string ShortLayers(ModelDetail model)
    {
        var compilation = ArchitectureCompiler.Compile(model.CanonicalText);
        return compilation.Architecture is { } architecture
            ? LayerShortForm.Format(architecture.Layers)
            : string.Join(" → ", model.Layers.Select(layer => layer.Kind));
    }

    public static string TrainingTime(ModelDetail model) =>
        model.LatestRun is { } run ? $"{run.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : "–";

    /// <summary>Prints the outcome of one training job and the model's metrics.</summary>
    public static void WriteResult(IAnsiConsole console, ModelDetail model, JobResponse job)
    {
        if (job.State == "cancelled")
        {
            console.MarkupLine($"[yellow]Job {job.Id} was cancelled[/] after {job.Epoch} of {job.Epochs} epochs.");
            return;
        }

        if (job.State != "succeeded")
        {
            console.MarkupLine($"[red]Job {job.Id} {Markup.Escape(job.State)}[/]: {Markup.Escape(job.Error ?? "the server recorded no error message")}");
            return;
        }

        var table = new Table().AddColumns("Model", "Layers", "Parameters", "Runs", "Validation", "Test", "Time");
        table.AddRow(
            $"{model.Id} {Markup.Escape(model.Name)}",
            Markup.Escape(ShortLayers(model)),
            model.ParameterCount.ToString("N0", CultureInfo.InvariantCulture),
            Runs(model.RunCount),
            MeanAccuracy(model.ValidationAccuracy, model.ValidationAccuracyStd),
            MeanAccuracy(model.TestAccuracyMean, model.TestAccuracyStd),
            TrainingTime(model));
        console.Write(table);
    }
}
