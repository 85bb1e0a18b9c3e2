using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Remap.Api.Infrastructure;
using Remap.Api.Overview;
using Remap.Api.Variations;
using Remap.Core.Exploration;
using Remap.Engine.Store;

namespace Remap.Api.Models;

/// <summary>One aligned position of two architectures: both indexes for a kept layer, one for a removed or inserted layer.</summary>
public sealed record LayerPairResponse(int? BeforeIndex, int? AfterIndex);

/// <summary>The layer-level difference of two models, named by the same algorithm that names a child's changes.</summary>
/// <param name="StructuralDistance">The optimal-transport distance of the two architectures (0 for the same layers).</param>
/// <param name="PredictionDistance">The share of validation images one model gets right and the other wrong; null unless both are trained on the same dataset.</param>
public sealed record ModelDiffResponse(
    long BeforeId,
    long AfterId,
    string BeforeLayers,
    string AfterLayers,
    IReadOnlyList<LayerPairResponse> Alignment,
    IReadOnlyList<LayerChangeResponse> Changes,
    double StructuralDistance,
    double? PredictionDistance);

public static class ModelDiffApi
{
    public static RouteGroupBuilder MapModelDiffApi(this RouteGroupBuilder api)
    {
        api.MapGet("/models/{id:long}/diff/{otherId:long}", GetDiff)
            .WithTags("Models")
            .WithName("GetModelDiff")
            .WithSummary("Compare two models layer by layer: inserted, removed, replaced and re-parameterised layers with old and new parameters")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <param name="id">The id of the first model: the one the change texts number layers in.</param>
    /// <param name="otherId">The id of the model to compare it with.</param>
    public static async Task<Results<Ok<ModelDiffResponse>, ProblemHttpResult>> GetDiff(
        long id, long otherId, RemapDbContext context, StoredArchitectures architectures, PredictionBitsets bitsets, CancellationToken cancellationToken)
    {
        var models = await context.Models.AsNoTracking().Where(model => model.Id == id || model.Id == otherId).ToListAsync(cancellationToken);
        if (models.FirstOrDefault(model => model.Id == id) is not { } before)
        {
            return Problems.NotFound("Model", id);
        }

        if (models.FirstOrDefault(model => model.Id == otherId) is not { } after)
        {
            return Problems.NotFound("Model", otherId);
        }

        var (first, second) = (architectures.Get(before), architectures.Get(after));
        if ((first.Compiles ? second : first) is { Compiles: false } unreadable)
        {
            var unreadableId = first.Compiles ? otherId : id;
            return Problems.Conflict("Stored model does not compile",
                $"The stored text of model {unreadableId} no longer compiles ({unreadable.Problem}), so it cannot be compared. Create the model again from its source.");
        }
        var difference = ArchitectureDiff.Compare(first.Architecture, second.Architecture);
        double? prediction = null;
        if (before.DatasetName == after.DatasetName)
        {
            var trained = await bitsets.LoadAsync(before.DatasetName, cancellationToken);
            if (trained.Bitsets.TryGetValue(id, out var beforeBits) && trained.Bitsets.TryGetValue(otherId, out var afterBits))
            {
                prediction = PredictionDistance.Compute(beforeBits, afterBits, trained.SampleCount);
            }
        }

        return TypedResults.Ok(new ModelDiffResponse(
            id,
            otherId,
            first.ShortForm,
            second.ShortForm,
            [.. difference.Alignment.Select(pair => new LayerPairResponse(pair.BeforeIndex, pair.AfterIndex))],
            [.. difference.Changes.Select(LayerChangeMapping.ToResponse)],
            StructuralDistance.Compute(first.Profile, second.Profile),
            prediction));
    }
}
