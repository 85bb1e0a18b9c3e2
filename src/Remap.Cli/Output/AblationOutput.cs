using System.Globalization;
using Remap.Api.Ablations;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Spectre.Console;

namespace Remap.Cli.Output;

/// <summary>Formats an ablation study: the children queued, the removals skipped and, once trained, the results.</summary>
public static class AblationOutput
{
    public static void WriteQueued(IAnsiConsole console, AblationStudyResponse study)
    {
        var children = study.Children.Count == 1 ? "1 child" : $"{study.Children.Count} children";
        var removals = study.Skipped.Count == 1 ? "1 removal skipped" : $"{study.Skipped.Count} removals skipped";
        console.MarkupLine($"Ablation study of model {study.ParentId}: {children}, {removals}.");
        foreach (var child in study.Children)
        {
            var note = ChildNote(child.Reused, child.Model, child.Job);
            console.MarkupLine($"  model {child.Model.Id}: {Markup.Escape(child.Change)} ({Markup.Escape(note)})");
        }

        foreach (var skipped in study.Skipped)
        {
            console.MarkupLine($"  [yellow]skipped[/] layer {skipped.LayerIndex + 1} ({Markup.Escape(skipped.Layer)}): {Markup.Escape(skipped.Reason)}");
        }
    }

    /// <summary>
    /// Describes whether a child was queued now or is an existing model with the same architecture and
    /// training settings, with that model's state, which may still be queued or running.
    /// </summary>
    public static string ChildNote(bool reused, ModelSummary model, JobResponse? job)
    {
        var jobText = job is null ? "" : $", job {job.Id} {job.State}";
        return reused
            ? $"reused existing model, {model.Status}{jobText}"
            : $"new{jobText}";
    }

    /// <summary>
    /// Prints each child's change, size and mean accuracies next to its parent's. The difference and whether it
    /// exceeds the seed-to-seed spread are the server's comparison with the parent (mean validation accuracies),
    /// so the table and the API never disagree.
    /// </summary>
    public static void WriteResults(IAnsiConsole console, ModelDetail parent, AblationStudyResponse study, IReadOnlyList<ModelDetail> children)
    {
        var parentRuns = parent.RunCount == 1 ? "1 run" : $"{parent.RunCount} runs";
        var table = new Table()
            .Title($"Ablation of {Markup.Escape(parent.Name)} (validation {ModelOutput.MeanAccuracy(parent.ValidationAccuracy, parent.ValidationAccuracyStd)}, " +
                $"test {ModelOutput.MeanAccuracy(parent.TestAccuracyMean, parent.TestAccuracyStd)}, {parentRuns})")
            .AddColumns("Model", "Change", "Parameters", "Runs", "Validation", "Test", "Δ validation vs parent", "Seed spread", "Beyond spread", "Time");
        for (var index = 0; index < children.Count; index++)
        {
            var child = children[index];
            var comparison = child.ComparisonWithParent;
            table.AddRow(
                child.Id.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(study.Children[index].Change),
                child.ParameterCount.ToString("N0", CultureInfo.InvariantCulture),
                ModelOutput.Runs(child.RunCount),
                ModelOutput.MeanAccuracy(child.ValidationAccuracy, child.ValidationAccuracyStd),
                ModelOutput.MeanAccuracy(child.TestAccuracyMean, child.TestAccuracyStd),
                ModelOutput.Difference(comparison?.Difference),
                ModelOutput.Accuracy(comparison?.SeedSpread),
                BeyondSpread(comparison),
                ModelOutput.TrainingTime(child));
        }

        console.Write(table);
        console.MarkupLine("[grey]Accuracies are means over each model's runs (± the standard deviation between seeds). A difference within the seed spread may be noise.[/]");
        if (children.Any(child => child.ComparisonWithParent is { SeedSpread: null }))
        {
            console.MarkupLine("[grey]A dash in Seed spread means neither model has two runs or more. Train with --repeats 3 or more to measure the spread.[/]");
        }
    }

    private static string BeyondSpread(ParentComparison? comparison) => comparison?.ExceedsSeedSpread switch
    {
        true => "yes",
        false => "no",
        null => "–",
    };
}
