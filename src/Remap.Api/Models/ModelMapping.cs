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
        model.ParameterCount, model.Status, model.ValidationAccuracy, model.ParentId, model.CreatedAt);

    public static ModelDetail ToDetail(ModelEntity model, string? parentName)
    {
        var latestRun = model.Runs.OrderByDescending(run => run.Id).FirstOrDefault();
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
            model.CreatedAt);
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
        run.FinishedAt);

    public static DiagnosticResponse ToResponse(Diagnostic diagnostic) => new(
        diagnostic.Line, diagnostic.Column, diagnostic.EndLine, diagnostic.EndColumn,
        diagnostic.Code, diagnostic.Severity.ToString().ToLowerInvariant(), diagnostic.Message);
}
