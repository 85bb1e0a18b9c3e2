using System.ComponentModel.DataAnnotations;
using Remap.Api.Jobs;
using Remap.Engine.Store;

namespace Remap.Api.Models;

/// <summary>A new model: .remap source text plus optional values that replace the file's header and training settings.</summary>
/// <param name="Source">Required: the .remap text, at most 200,000 characters.</param>
/// <param name="Name">Replaces the file's <c>model</c> name: letters, digits, '_', '-' and '.', at most 200 characters.</param>
/// <param name="Dataset">Replaces the file's <c>dataset</c>; a name from GET /api/v1/datasets.</param>
/// <param name="Training">Replaces single values of the file's <c>training</c> block.</param>
/// <param name="ParentId">The model this one was derived from, for the exploration tree.</param>
/// <param name="Job">How to run the training job; with parentId, repeats, patience and time budget default to the parent job's.</param>
public sealed record CreateModelRequest(
    [property: Required] string Source,
    string? Name = null,
    string? Dataset = null,
    TrainingOverrides? Training = null,
    long? ParentId = null,
    JobOptionsRequest? Job = null);

/// <summary>Training settings to replace; a null value keeps the file's value or the default.</summary>
/// <param name="Epochs">Passes over the training images, 1 to 1000; default 5.</param>
/// <param name="BatchSize">Images per training step, 1 to 65,536; default 64.</param>
/// <param name="Optimizer">sgd (with momentum 0.9), adam or adamw; default adam.</param>
/// <param name="LearningRate">More than 0 and at most 10; default 0.001.</param>
/// <param name="WeightDecay">0 to 1; default 0.</param>
/// <param name="Seed">Seed of weight initialisation and batch order, 0 to 2,147,483,647; default 42.</param>
public sealed record TrainingOverrides(
    int? Epochs = null,
    int? BatchSize = null,
    string? Optimizer = null,
    double? LearningRate = null,
    double? WeightDecay = null,
    int? Seed = null);

/// <summary>The training settings a model is trained with.</summary>
public sealed record TrainingSettingsResponse(int Epochs, int BatchSize, string Optimizer, double LearningRate, double WeightDecay, int Seed);

/// <summary>One problem found in a .remap file; lines and columns are 1-based.</summary>
public sealed record DiagnosticResponse(int Line, int Column, int EndLine, int EndColumn, string Code, string Severity, string Message);

/// <summary>A model as listings show it.</summary>
public sealed record ModelSummary(
    long Id,
    string Name,
    string Dataset,
    string ArchitectureHash,
    string TrainingHash,
    long ParameterCount,
    string Status,
    double? ValidationAccuracy,
    long? ParentId,
    DateTime CreatedAt,
    double? ValidationAccuracyStd = null,
    int RunCount = 0);

/// <summary>The response to a model request: the model and the job that trains it.</summary>
/// <param name="Reused">
/// True when a queued, running or succeeded model with the same architecture, dataset and training
/// settings already existed. The response then carries that model and its latest job, and nothing new was queued.
/// </param>
public sealed record CreatedModelResponse(ModelDetail Model, JobResponse Job, bool Reused);

/// <summary>One epoch of a run.</summary>
public sealed record EpochMetricsResponse(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationAccuracy, double Seconds);

/// <summary>The result of a finished training of one seed.</summary>
/// <param name="StopReason">completed, early-stopping or time-budget.</param>
/// <param name="WarmStartedLayers">How many layers started from the parent model's trained weights.</param>
/// <param name="ResumedFromEpoch">The checkpoint epoch the run resumed from after a crash or restart; 0 when it ran from the first epoch.</param>
public sealed record RunResponse(
    long Id,
    long JobId,
    int Seed,
    IReadOnlyList<EpochMetricsResponse> Epochs,
    double ValidationAccuracy,
    double TestAccuracy,
    IReadOnlyList<double> PerClassTestAccuracy,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix,
    double DurationSeconds,
    DateTime FinishedAt,
    string StopReason,
    int WarmStartedLayers,
    int ResumedFromEpoch);

/// <summary>
/// A model with its layer table, its runs and its jobs. ValidationAccuracy, TestAccuracyMean and the standard
/// deviations are over the runs (one per seed) of the latest succeeded job; the deviations are null with one run.
/// </summary>
public sealed record ModelDetail(
    long Id,
    string Name,
    string Dataset,
    string InputShape,
    int Classes,
    string SourceText,
    string CanonicalText,
    string ArchitectureHash,
    string TrainingHash,
    TrainingSettingsResponse Training,
    IReadOnlyList<LayerTableRow> Layers,
    long ParameterCount,
    long? ParentId,
    string? ParentName,
    IReadOnlyList<string> Changes,
    string Status,
    double? ValidationAccuracy,
    RunResponse? LatestRun,
    IReadOnlyList<JobResponse> Jobs,
    DateTime CreatedAt,
    double? ValidationAccuracyStd,
    double? TestAccuracyMean,
    double? TestAccuracyStd,
    int RunCount,
    IReadOnlyList<RunResponse> Runs,
    ParentComparison? ComparisonWithParent);

/// <summary>
/// How a derived model's mean validation accuracy differs from its parent's, next to the spread between seeds.
/// </summary>
/// <param name="Difference">This model's mean validation accuracy minus the parent's.</param>
/// <param name="SeedSpread">
/// The pooled sample standard deviation of validation accuracy over the seeds of both models; null when
/// neither has at least two runs, because one run per model says nothing about the spread.
/// </param>
/// <param name="ExceedsSeedSpread">
/// True when |Difference| is larger than SeedSpread. A coarse rule of thumb, not a significance test:
/// with few seeds, a difference inside the spread may be noise. Null when SeedSpread is null.
/// </param>
public sealed record ParentComparison(double Difference, double? SeedSpread, bool? ExceedsSeedSpread, int Runs, int ParentRuns);
