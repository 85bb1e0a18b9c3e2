using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Remap.Api.Jobs;
using Remap.Api.Overview;
using Remap.Core.Diagnostics;
using Remap.Core.Language;
using Remap.Core.Model;
using Remap.Core.Shapes;
using Microsoft.Extensions.Options;
using Remap.Engine;
using Remap.Engine.Events;
using Remap.Engine.Jobs;
using Remap.Engine.Store;
using Remap.Training.Data;

namespace Remap.Api.Models;

/// <summary>A compiled architecture ready to store, or the diagnostics that keep it from being stored.</summary>
public sealed record CompiledModel(Architecture? Architecture, ShapeReport? Shapes, ImmutableArray<Diagnostic> Diagnostics, string? Problem)
{
    public bool Succeeded => Architecture is not null && Shapes is not null && Problem is null;
}

/// <summary>
/// Compiles .remap text against the registered datasets and stores the resulting models with
/// their queued jobs. Shared by model creation and ablation studies.
/// </summary>
public sealed partial class ModelRegistration(
    RemapDbContext context, DatasetCatalog datasets, LandmarkIndex landmarks, JobEventHub events, IOptions<EngineOptions> engineOptions,
    TimeProvider timeProvider, ILogger<ModelRegistration> logger)
{
    // Set when a registered dataset's files cannot be read, so the request gets that reason instead of "unknown dataset".
    private string? unreadableDataset;

    /// <summary>Compiles the text; <paramref name="datasetOverride"/> replaces the file's dataset (it must be registered).</summary>
    public CompiledModel Compile(string source, string? datasetOverride, CancellationToken cancellationToken)
    {
        var overrideInfo = datasetOverride is null ? null : FindDataset(datasetOverride);
        if (datasetOverride is not null && overrideInfo is null)
        {
            return new CompiledModel(null, null, [], unreadableDataset ?? UnknownDataset(datasetOverride));
        }

        var options = new CompileOptions
        {
            DefaultInput = overrideInfo?.Input,
            DefaultClasses = overrideInfo?.Classes,
            ResolveDataset = name => FindDataset(datasetOverride ?? name) is { } info ? new DatasetShape(info.Input, info.Classes) : null,
            KnownDatasets = RegisteredNames(),
        };
        var compilation = ArchitectureCompiler.Compile(source, options, cancellationToken);
        if (unreadableDataset is not null)
        {
            return new CompiledModel(null, null, [], unreadableDataset);
        }

        if (compilation.HasErrors || compilation.Architecture is null || compilation.Shapes is null)
        {
            return new CompiledModel(null, null, compilation.Diagnostics, null);
        }

        var architecture = datasetOverride is null ? compilation.Architecture : compilation.Architecture.WithDataset(datasetOverride);
        return Check(architecture, compilation.Shapes, compilation.Diagnostics);
    }

    /// <summary>Checks an architecture built in code (an ablation child) the way <see cref="Compile"/> checks text.</summary>
    public CompiledModel Check(Architecture architecture, ShapeReport shapes, ImmutableArray<Diagnostic> diagnostics)
    {
        if (architecture.Dataset is null)
        {
            return new CompiledModel(null, null, diagnostics,
                "The architecture names no dataset. Add a 'dataset NAME' line to the file or pass 'dataset' in the request; GET /api/v1/datasets lists the names.");
        }

        if (FindDataset(architecture.Dataset) is not { } info)
        {
            if (unreadableDataset is not null)
            {
                return new CompiledModel(null, null, diagnostics, unreadableDataset);
            }

            return new CompiledModel(null, null, diagnostics, UnknownDataset(architecture.Dataset));
        }

        if (!architecture.Input.Equals(info.Input) || architecture.Classes != info.Classes)
        {
            return new CompiledModel(null, null, diagnostics,
                $"The architecture takes input {architecture.Input} with {architecture.Classes} classes, but dataset '{info.Name}' " +
                $"has input {info.Input} with {info.Classes} classes. Change the 'input' and 'classes' lines or choose another dataset.");
        }

        return new CompiledModel(architecture, shapes, diagnostics, null);
    }

    /// <summary>
    /// Returns the oldest model with the same architecture, dataset and training settings, trained with the same repeats,
    /// patience and time budget, whose status is queued, running or succeeded, or null. A failed or cancelled model is not
    /// reused, so asking again trains the network again.
    /// </summary>
    /// <remarks>
    /// The job options count because they change the result a user compares: a model with one run has no seed spread, and
    /// early stopping or a time budget ends training sooner. The options are resolved as <see cref="AddAsync"/> resolves them,
    /// so a child without options of its own matches a model trained with its parent's.
    /// </remarks>
    public async Task<ModelEntity?> FindReusableAsync(
        Architecture architecture, long? parentId, JobOptionsRequest? jobOptions, CancellationToken cancellationToken)
    {
        var architectureHash = ArchitectureHash.Compute(architecture);
        var trainingHash = ArchitectureHash.ComputeTraining(architecture.Training);
        string[] reusableStatuses = [JobStates.Queued, JobStates.Running, JobStates.Succeeded];
        var candidates = await context.Models
            .Include(model => model.Jobs)
            .Include(model => model.Runs)
            .Include(model => model.Parent)
            .AsSplitQuery()
            .Where(model => model.ArchitectureHash == architectureHash && model.DatasetName == architecture.Dataset && model.TrainingHash == trainingHash)
            .Where(model => reusableStatuses.Contains(model.Status))
            .OrderBy(model => model.Id)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return null;
        }

        var parentJob = parentId is null ? null : await FindParentJobAsync(parentId.Value, cancellationToken);
        var requested = ToJobSettings(jobOptions, parentId, parentJob);
        return candidates.FirstOrDefault(model => model.Jobs.MaxBy(job => job.Id) is { } job
            && job.Repeats == requested.Repeats && job.Patience == requested.Patience && job.TimeBudgetSeconds == requested.TimeBudgetSeconds);
    }

    /// <summary>Stores the model and its queued job in one transaction.</summary>
    public async Task<(ModelEntity Model, JobEntity Job)> AddAsync(
        CompiledModel compiled, string sourceText, long? parentId, IReadOnlyList<string> changes, JobOptionsRequest? jobOptions, CancellationToken cancellationToken)
    {
        var architecture = compiled.Architecture!;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var model = ModelRecords.Create(architecture, compiled.Shapes!, sourceText, parentId, changes, now);
        var job = new JobEntity { Model = model, Epochs = architecture.Training.Epochs, CreatedAt = now };
        var parentJob = parentId is null ? null : await FindParentJobAsync(parentId.Value, cancellationToken);
        ToJobSettings(jobOptions, parentId, parentJob).ApplyTo(job);
        context.Models.Add(model);
        context.Jobs.Add(job);
        await context.SaveChangesAsync(cancellationToken);
        events.Publish(JobEventTypes.State, job.Id, model.Id, new JobEventData { State = job.State });

        // The landmark distances are computed now, once, so projections only read them.
        await landmarks.AddModelAsync(model, cancellationToken);
        return (model, job);
    }

    /// <summary>
    /// Resolves the request's job options. A child takes repeats, patience and time budget from its parent's
    /// latest job unless the request names them, so the comparison with the parent is like with like.
    /// Priority comes from the request alone, and warm start applies only to a model with a parent.
    /// </summary>
    private JobSettings ToJobSettings(JobOptionsRequest? options, long? parentId, JobEntity? parentJob) => new(
        Priority: options?.Priority ?? 0,
        Repeats: options?.Repeats ?? parentJob?.Repeats ?? 1,
        WarmStart: parentId is not null && (options?.WarmStart ?? engineOptions.Value.WarmStartByDefault),
        Patience: options?.Patience ?? parentJob?.Patience,
        TimeBudgetSeconds: options?.TimeBudgetSeconds ?? parentJob?.TimeBudgetSeconds);

    private Task<JobEntity?> FindParentJobAsync(long parentId, CancellationToken cancellationToken) =>
        context.Jobs.AsNoTracking()
            .Where(job => job.ModelId == parentId)
            .OrderByDescending(job => job.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Finds a registered dataset; a dataset whose files cannot be read is logged and its reason kept for the response.</summary>
    private DatasetInfo? FindDataset(string name)
    {
        try
        {
            return datasets.Find(name);
        }
        catch (Exception exception) when (DatasetCatalog.IsUnreadable(exception))
        {
            LogUnreadableDataset(logger, name, exception);
            unreadableDataset =
                $"Dataset '{name}' is registered on this server but its files cannot be read: {exception.Message} " +
                $"The server's operator must fix or remove the folder registered as Remap:Datasets:{name}.";
            return null;
        }
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Dataset {DatasetName} is registered but cannot be read")]
    private static partial void LogUnreadableDataset(ILogger logger, string datasetName, Exception exception);

    private string UnknownDataset(string name)
    {
        var registered = RegisteredNames();
        var hint = Suggestions.Closest(name, registered) is { } closest ? $" Did you mean '{closest}'?" : "";
        return $"Dataset '{name}' is not registered on this server.{hint} The registered datasets are {string.Join(", ", registered)} (GET /api/v1/datasets lists them).";
    }

    private List<string> RegisteredNames() => [.. datasets.List().Select(info => info.Name)];
}
