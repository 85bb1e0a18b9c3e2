using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Remap.Api.Infrastructure;
using Remap.Api.Jobs;
using Remap.Engine.Store;

namespace Remap.Api.Models;

public static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this RouteGroupBuilder api)
    {
        var models = api.MapGroup("/models").WithTags("Models");

        models.MapPost("/", CreateModel)
            .WithName("CreateModel")
            .WithSummary("Compile a .remap architecture and queue its training, or return the same queued, running or trained model")
            .WithDescription(
                "Returns 201 with a new model and its queued job, or 200 with the existing model (reused = true) when a model with the same " +
                "architecture hash, dataset and training hash is queued, running or succeeded. A failed or cancelled model is trained again as a new model.")
            .WithValidation<CreateModelRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        models.MapGet("/", ListModels)
            .WithName("ListModels")
            .WithSummary("List models, best validation accuracy first");
        models.MapGet("/{id:long}", GetModel)
            .WithName("GetModel")
            .WithSummary("Get a model with its layer table, metrics, parent, changes and jobs")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<Results<Created<CreatedModelResponse>, Ok<CreatedModelResponse>, ProblemHttpResult>> CreateModel(
        CreateModelRequest request, ModelRegistration registration, RemapDbContext context, CancellationToken cancellationToken)
    {
        if (request.ParentId is { } parentId && !await context.Models.AnyAsync(model => model.Id == parentId, cancellationToken))
        {
            return Problems.BadRequest("Parent model not found", $"'parentId' is {parentId}, but no model has that id. Leave it out or pass an existing model's id.");
        }

        var compiled = registration.Compile(request.Source, request.Dataset, cancellationToken);
        if (!compiled.Succeeded)
        {
            return ArchitectureProblem(compiled);
        }

        var architecture = compiled.Architecture!.WithTraining(TrainingSettingsMapping.Apply(compiled.Architecture.Training, request.Training));
        if (request.Name is { } name)
        {
            architecture = architecture.WithName(name);
        }

        // The same network trained the same way on the same data gives the same result, so it is not trained twice.
        if (await registration.FindReusableAsync(architecture, cancellationToken) is { } existing)
        {
            var latestJob = existing.Jobs.OrderByDescending(job => job.Id).First();
            return TypedResults.Ok(new CreatedModelResponse(ModelMapping.ToDetail(existing, existing.Parent?.Name), JobMapping.ToResponse(latestJob), Reused: true));
        }

        var (model, job) = await registration.AddAsync(compiled with { Architecture = architecture }, request.Source, request.ParentId, [], request.Job, cancellationToken);
        model.Jobs = [job];
        return TypedResults.Created($"/api/v1/models/{model.Id}", new CreatedModelResponse(ModelMapping.ToDetail(model, null), JobMapping.ToResponse(job), Reused: false));
    }

    public static async Task<Ok<List<ModelSummary>>> ListModels(
        RemapDbContext context, string? architectureHash, string? dataset, CancellationToken cancellationToken)
    {
        var query = context.Models.AsNoTracking();
        if (!string.IsNullOrEmpty(architectureHash))
        {
            query = query.Where(model => model.ArchitectureHash == architectureHash);
        }

        if (!string.IsNullOrEmpty(dataset))
        {
            query = query.Where(model => model.DatasetName == dataset);
        }

        // TODO: page the listing (limit and cursor) before stores grow to many thousands of models.
        // Untrained models (no accuracy) go last on every provider, whatever its NULL ordering.
        var models = await query
            .OrderBy(model => model.ValidationAccuracy == null)
            .ThenByDescending(model => model.ValidationAccuracy)
            .ThenBy(model => model.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(models.Select(ModelMapping.ToSummary).ToList());
    }

    public static async Task<Results<Ok<ModelDetail>, ProblemHttpResult>> GetModel(long id, RemapDbContext context, CancellationToken cancellationToken)
    {
        var model = await context.Models
            .AsNoTracking()
            .Include(row => row.Jobs)
            .Include(row => row.Runs)
            .Include(row => row.Parent)
            .AsSplitQuery()
            .SingleOrDefaultAsync(row => row.Id == id, cancellationToken);
        if (model is null)
        {
            return Problems.NotFound("Model", id);
        }

        return TypedResults.Ok(ModelMapping.ToDetail(model, model.Parent?.Name));
    }

    /// <summary>Builds the 400 response for text that does not compile, with every diagnostic's position and code.</summary>
    public static ProblemHttpResult ArchitectureProblem(CompiledModel compiled)
    {
        var errors = compiled.Diagnostics.Where(diagnostic => diagnostic.IsError).ToList();
        var detail = compiled.Problem
            ?? $"The architecture has {errors.Count} error(s); the first is at line {errors[0].Line}, column {errors[0].Column}: {errors[0].Message}";
        return Problems.BadRequest("Invalid architecture", detail, new Dictionary<string, object?>
        {
            ["diagnostics"] = compiled.Diagnostics.Select(ModelMapping.ToResponse).ToList(),
        });
    }
}
