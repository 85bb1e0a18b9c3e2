using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Remap.Engine.Store;

namespace Remap.Api.Overview;

/// <summary>Builds overview snapshots from the store and the projections, and serves them from <see cref="OverviewCache"/>.</summary>
public sealed class OverviewService(
    RemapDbContext context,
    ProjectionService projections,
    StoredArchitectures architectures,
    OverviewCache cache,
    TimeProvider timeProvider,
    IOptions<ExplorationOptions> options)
{
    /// <summary>Returns the dataset's view, rebuilding it when the store changed since the cached one.</summary>
    /// <exception cref="ProjectionException">The view cannot be projected as asked.</exception>
    public async Task<OverviewSnapshot> GetAsync(string dataset, string view, string method, CancellationToken cancellationToken)
    {
        var key = (dataset, view, method);
        var now = timeProvider.GetTimestamp();
        var interval = (long)(options.Value.OverviewRevalidateInterval.TotalSeconds * timeProvider.TimestampFrequency);
        if (interval > 0 && cache.FindRecent(key, now - interval) is { } recent)
        {
            return recent;
        }

        var version = await VersionAsync(dataset, cancellationToken);
        if (cache.Find(key, version, now) is { } cached)
        {
            return cached;
        }

        var gate = cache.Gate(key);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cache.Find(key, version, now) is { } built)
            {
                return built;
            }

            var snapshot = await BuildAsync(dataset, view, method, version, cancellationToken);
            cache.Store(key, snapshot, now);
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Refits a projection and drops the cached view, so the next request shows the new layout.</summary>
    public async Task<OverviewProjectionInfo> RecomputeAsync(string dataset, string view, string method, int seed, CancellationToken cancellationToken)
    {
        var key = (dataset, view, method);
        var gate = cache.Gate(key);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var result = await projections.RecomputeAsync(dataset, view, method, seed, cancellationToken);
            cache.Remove(key);
            return new OverviewProjectionInfo(result.Method, result.Seed, result.LandmarkCount, result.PlacedOutOfSample, result.ComputedAt);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Returns a stamp that changes whenever a model is added, a run finishes or a job changes state.</summary>
    private async Task<string> VersionAsync(string dataset, CancellationToken cancellationToken)
    {
        // Count and last id in one scan of the dataset's models; the check runs once per revalidation interval.
        var models = await context.Models
            .Where(model => model.DatasetName == dataset)
            .GroupBy(model => 1)
            .Select(group => new { Count = group.Count(), Last = group.Max(model => model.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        var lastRun = await context.Runs.MaxAsync(run => (long?)run.Id, cancellationToken);
        var states = await context.Jobs
            .GroupBy(job => job.State)
            .Select(group => new { group.Key, Count = group.Count() })
            .OrderBy(group => group.Key)
            .ToListAsync(cancellationToken);
        return $"{models?.Count ?? 0}:{models?.Last}:{lastRun}:{string.Join(',', states.Select(state => $"{state.Key}={state.Count}"))}";
    }

    private async Task<OverviewSnapshot> BuildAsync(string dataset, string view, string method, string version, CancellationToken cancellationToken)
    {
        var models = await context.Models
            .AsNoTracking()
            .Where(model => model.DatasetName == dataset)
            .OrderBy(model => model.Id)
            .Select(model => new { model.Id, model.Name, model.ParameterCount, model.Status, model.ParentId, model.ValidationAccuracy, model.ShortForm, model.OutputSizes })
            .ToListAsync(cancellationToken);
        var glyphs = await GlyphsAsync(models.Select(model => (model.Id, model.ShortForm, model.OutputSizes)), cancellationToken);
        var perClass = await PerClassAccuracyAsync(dataset, cancellationToken);

        ProjectionResult? projection = null;
        if (view != ProjectionKinds.AccuracySize)
        {
            projection = await projections.GetAsync(dataset, view, method, cancellationToken);
        }

        var entries = models.Select(model =>
        {
            var (x, y) = projection is null
                ? (model.ValidationAccuracy, model.ParameterCount > 0 ? Math.Log10(model.ParameterCount) : (double?)null)
                : projection.Points.TryGetValue(model.Id, out var point) ? (point.X, point.Y) : ((double?)null, (double?)null);
            if (x is null || y is null)
            {
                (x, y) = (null, null);
            }

            return new OverviewEntry(model.Id, model.Name, x, y, model.ValidationAccuracy, model.ParameterCount, model.Status, model.ParentId,
                glyphs[model.Id].ShortForm, glyphs[model.Id].OutputSizes, perClass.GetValueOrDefault(model.Id));
        }).ToImmutableArray();

        var placed = entries.Where(entry => entry.X is not null).ToList();
        var bounds = placed.Count == 0 ? null
            : new OverviewBounds(placed.Min(entry => entry.X!.Value), placed.Max(entry => entry.X!.Value), placed.Min(entry => entry.Y!.Value), placed.Max(entry => entry.Y!.Value));
        var info = projection is null ? null
            : new OverviewProjectionInfo(projection.Method, projection.Seed, projection.LandmarkCount, projection.PlacedOutOfSample, projection.ComputedAt);
        return new OverviewSnapshot(version, entries, bounds, info);
    }

    // Models store their short form and output sizes; only rows written before those columns existed are compiled here (and cached).
    private async Task<Dictionary<long, (string ShortForm, IReadOnlyList<long> OutputSizes)>> GlyphsAsync(
        IEnumerable<(long Id, string? ShortForm, string? OutputSizes)> models, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, (string, IReadOnlyList<long>)>();
        var missing = new List<long>();
        foreach (var (id, shortForm, outputSizes) in models)
        {
            if (shortForm is not null && LayerOutputSizes.Parse(outputSizes) is { } sizes)
            {
                result[id] = (shortForm, sizes);
            }
            else if (architectures.TryGet(id) is { } compiled)
            {
                result[id] = (compiled.ShortForm, compiled.OutputSizes);
            }
            else
            {
                missing.Add(id);
            }
        }

        foreach (var chunk in missing.Chunk(2000))
        {
            var texts = await context.Models
                .Where(model => chunk.Contains(model.Id))
                .Select(model => new { model.Id, model.CanonicalText })
                .ToListAsync(cancellationToken);

            foreach (var text in texts)
            {
                var entry = architectures.Get(text.Id, text.CanonicalText);
                result[text.Id] = (entry.ShortForm, entry.OutputSizes);
            }
        }

        return result;
    }

    private async Task<Dictionary<long, IReadOnlyList<double>>> PerClassAccuracyAsync(string dataset, CancellationToken cancellationToken)
    {
        var runIds = await context.Runs
            .Where(run => context.Models.Any(model => model.Id == run.ModelId && model.DatasetName == dataset))
            .Select(run => new { run.Id, run.ModelId })
            .ToListAsync(cancellationToken);
        var latest = runIds.GroupBy(run => run.ModelId).ToDictionary(group => group.Key, group => group.Max(run => run.Id));
        var missing = latest.Values.Where(runId => !cache.PerClassAccuracy.ContainsKey(runId)).ToList();
        foreach (var chunk in missing.Chunk(2000))
        {
            var rows = await context.Runs
                .Where(run => chunk.Contains(run.Id))
                .Select(run => new { run.Id, run.PerClassAccuracyJson })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                cache.PerClassAccuracy[row.Id] = StoreJson.Deserialize<List<double>>(row.PerClassAccuracyJson);
            }
        }

        return latest.ToDictionary(pair => pair.Key, pair => cache.PerClassAccuracy[pair.Value]);
    }
}
