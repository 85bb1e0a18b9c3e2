using Remap.Api.Jobs;
using Remap.Core.Diagnostics;
using Remap.Core.Model;
using Remap.Engine.Store;

namespace Remap.Api.Models;

/// <summary>Maps stored models and runs to the API's responses.</summary>
public static class ModelMapping
{
    public static ModelSummary ToSummary(ModelEntity model) => new(
        model.Id, model.Name, model.DatasetName, model.ArchitectureHash, model.TrainingHash,
        model.ParameterCount, model.Status, model.ValidationAccuracy, model.ParentId, model.CreatedAt,
        model.ValidationAccuracyStd, model.RunCount);

    public static ModelDetail ToDetail(ModelEntity model, string? parentName)
    {
        var latestRun = model.Runs.OrderByDescending(run => run.Id).FirstOrDefault();
        var latestRuns = latestRun is null ? [] : model.Runs.Where(run => run.JobId == latestRun.JobId).OrderBy(run => run.Seed).ToList();
        return new ModelDetail(
            model.Id,
            model.Name,
            model.DatasetName,
            model.InputShape,
            model.Classes,
            model.SourceText,
            model.CanonicalText,
            model.ArchitectureHash,
            model.TrainingHash,
            TrainingSettingsMapping.ToResponse(StoreJson.Deserialize<TrainingSettings>(model.TrainingSettingsJson)),
            StoreJson.Deserialize<List<LayerTableRow>>(model.LayerTableJson),
            model.ParameterCount,
            model.ParentId,
            parentName,
            StoreJson.Deserialize<List<string>>(model.ChangesJson),
            model.Status,
            model.ValidationAccuracy,
            latestRun is null ? null : ToResponse(latestRun),
            [.. model.Jobs.OrderBy(job => job.Id).Select(JobMapping.ToResponse)],
            model.CreatedAt,
            model.ValidationAccuracyStd,
            model.TestAccuracyMean,
            model.TestAccuracyStd,
            model.RunCount,
            [.. latestRuns.Select(ToResponse)],
            model.Parent is { } parent ? CompareWithParent(model, parent) : null);
    }

    public static RunResponse ToResponse(RunEntity run) => new(
        run.Id,
        run.JobId,
        run.Seed,
        StoreJson.Deserialize<List<EpochMetricsResponse>>(run.EpochMetricsJson),
        run.ValidationAccuracy,
        run.TestAccuracy,
        StoreJson.Deserialize<List<double>>(run.PerClassAccuracyJson),
        StoreJson.Deserialize<List<List<int>>>(run.ConfusionMatrixJson),
        run.DurationSeconds,
        run.FinishedAt,
        run.StopReason,
        run.WarmStartedLayers,
        run.ResumedFromEpoch);

    /// <summary>Compares mean validation accuracies; null until both models have a succeeded run.</summary>
    public static ParentComparison? CompareWithParent(ModelEntity model, ModelEntity parent)
    {
        if (model.ValidationAccuracy is not { } mean || parent.ValidationAccuracy is not { } parentMean)
        {
            return null;
        }

        var spread = PooledDeviation(model.ValidationAccuracyStd, model.RunCount, parent.ValidationAccuracyStd, parent.RunCount);
        var difference = mean - parentMean;
        return new ParentComparison(difference, spread, spread is { } value ? Math.Abs(difference) > value : null, model.RunCount, parent.RunCount);
    }

    // Each side with at least two runs contributes its variance weighted by its degrees of freedom.
    private static double? PooledDeviation(double? deviation, int runs, double? parentDeviation, int parentRuns)
    {
        var (sum, freedom) = (0.0, 0);
        if (deviation is { } own && runs >= 2)
        {
            sum += own * own * (runs - 1);
            freedom += runs - 1;
        }

        if (parentDeviation is { } other && parentRuns >= 2)
        {
            sum += other * other * (parentRuns - 1);
            freedom += parentRuns - 1;
        }

        return freedom == 0 ? null : Math.Sqrt(sum / freedom);
    }

    public static DiagnosticResponse ToResponse(Diagnostic diagnostic) => new(
        diagnostic.Line, diagnostic.Column, diagnostic.EndLine, diagnostic.EndColumn,
        diagnostic.Code, diagnostic.Severity.ToString().ToLowerInvariant(), diagnostic.Message);
}
