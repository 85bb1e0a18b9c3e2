using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Remap.Api.Infrastructure;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Remap.Core.Exploration;
using Remap.Core.Model;
using Remap.Core.Shapes;
using Remap.Engine.Store;

namespace Remap.Api.Ablations;

/// <summary>One child of an ablation study: the parent without one layer or one block.</summary>
/// <param name="RemovedLayerIndex">The 0-based index of the (first) removed layer in the parent; the change text calls it layer RemovedLayerIndex + 1.</param>
/// <param name="RemovedLayerIndexes">Every removed layer's 0-based index: one, or a whole block.</param>
/// <param name="Reused">True when a queued, running or succeeded model with the same architecture, dataset and training settings already existed, so nothing new was queued.</param>
/// <param name="Job">The job that trains the child: the new one, or the existing model's latest.</param>
public sealed record AblationChildResponse(
    int RemovedLayerIndex, string RemovedLayer, string Change, bool Reused, ModelSummary Model, JobResponse? Job, IReadOnlyList<int> RemovedLayerIndexes);

/// <summary>A removal that was not turned into a model, with the reason.</summary>
/// <param name="LayerIndex">The 0-based index of the (first) layer of the removal.</param>
/// <param name="LayerIndexes">The 0-based index of every layer of the removal: one, or a whole block.</param>
public sealed record SkippedAblationResponse(int LayerIndex, string Layer, string Reason, IReadOnlyList<int> LayerIndexes);

/// <summary>The result of an ablation study request.</summary>
public sealed record AblationStudyResponse(long ParentId, IReadOnlyList<AblationChildResponse> Children, IReadOnlyList<SkippedAblationResponse> Skipped);

public static class AblationsApi
{
    public static RouteGroupBuilder MapAblationsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/models/{id:long}/ablations", CreateAblationStudy)
            .WithTags("Ablations")
            .WithName("CreateAblationStudy")
            .WithSummary("Queue one child per removable layer (or block) of a trained model; removals that break the shapes are skipped with the reason")
            .WithDescription(
                "The JSON body is optional: without it every layer but the final dense one is removed in turn. 'layers' chooses layers by 0-based index (index 0 is layer 1 of the change texts), " +
                "'blocks' removes a conv2d with the batchnorm2d, activation and dropout layers after it and one pooling layer together, " +
                "'maxParameters' skips children above a parameter budget, and 'job' sets how the training jobs run.")
            .Accepts<CreateAblationStudyRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <param name="id">The id of the parent model; its training must have succeeded.</param>
    public static async Task<Results<Ok<AblationStudyResponse>, ValidationProblem, ProblemHttpResult>> CreateAblationStudy(
        long id, [FromBody] CreateAblationStudyRequest? request, IValidator<CreateAblationStudyRequest> validator, RemapDbContext context,
        ModelRegistration registration, CancellationToken cancellationToken)
    {
        // The body is optional, so the validation filter (which needs one) cannot run; a present body is validated here.
        request ??= new CreateAblationStudyRequest();
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return ValidationProblems.Create(validation);
        }

        var parent = await context.Models.AsNoTracking().SingleOrDefaultAsync(model => model.Id == id, cancellationToken);
        if (parent is null)
        {
            return Problems.NotFound("Model", id);
        }

        if (!await context.Runs.AnyAsync(run => run.ModelId == id, cancellationToken))
        {
            return UntrainedParent.Problem(id, parent.Status, "an ablation study compares children with the parent's result", "the study");
        }

        var compiled = registration.Compile(parent.CanonicalText, parent.DatasetName, cancellationToken);
        if (!compiled.Succeeded)
        {
            return ModelsApi.ArchitectureProblem(compiled);
        }

        var architecture = compiled.Architecture!.WithTraining(StoreJson.Deserialize<TrainingSettings>(parent.TrainingSettingsJson));
        var removable = architecture.Layers.Length > 0 && architecture.Layers[^1].Kind == LayerKind.Dense ? architecture.Layers.Length - 1 : architecture.Layers.Length;
        var outside = request.Layers?.Where(index => index >= removable).ToList() ?? [];
        if (outside.Count > 0)
        {
            return Problems.BadRequest("Layer index out of range",
                $"'layers' contains index {outside[0]} (layer {outside[0] + 1}), but model {id} can lose only indexes 0 to {removable - 1} (layers 1 to {removable}); " +
                "the final dense layer is never removed. Use 0-based indexes from its layer table (index 0 is layer 1).");
        }

        var study = AblationGenerator.Generate(architecture, new AblationOptions([.. request.Layers ?? []], request.Blocks ?? false, request.MaxParameters));

        var children = new List<AblationChildResponse>();
        var skipped = study.Skipped.Select(skip => new SkippedAblationResponse(skip.LayerIndex, skip.Layer.ToString(), skip.Reason, skip.LayerIndexes)).ToList();
        foreach (var child in study.Children)
        {
            var checkedChild = registration.Check(child.Architecture, ShapeInference.Infer(child.Architecture), []);
            if (!checkedChild.Succeeded)
            {
                skipped.Add(new SkippedAblationResponse(child.RemovedLayerIndex, child.RemovedLayer.ToString(), checkedChild.Problem!, child.RemovedLayerIndexes));
                continue;
            }

            children.Add(await AddChildAsync(parent, child, checkedChild, registration, request.Job, cancellationToken));
        }

        return TypedResults.Ok(new AblationStudyResponse(id, children, skipped));
    }

    private static async Task<AblationChildResponse> AddChildAsync(
        ModelEntity parent, AblationChild child, CompiledModel compiled, ModelRegistration registration, JobOptionsRequest? jobOptions,
        CancellationToken cancellationToken)
    {
        var removedLayer = child.RemovedLayer.ToString();

        // The same network trained the same way on the same data gives the same result, so it is not trained twice.
        if (await registration.FindReusableAsync(child.Architecture, parent.Id, jobOptions, cancellationToken) is { } existing)
        {
            var latestJob = existing.Jobs.OrderByDescending(job => job.Id).FirstOrDefault();
            return new AblationChildResponse(child.RemovedLayerIndex, removedLayer, child.Change, Reused: true,
                ModelMapping.ToSummary(existing), latestJob is null ? null : JobMapping.ToResponse(latestJob), child.RemovedLayerIndexes);
        }

        var sourceText = ArchitectureWriter.Write(child.Architecture);
        var (model, job) = await registration.AddAsync(compiled, sourceText, parent.Id, [child.Change], jobOptions, cancellationToken);
        return new AblationChildResponse(child.RemovedLayerIndex, removedLayer, child.Change, Reused: false,
            ModelMapping.ToSummary(model), JobMapping.ToResponse(job), child.RemovedLayerIndexes);
    }
}
