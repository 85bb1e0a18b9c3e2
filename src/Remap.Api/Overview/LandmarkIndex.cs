using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Remap.Core.Exploration;
using Remap.Engine.Store;

namespace Remap.Api.Overview;

/// <summary>
/// Keeps every model's structural distances to its dataset's landmarks. The first
/// <see cref="ExplorationOptions.LandmarkCount"/> models of a dataset become its landmarks; each model added
/// later costs one distance per landmark, so projecting a dataset never computes all pairs.
/// </summary>
public sealed partial class LandmarkIndex(
    RemapDbContext context, StoredArchitectures architectures, IOptions<ExplorationOptions> options, ILogger<LandmarkIndex> logger)
{
    // Landmark ordinals are read, then written; one writer at a time keeps them dense in this process.
    // NOTE: servers in several processes sharing one database would need a database lock here.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Computes a newly stored model's landmark distances, making it a landmark while the dataset has too few.</summary>
    public async Task AddModelAsync(ModelEntity model, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            await IndexAsync(model, cancellationToken);
            await context.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Computes the missing landmark distances of every model of the dataset (models stored before the index existed, or before a landmark was added) and returns how many models it updated.</summary>
    public async Task<int> CompleteAsync(string dataset, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var landmarkCount = await context.Landmarks.CountAsync(landmark => landmark.DatasetName == dataset, cancellationToken);
            var incomplete = await context.Models
                .AsNoTracking()
                .Where(model => model.DatasetName == dataset)
                .Where(model => !context.LandmarkDistances.Any(row => row.ModelId == model.Id && row.LandmarkCount >= landmarkCount)
                    || landmarkCount < options.Value.LandmarkCount && !context.Landmarks.Any(landmark => landmark.ModelId == model.Id))
                .OrderBy(model => model.Id)
                .ToListAsync(cancellationToken);
            foreach (var model in incomplete)
            {
                await IndexAsync(model, cancellationToken);
                await context.SaveChangesAsync(cancellationToken);

                // Saved rows are let go, so change detection stays cheap over thousands of models.
                foreach (var entry in context.ChangeTracker.Entries().Where(entry => entry.Entity is LandmarkDistancesEntity or LandmarkEntity).ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }

            if (incomplete.Count > 0)
            {
                LogCompleted(logger, dataset, incomplete.Count);
            }

            return incomplete.Count;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task IndexAsync(ModelEntity model, CancellationToken cancellationToken)
    {
        var landmarks = await context.Landmarks
            .Where(landmark => landmark.DatasetName == model.DatasetName)
            .OrderBy(landmark => landmark.Ordinal)
            .Select(landmark => landmark.ModelId)
            .ToListAsync(cancellationToken);
        var profile = architectures.Get(model).Profile;

        if (landmarks.Count < options.Value.LandmarkCount && !landmarks.Contains(model.Id))
        {
            // Every model indexed so far gets its distance to the new landmark appended.
            context.Landmarks.Add(new LandmarkEntity { DatasetName = model.DatasetName, Ordinal = landmarks.Count, ModelId = model.Id });
            var rows = await context.LandmarkDistances
                .Where(row => row.LandmarkCount == landmarks.Count && context.Models.Any(other => other.Id == row.ModelId && other.DatasetName == model.DatasetName))
                .ToListAsync(cancellationToken);
            var texts = await CanonicalTextsAsync(rows.Select(row => row.ModelId), cancellationToken);
            foreach (var row in rows.Where(row => row.ModelId != model.Id))
            {
                var distance = StructuralDistance.Compute(architectures.Get(row.ModelId, texts[row.ModelId]).Profile, profile);
                row.Distances = [.. row.Distances, .. DistanceBlobs.Pack([distance])];
                row.LandmarkCount++;
            }

            landmarks.Add(model.Id);
        }

        var own = await context.LandmarkDistances.SingleOrDefaultAsync(row => row.ModelId == model.Id, cancellationToken);
        if (own is null)
        {
            own = new LandmarkDistancesEntity { ModelId = model.Id, Distances = [], LandmarkCount = 0 };
            context.LandmarkDistances.Add(own);
        }

        var missing = landmarks.Skip(own.LandmarkCount).ToList();
        var landmarkProfiles = await ProfilesAsync(missing, cancellationToken);
        var distances = new double[missing.Count];
        Parallel.For(0, missing.Count, index =>
            distances[index] = missing[index] == model.Id ? 0 : StructuralDistance.Compute(profile, landmarkProfiles[index]));
        own.Distances = [.. own.Distances, .. DistanceBlobs.Pack(distances)];
        own.LandmarkCount = landmarks.Count;
    }

    /// <summary>Returns the profiles of the models in order, reading canonical text only for models not compiled yet.</summary>
    private async Task<LayerProfile[]> ProfilesAsync(IReadOnlyList<long> modelIds, CancellationToken cancellationToken)
    {
        var uncached = modelIds.Where(id => architectures.TryGet(id) is null).ToList();
        var texts = uncached.Count == 0 ? [] : await CanonicalTextsAsync(uncached, cancellationToken);
        return [.. modelIds.Select(id => (architectures.TryGet(id) ?? architectures.Get(id, texts[id])).Profile)];
    }

    private Task<Dictionary<long, string>> CanonicalTextsAsync(IEnumerable<long> modelIds, CancellationToken cancellationToken)
    {
        var ids = modelIds.ToList();
        return context.Models
            .Where(model => ids.Contains(model.Id))
            .Select(model => new { model.Id, model.CanonicalText })
            .ToDictionaryAsync(model => model.Id, model => model.CanonicalText, cancellationToken);
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Computed the missing landmark distances of {ModelCount} models of dataset {DatasetName}")]
    private static partial void LogCompleted(ILogger logger, string datasetName, int modelCount);
}
