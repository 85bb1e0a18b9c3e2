using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Remap.Api.Exploration;
using Remap.Api.Infrastructure;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Remap.Core.Exploration;
using Remap.Core.Model;
using Remap.Engine.Store;

namespace Remap.Api.Variations;

public static class VariationsApi
{
    public static RouteGroupBuilder MapVariationsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/models/{id:long}/variations", CreateVariations)
            .WithTags("Variations")
            .WithName("CreateVariations")
            .WithSummary("Queue children of a trained model, each 1 to maxChanges random layer changes away, honouring per-layer restrictions")
            .WithDescription(
                "Actions: insert a layer before the chosen layer, remove it, replace it with another kind, or set one parameter to another allowed value. " +
                "Every child is shape-checked and within the parameter budget, and none repeats the parent or a sibling. The final dense layer only takes insertions before it. " +
                "Restrictions name layers by 0-based index (index 0 is layer 1 of the change texts); restrictions that leave no action on any layer are rejected with 400.")
            .WithValidation<CreateVariationsRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <param name="id">The id of the parent model; its training must have succeeded.</param>
    public static async Task<Results<Ok<VariationsResponse>, ProblemHttpResult>> CreateVariations(
        long id, CreateVariationsRequest request, RemapDbContext context, ModelRegistration registration, DerivedModels derived,
        CancellationToken cancellationToken)
    {
        var parent = await context.Models.AsNoTracking().SingleOrDefaultAsync(model => model.Id == id, cancellationToken);
        if (parent is null)
        {
            return Problems.NotFound("Model", id);
        }

        if (!await context.Runs.AnyAsync(run => run.ModelId == id, cancellationToken))
        {
            return UntrainedParent.Problem(id, parent.Status, "variations are compared with the parent's result", "the variations");
        }

        var compiled = registration.Compile(parent.CanonicalText, parent.DatasetName, cancellationToken);
        if (!compiled.Succeeded)
        {
            return ModelsApi.ArchitectureProblem(compiled);
        }

        var architecture = compiled.Architecture!.WithTraining(StoreJson.Deserialize<TrainingSettings>(parent.TrainingSettingsJson));
        var layerCount = architecture.Layers.Length;
        if (request.Layers?.FirstOrDefault(layer => layer.Index >= layerCount) is { } outside)
        {
            return Problems.BadRequest("Layer index out of range",
                $"'layers' restricts index {outside.Index} (layer {outside.Index + 1}), but model {id} has {layerCount} layers, indexes 0 to {layerCount - 1}: " +
                "use a 0-based index from its layer table (index 0 is layer 1).");
        }

        var seed = request.Seed ?? Random.Shared.Next();
        var options = ToOptions(request, seed, parent.ParameterCount);
        if (VariationRestrictions.DescribeFrozen(architecture, options) is { } frozen)
        {
            return Problems.BadRequest("Every layer is frozen", $"Model {id} cannot vary: {frozen}");
        }

        var set = VariationGenerator.Generate(architecture, options);

        var children = new List<VariationChildResponse>();
        foreach (var child in set.Children)
        {
            var changes = child.Changes.Select(change => change.Description).ToList();
            var (queued, problem) = await derived.QueueAsync(child.Architecture, id, changes, request.Job, cancellationToken);
            if (queued is null)
            {
                return Problems.BadRequest("Variation rejected", $"A child of model {id} was rejected: {problem}");
            }

            children.Add(new VariationChildResponse(LayerShortForm.Format(child.Architecture.Layers), [.. child.Changes.Select(LayerChangeMapping.ToResponse)],
                queued.Reused, ModelMapping.ToSummary(queued.Model), queued.Job is null ? null : JobMapping.ToResponse(queued.Job)));
        }

        var requested = request.Count!.Value;
        var shortfall = children.Count < requested
            ? $"Only {children.Count} of {requested} distinct valid children were found in {set.RejectedCandidates + children.Count} candidates: " +
              "allow more actions or kinds, raise maxChanges or maxParameters, or ask for fewer."
            : null;
        return TypedResults.Ok(new VariationsResponse(id, seed, requested, set.RejectedCandidates, shortfall, children));
    }

    private static VariationOptions ToOptions(CreateVariationsRequest request, int seed, long parentParameters)
    {
        var budget = request.MaxParameters ?? Math.Max(100_000, parentParameters * 4);
        var restrictions = (request.Layers ?? []).Select(layer => new LayerRestriction(
            layer.Index!.Value,
            layer.Actions is null ? null : [.. layer.Actions.Select(text => LayerKindNames.TryParseAction(text, out var action) ? action : default)],
            layer.Kinds is null ? null : [.. layer.Kinds.Select(LayerKindNames.Parse)]));
        return new VariationOptions(request.Count!.Value, request.MaxChanges ?? 1, seed, budget)
        {
            Kinds = [.. (request.Kinds ?? []).Select(LayerKindNames.Parse)],
            Restrictions = [.. restrictions],
        };
    }
}
