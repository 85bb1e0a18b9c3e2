using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Remap.Core.Exploration;
using Remap.Core.Language;
using Remap.Core.Model;
using Remap.Engine.Jobs;
using Remap.Engine.Store;
using Remap.Training;
using Remap.Training.Data;

namespace Remap.Engine.Worker;

/// <summary>Everything a claimed job trains from: the job row, the compiled architecture, the dataset and the warm-start source.</summary>
internal sealed class JobInputs
{
    private JobInputs(JobEntity job, ModelEntity model, Architecture architecture, TrainingSettings training, TrainingDataset data,
        WarmStartSource? warmStart, RunFiles files)
    {
        Job = job;
        Model = model;
        Architecture = architecture;
        Training = training;
        Data = data;
        WarmStart = warmStart;
        Files = files;
    }

    public JobEntity Job { get; }

    public ModelEntity Model { get; }

    public Architecture Architecture { get; }

    /// <summary>The model's training settings, with fewer epochs when the job warm-starts.</summary>
    public TrainingSettings Training { get; }

    public TrainingDataset Data { get; }

    public WarmStartSource? WarmStart { get; }

    public RunFiles Files { get; }

    public static async Task<JobInputs> LoadAsync(IDbContextFactory<RemapDbContext> contextFactory, DatasetCatalog datasets, RunFiles files,
        EngineOptions settings, ClaimedJob claim, ILogger logger, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var job = await context.Jobs.AsNoTracking().SingleAsync(row => row.Id == claim.JobId, cancellationToken);
        var model = await context.Models.AsNoTracking().SingleAsync(row => row.Id == claim.ModelId, cancellationToken);
        var training = RunMapping.ReadSettings(model);
        var architecture = Compile(model, datasets, cancellationToken).WithTraining(training);

        var warmStart = default(WarmStartSource);
        if (job.WarmStart)
        {
            warmStart = await ResolveWarmStartAsync(context, datasets, files, model, architecture, logger, cancellationToken);
            if (warmStart is not null)
            {
                training = training with { Epochs = Math.Max(1, (int)Math.Ceiling(training.Epochs * settings.WarmStartEpochFraction)) };
            }
        }

        return new JobInputs(job, model, architecture, training, datasets.Load(model.DatasetName), warmStart, files);
    }

    /// <summary>Builds the trainer request of one repeat: seed = model seed + repeat index.</summary>
    public TrainingRequest CreateRequest(int repeat)
    {
        var seed = Training.Seed + repeat;
        return new TrainingRequest(Architecture, Data, Training with { Seed = seed })
        {
            CheckpointDirectory = Files.CheckpointDirectory(Job.Id, seed),
            TensorBoardDirectory = Files.TensorBoardDirectory(Model.Id, Job.Id, seed),
            FinalWeightsPath = repeat == 0 ? Files.ModelWeightsPath(Model.Id) : null,
            WarmStart = WarmStart,
            Patience = Job.Patience,
            TimeBudget = Job.TimeBudgetSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
    }

    private static Architecture Compile(ModelEntity model, DatasetCatalog datasets, CancellationToken cancellationToken)
    {
        var compilation = ArchitectureCompiler.Compile(model.CanonicalText, new CompileOptions
        {
            ResolveDataset = name => datasets.Find(name) is { } info ? new DatasetShape(info.Input, info.Classes) : null,
        }, cancellationToken);
        if (compilation.HasErrors || compilation.Architecture is null)
        {
            var problems = string.Join("; ", compilation.Diagnostics.Where(diagnostic => diagnostic.IsError));
            throw new InvalidOperationException($"The stored canonical text of model {model.Id} no longer compiles ({problems}); create the model again.");
        }

        return compilation.Architecture;
    }

    /// <summary>Returns the parent's weights and the kept layers, or null (logged) when the parent has no stored weights.</summary>
    private static async Task<WarmStartSource?> ResolveWarmStartAsync(RemapDbContext context, DatasetCatalog datasets, RunFiles files,
        ModelEntity model, Architecture architecture, ILogger logger, CancellationToken cancellationToken)
    {
        if (model.ParentId is not { } parentId)
        {
            WorkerLog.WarmStartUnavailable(logger, model.Id, "the model has no parent");
            return null;
        }

        var weights = files.ModelWeightsPath(parentId);
        if (!File.Exists(weights))
        {
            WorkerLog.WarmStartUnavailable(logger, model.Id, $"parent model {parentId} has no trained weights at {weights}");
            return null;
        }

        var parent = await context.Models.AsNoTracking().SingleAsync(row => row.Id == parentId, cancellationToken);
        var parentArchitecture = Compile(parent, datasets, cancellationToken);
        var kept = ArchitectureDiff.Compare(parentArchitecture, architecture).Alignment
            .Where(pair => pair.IsKept)
            .Select(pair => (pair.BeforeIndex!.Value, pair.AfterIndex!.Value))
            .ToList();
        return new WarmStartSource(parentArchitecture, weights, kept);
    }
}
