using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Remap.Api.Infrastructure;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Remap.Core.Exploration;
using Remap.Core.Model;
using Remap.Core.Shapes;
using Remap.Engine.Store;

namespace Remap.Api.Ablations;

/// <summary>One child of an ablation study: the parent without one layer.</summary>
/// <param name="RemovedLayerIndex">The 0-based index of the removed layer in the parent.</param>
/// <param name="Reused">True when a queued, running or succeeded model with the same architecture, dataset and training settings already existed, so nothing new was queued.</param>
/// <param name="Job">The job that trains the child: the new one, or the existing model's latest.</param>
public sealed record AblationChildResponse(int RemovedLayerIndex, string RemovedLayer, string Change, bool Reused, ModelSummary Model, JobResponse? Job);

/// <summary>A removal that was not turned into a model, with the reason.</summary>
public sealed record SkippedAblationResponse(int LayerIndex, string Layer, string Reason);

/// <summary>The result of an ablation study request.</summary>
public sealed record AblationStudyResponse(long ParentId, IReadOnlyList<AblationChildResponse> Children, IReadOnlyList<SkippedAblationResponse> Skipped);

public static class AblationsApi
{
    public static RouteGroupBuilder MapAblationsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/models/{id:long}/ablations", CreateAblationStudy)
            .WithTags("Ablations")
            .WithName("CreateAblationStudy")
            .WithSummary("Queue one child per removable layer of a trained model; removals that break the shapes are skipped with the reason")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Results<Ok<AblationStudyResponse>, ProblemHttpResult>> CreateAblationStudy(
        long id, RemapDbContext context, ModelRegistration registration, CancellationToken cancellationToken)
    {
        var parent = await context.Models.AsNoTracking().SingleOrDefaultAsync(model => model.Id == id, cancellationToken);
        if (parent is null)
        {
            return Problems.NotFound("Model", id);
        }

        if (!await context.Runs.AnyAsync(run => run.ModelId == id, cancellationToken))
        {
            return Problems.Conflict("Model not trained",
                $"Model {id} has not finished training (status '{parent.Status}'), and an ablation study compares children with the parent's result. " +
                "Wait until its job succeeds, then request the study again.");
        }

        var compiled = registration.Compile(parent.CanonicalText, parent.DatasetName, cancellationToken);
        if (!compiled.Succeeded)
        {
            return ModelsApi.ArchitectureProblem(compiled);
        }

        var architecture = compiled.Architecture!.WithTraining(StoreJson.Deserialize<TrainingSettings>(parent.TrainingSettingsJson));
        var study = AblationGenerator.Generate(architecture);

        var children = new List<AblationChildResponse>();
        var skipped = study.Skipped.Select(skip => new SkippedAblationResponse(skip.LayerIndex, skip.Layer.ToString(), skip.Reason)).ToList();
        foreach (var child in study.Children)
        {
            var checkedChild = registration.Check(child.Architecture, ShapeInference.Infer(child.Architecture), []);
            if (!checkedChild.Succeeded)
            {
                skipped.Add(new SkippedAblationResponse(child.RemovedLayerIndex, child.RemovedLayer.ToString(), checkedChild.Problem!));
                continue;
            }

            children.Add(await AddChildAsync(parent, child, checkedChild, registration, cancellationToken));
        }

        return TypedResults.Ok(new AblationStudyResponse(id, children, skipped));
    }

    private static async Task<AblationChildResponse> AddChildAsync(
        ModelEntity parent, AblationChild child, CompiledModel compiled, ModelRegistration registration, CancellationToken cancellationToken)
    {
        var removedLayer = child.RemovedLayer.ToString();

        // The same network trained the same way on the same data gives the same result, so it is not trained twice.
        if (await registration.FindReusableAsync(child.Architecture, cancellationToken) is { } existing)
        {
            var latestJob = existing.Jobs.OrderByDescending(job => job.Id).FirstOrDefault();
            return new AblationChildResponse(child.RemovedLayerIndex, removedLayer, child.Change, Reused: true,
                ModelMapping.ToSummary(existing), latestJob is null ? null : JobMapping.ToResponse(latestJob));
        }

        var sourceText = ArchitectureWriter.Write(child.Architecture);
        var (model, job) = await registration.AddAsync(compiled, sourceText, parent.Id, [child.Change], jobOptions: null, cancellationToken);
        return new AblationChildResponse(child.RemovedLayerIndex, removedLayer, child.Change, Reused: false,
            ModelMapping.ToSummary(model), JobMapping.ToResponse(job));
    }
}
