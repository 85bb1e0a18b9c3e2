using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Remap.Core.Exploration;
using Remap.Core.Projections;
using Remap.Engine.Store;

namespace Remap.Api.Overview;

/// <summary>
/// Computes, stores and extends the structure and prediction projections of a dataset. A landmark-MDS
/// projection is fitted once; later models are placed with the stored basis and appended, so the
/// others never move until <see cref="RecomputeAsync"/> replaces it.
/// </summary>
public sealed partial class ProjectionService(
    RemapDbContext context,
    LandmarkIndex landmarks,
    StoredArchitectures architectures,
    PredictionBitsets bitsets,
    TimeProvider timeProvider,
    IOptions<ExplorationOptions> options,
    ILogger<ProjectionService> logger)
{
    /// <summary>Returns the stored projection, placing models added since, or fits one when none is stored.</summary>
    /// <exception cref="ProjectionException">A t-SNE projection would exceed <see cref="ExplorationOptions.MaxTsneModels"/> or, in the structure view, <see cref="ExplorationOptions.MaxTsneStructureModels"/>.</exception>
    public async Task<ProjectionResult> GetAsync(string dataset, string kind, string method, CancellationToken cancellationToken)
    {
        var stored = await context.Projections.SingleOrDefaultAsync(
            projection => projection.DatasetName == dataset && projection.Kind == kind && projection.Method == method, cancellationToken);
        if (stored is null)
        {
            return await FitAsync(dataset, kind, method, options.Value.Seed, cancellationToken);
        }

        var points = DistanceBlobs.UnpackPoints(stored.Points);
        var basis = stored.BasisJson is null ? null : StoreJson.Deserialize<StoredBasis>(stored.BasisJson);
        if (basis is not null && basis.LandmarkIds.Count < options.Value.LandmarkCount)
        {
            // A basis with fewer landmarks than the setting asks for was fitted on a small population (none, one, a few
            // models), which places every later model on the same few spots. While the population is that small, each
            // model that adds a landmark fits the view again; once the basis is full, new models never move the others.
            var refit = await FitLandmarksAsync(dataset, kind, cancellationToken);
            if (refit.Basis.LandmarkIds.Count > basis.LandmarkIds.Count)
            {
                var now = timeProvider.GetUtcNow().UtcDateTime;
                stored.BasisJson = StoreJson.Serialize(refit.Basis);
                stored.Points = DistanceBlobs.PackPoints(refit.Points);
                stored.ComputedAt = now;
                stored.UpdatedAt = now;
                await context.SaveChangesAsync(cancellationToken);
                LogRefitted(logger, kind, dataset, basis.LandmarkIds.Count, refit.Basis.LandmarkIds.Count);
                return new ProjectionResult(refit.Points, stored.Method, stored.Seed, refit.Basis.LandmarkIds.Count, 0, now);
            }
        }

        if (basis is not null)
        {
            var placed = await PlaceNewAsync(dataset, kind, basis, points, cancellationToken);
            if (placed > 0)
            {
                basis = basis with { PlacedOutOfSample = basis.PlacedOutOfSample + placed };
                stored.BasisJson = StoreJson.Serialize(basis);
                stored.Points = DistanceBlobs.PackPoints(points);
                stored.UpdatedAt = timeProvider.GetUtcNow().UtcDateTime;
                await context.SaveChangesAsync(cancellationToken);
            }
        }

        return new ProjectionResult(points, stored.Method, stored.Seed, basis?.LandmarkIds.Count ?? 0, basis?.PlacedOutOfSample ?? 0, stored.ComputedAt);
    }

    /// <summary>Drops the stored projection and fits a new one on every model, which may move every point.</summary>
    public async Task<ProjectionResult> RecomputeAsync(string dataset, string kind, string method, int seed, CancellationToken cancellationToken)
    {
        await context.Projections
            .Where(projection => projection.DatasetName == dataset && projection.Kind == kind && projection.Method == method)
            .ExecuteDeleteAsync(cancellationToken);
        return await FitAsync(dataset, kind, method, seed, cancellationToken);
    }

    private async Task<ProjectionResult> FitAsync(string dataset, string kind, string method, int seed, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var (points, basis) = method == ProjectionKinds.Tsne
            ? (await FitTsneAsync(dataset, kind, seed, cancellationToken), null)
            : await FitLandmarksAsync(dataset, kind, cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        context.Projections.Add(new ProjectionEntity
        {
            DatasetName = dataset,
            Kind = kind,
            Method = method,
            Seed = seed,
            BasisJson = basis is null ? null : StoreJson.Serialize(basis),
            Points = DistanceBlobs.PackPoints(points),
            ComputedAt = now,
        });
        await context.SaveChangesAsync(cancellationToken);
        LogFitted(logger, kind, method, dataset, points.Count, timeProvider.GetElapsedTime(started).TotalMilliseconds);
        return new ProjectionResult(points, method, seed, basis?.LandmarkIds.Count ?? 0, 0, now);
    }

    private async Task<(Dictionary<long, (double X, double Y)> Points, StoredBasis Basis)> FitLandmarksAsync(string dataset, string kind, CancellationToken cancellationToken)
    {
        var source = await DistanceSourceAsync(dataset, kind, cancellationToken);
        var landmarkIds = source.LandmarkIds;
        var matrix = new double[landmarkIds.Count, landmarkIds.Count];
        for (var row = 0; row < landmarkIds.Count; row++)
        {
            var distances = source.ToLandmarks(landmarkIds[row]);
            for (var column = 0; column < landmarkIds.Count; column++)
            {
                matrix[row, column] = distances[column];
            }
        }

        // Stored distances are computed once per pair direction; averaging removes rounding asymmetry.
        for (var row = 0; row < landmarkIds.Count; row++)
        {
            for (var column = row + 1; column < landmarkIds.Count; column++)
            {
                var mean = (matrix[row, column] + matrix[column, row]) / 2;
                (matrix[row, column], matrix[column, row]) = (mean, mean);
            }
        }

        var basis = new StoredBasis(landmarkIds, LandmarkMds.Fit(matrix), 0);
        var points = new Dictionary<long, (double X, double Y)>(source.ModelIds.Count);
        PlaceAll(basis, source, points);
        return (points, basis);
    }

    private async Task<int> PlaceNewAsync(string dataset, string kind, StoredBasis basis, Dictionary<long, (double X, double Y)> points, CancellationToken cancellationToken)
    {
        var source = await DistanceSourceAsync(dataset, kind, cancellationToken, except: points.Keys.ToHashSet(), landmarkIds: basis.LandmarkIds);
        return PlaceAll(basis, source, points);
    }

    /// <summary>Places every model of the source that has a distance to each landmark of the basis, adds it to <paramref name="points"/> and returns how many it placed.</summary>
    /// <remarks>
    /// One core is faster here: in bench/exploration at 10,000 models, a Parallel.For placed the prediction view in
    /// 200 to 270 ms against 40 ms in a loop, and the structure view gained nothing measurable.
    /// </remarks>
    private static int PlaceAll(StoredBasis basis, DistanceSource source, Dictionary<long, (double X, double Y)> points)
    {
        var count = 0;
        foreach (var modelId in source.ModelIds)
        {
            var distances = source.ToLandmarks(modelId);
            if (distances.Length < basis.LandmarkIds.Count)
            {
                continue;
            }

            var coordinates = LandmarkMds.Place(basis.Basis, distances.AsSpan(0, basis.LandmarkIds.Count));
            points[modelId] = (coordinates[0], coordinates[1]);
            count++;
        }

        return count;
    }

    private async Task<Dictionary<long, (double X, double Y)>> FitTsneAsync(string dataset, string kind, int seed, CancellationToken cancellationToken)
    {
        var (modelIds, distance) = kind == ProjectionKinds.Prediction
            ? await bitsets.PairwiseAsync(dataset, cancellationToken)
            : await StructurePairwiseAsync(dataset, cancellationToken);
        var (limit, setting) = TsneLimit(kind);
        if (modelIds.Count > limit)
        {
            throw new ProjectionException(
                $"The {kind} view of dataset '{dataset}' has {modelIds.Count:N0} models, more than the {limit:N0} that method=tsne accepts: " +
                $"exact t-SNE needs every pairwise distance, and its time grows with the square of the model count. " +
                $"Use method=landmark-mds (the default), which places any number of models, or raise Remap:Exploration:{setting} on the server.");
        }

        var points = new Dictionary<long, (double X, double Y)>();
        if (modelIds.Count < 2)
        {
            foreach (var modelId in modelIds)
            {
                points[modelId] = (0, 0);
            }

            return points;
        }

        var matrix = new double[modelIds.Count, modelIds.Count];
        Parallel.For(0, modelIds.Count, row =>
        {
            for (var column = row + 1; column < modelIds.Count; column++)
            {
                var value = distance(row, column);
                matrix[row, column] = value;
                matrix[column, row] = value;
            }
        });
        var layout = Tsne.Project(matrix, new TsneOptions(seed), cancellationToken);
        for (var row = 0; row < modelIds.Count; row++)
        {
            points[modelIds[row]] = (layout[row, 0], layout[row, 1]);
        }

        return points;
    }

    private async Task<(IReadOnlyList<long> ModelIds, Func<int, int, double> Distance)> StructurePairwiseAsync(string dataset, CancellationToken cancellationToken)
    {
        var models = await context.Models
            .Where(model => model.DatasetName == dataset)
            .OrderBy(model => model.Id)
            .Select(model => new { model.Id, model.CanonicalText })
            .ToListAsync(cancellationToken);
        // Over the limit the caller rejects the request, so no profile is compiled and no distance computed.
        if (models.Count > TsneLimit(ProjectionKinds.Structure).Limit)
        {
            return ([.. models.Select(model => model.Id)], (_, _) => 0);
        }

        var profiles = models.Select(model => architectures.Get(model.Id, model.CanonicalText).Profile).ToArray();
        return ([.. models.Select(model => model.Id)], (row, column) => StructuralDistance.Compute(profiles[row], profiles[column]));
    }

    /// <summary>Returns the most models a t-SNE projection of the view accepts and the setting that sets it.</summary>
    private (int Limit, string Setting) TsneLimit(string kind) =>
        kind == ProjectionKinds.Structure && options.Value.MaxTsneStructureModels < options.Value.MaxTsneModels
            ? (options.Value.MaxTsneStructureModels, nameof(ExplorationOptions.MaxTsneStructureModels))
            : (options.Value.MaxTsneModels, nameof(ExplorationOptions.MaxTsneModels));

    /// <summary>The models of one view and their distances to the landmarks, in landmark order.</summary>
    private sealed record DistanceSource(IReadOnlyList<long> LandmarkIds, IReadOnlyList<long> ModelIds, Func<long, double[]> ToLandmarks);

    private async Task<DistanceSource> DistanceSourceAsync(
        string dataset, string kind, CancellationToken cancellationToken, IReadOnlySet<long>? except = null, IReadOnlyList<long>? landmarkIds = null)
    {
        if (kind == ProjectionKinds.Prediction)
        {
            return await PredictionSourceAsync(dataset, except, landmarkIds, cancellationToken);
        }

        await landmarks.CompleteAsync(dataset, cancellationToken);
        landmarkIds ??= await context.Landmarks
            .Where(landmark => landmark.DatasetName == dataset)
            .OrderBy(landmark => landmark.Ordinal)
            .Select(landmark => landmark.ModelId)
            .ToListAsync(cancellationToken);
        var byId = except is null
            ? await AllLandmarkDistancesAsync(dataset, cancellationToken)
            : await NewLandmarkDistancesAsync(dataset, except, landmarkIds, cancellationToken);
        var selected = byId.Keys.Where(id => except is null || !except.Contains(id)).Order().ToList();

        // Rows are unpacked when asked for, one at a time by the placement, so no second copy of every row is kept.
        return new DistanceSource(landmarkIds, selected, modelId => DistanceBlobs.Unpack(byId[modelId]));
    }

    /// <summary>Reads every landmark-distance row of the dataset in one query, for a fit that places every model.</summary>
    private Task<Dictionary<long, byte[]>> AllLandmarkDistancesAsync(string dataset, CancellationToken cancellationToken) =>
        context.LandmarkDistances
            .Where(row => context.Models.Any(model => model.Id == row.ModelId && model.DatasetName == dataset))
            .Select(row => new { row.ModelId, row.Distances })
            .ToDictionaryAsync(row => row.ModelId, row => row.Distances, cancellationToken);

    /// <summary>Reads the rows of the models not placed yet and of the landmarks: ids first, so placing a few new models reads few blobs.</summary>
    private async Task<Dictionary<long, byte[]>> NewLandmarkDistancesAsync(
        string dataset, IReadOnlySet<long> except, IReadOnlyList<long> landmarkIds, CancellationToken cancellationToken)
    {
        var indexed = await context.LandmarkDistances
            .Where(row => context.Models.Any(model => model.Id == row.ModelId && model.DatasetName == dataset))
            .Select(row => row.ModelId)
            .ToListAsync(cancellationToken);
        var byId = new Dictionary<long, byte[]>();
        foreach (var chunk in indexed.Where(id => !except.Contains(id)).Concat(landmarkIds).Distinct().Chunk(2000))
        {
            var rows = await context.LandmarkDistances
                .Where(row => chunk.Contains(row.ModelId))
                .Select(row => new { row.ModelId, row.Distances })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                byId[row.ModelId] = row.Distances;
            }
        }

        return byId;
    }

    private async Task<DistanceSource> PredictionSourceAsync(
        string dataset, IReadOnlySet<long>? except, IReadOnlyList<long>? landmarkIds, CancellationToken cancellationToken)
    {
        var trained = await bitsets.LoadAsync(dataset, cancellationToken);
        landmarkIds ??= [.. trained.ByFirstRun.Take(options.Value.LandmarkCount)];
        var landmarkBitsets = landmarkIds.Select(id => trained.Bitsets[id]).ToArray();
        var modelIds = trained.Bitsets.Keys.Where(id => except is null || !except.Contains(id)).Order().ToList();
        return new DistanceSource(landmarkIds, modelIds, modelId =>
        {
            var bitset = trained.Bitsets[modelId];
            var distances = new double[landmarkBitsets.Length];
            for (var landmark = 0; landmark < landmarkBitsets.Length; landmark++)
            {
                distances[landmark] = PredictionDistance.Compute(bitset, landmarkBitsets[landmark], trained.SampleCount);
            }

            return distances;
        });
    }

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Fitted the {Kind} projection ({Method}) of dataset {DatasetName}: {PointCount} points in {Milliseconds} ms")]
    private static partial void LogFitted(ILogger logger, string kind, string method, string datasetName, int pointCount, double milliseconds);

    [LoggerMessage(EventId = 403, Level = LogLevel.Information, Message = "Fitted the {Kind} projection of dataset {DatasetName} again: its landmarks grew from {Before} to {After}")]
    private static partial void LogRefitted(ILogger logger, string kind, string datasetName, int before, int after);
}

/// <summary>A projection request that cannot be served as asked; the message states what to change.</summary>
public sealed class ProjectionException(string message) : Exception(message);
