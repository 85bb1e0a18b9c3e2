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

    /// <summary>Prints each child's change, size and accuracy next to its parent's.</summary>
    public static void WriteResults(IAnsiConsole console, ModelDetail parent, AblationStudyResponse study, IReadOnlyList<ModelDetail> children)
    {
        var table = new Table()
            .Title($"Ablation of {Markup.Escape(parent.Name)} (test accuracy {ModelOutput.Accuracy(parent.LatestRun?.TestAccuracy)})")
            .AddColumns("Model", "Change", "Parameters", "Validation", "Test", "Δ test vs parent", "Time");
        for (var index = 0; index < children.Count; index++)
        {
            var child = children[index];
            table.AddRow(
                child.Id.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(study.Children[index].Change),
                child.ParameterCount.ToString("N0", CultureInfo.InvariantCulture),
                ModelOutput.Accuracy(child.LatestRun?.ValidationAccuracy),
                ModelOutput.Accuracy(child.LatestRun?.TestAccuracy),
                ModelOutput.Difference(child.LatestRun?.TestAccuracy, parent.LatestRun?.TestAccuracy),
                ModelOutput.TrainingTime(child));
        }

        console.Write(table);
    }
}
