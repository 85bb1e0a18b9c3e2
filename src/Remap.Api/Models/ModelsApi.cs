using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Remap.Api.Infrastructure;
using Remap.Api.Jobs;
using Remap.Api.Overview;
using Remap.Core.Exploration;
using Remap.Engine.Store;
using Remap.Training.Data;

namespace Remap.Api.Models;

public static class ModelsApi
{
    /// <summary>The response header that carries the cursor of the next page of a model listing.</summary>
    public const string NextCursorHeader = "X-Next-Cursor";

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
            .WithSummary("List models, best validation accuracy first, one page at a time")
            .WithDescription(
                "The order is validation accuracy descending, untrained models last, then id. A page holds at most 'limit' models (default 100, at most 1000). " +
                "When more models follow, the response carries their cursor in the X-Next-Cursor header and a Link header with rel=\"next\"; " +
                "pass the cursor unchanged as 'cursor' to get the next page. The last page has neither header. " +
                "Models added while a client pages appear on a later page or not at all, depending on their accuracy.")
            .WithValidation<ModelListQuery>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        models.MapGet("/{id:long}", GetModel)
            .WithName("GetModel")
            .WithSummary("Get a model with its layer table, metrics, parent, changes and jobs")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<Results<Created<CreatedModelResponse>, Ok<CreatedModelResponse>, ProblemHttpResult>> CreateModel(
        CreateModelRequest request, ModelRegistration registration, RemapDbContext context, StoredArchitectures architectures, CancellationToken cancellationToken)
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

        // The same network trained the same way (settings and job options) on the same data gives the same result, so it is not trained twice.
        if (await registration.FindReusableAsync(architecture, request.ParentId, request.Job, cancellationToken) is { } existing)
        {
            var latestJob = existing.Jobs.OrderByDescending(job => job.Id).First();
            return TypedResults.Ok(new CreatedModelResponse(ModelMapping.ToDetail(existing, existing.Parent?.Name), JobMapping.ToResponse(latestJob), Reused: true));
        }

        // A handcrafted child records what changed from its parent, in the words variations use.
        IReadOnlyList<string> changes = [];
        if (request.ParentId is { } parentModelId)
        {
            var parentText = await context.Models.Where(model => model.Id == parentModelId).Select(model => model.CanonicalText).SingleAsync(cancellationToken);
            var parent = architectures.Get(parentModelId, parentText);
            if (parent.Compiles)
            {
                changes = [.. ArchitectureDiff.Compare(parent.Architecture, architecture).Changes.Select(change => change.Description)];
            }
        }

        var (model, job) = await registration.AddAsync(compiled with { Architecture = architecture }, request.Source, request.ParentId, changes, request.Job, cancellationToken);
        model.Jobs = [job];
        return TypedResults.Created($"/api/v1/models/{model.Id}", new CreatedModelResponse(ModelMapping.ToDetail(model, null), JobMapping.ToResponse(job), Reused: false));
    }

    public static async Task<Results<Ok<List<ModelSummary>>, ProblemHttpResult>> ListModels(
        [AsParameters] ModelListQuery listQuery, RemapDbContext context, DatasetCatalog datasets, HttpContext httpContext, CancellationToken cancellationToken)
    {
        // An unknown dataset is a mistake to report, as the overview does, rather than an empty list that looks like "no models yet".
        if (!string.IsNullOrEmpty(listQuery.Dataset) && await UnknownDatasetAsync(listQuery.Dataset, context, datasets, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var query = context.Models.AsNoTracking();
        if (!string.IsNullOrEmpty(listQuery.ArchitectureHash))
        {
            query = query.Where(model => model.ArchitectureHash == listQuery.ArchitectureHash);
        }

        if (!string.IsNullOrEmpty(listQuery.Dataset))
        {
            query = query.Where(model => model.DatasetName == listQuery.Dataset);
        }

        // The validation filter has accepted the cursor, so it parses.
        if (listQuery.Cursor is { } cursorText && ModelCursor.TryParse(cursorText, out var cursor))
        {
            query = After(query, cursor);
        }

        // Untrained models (no accuracy) go last on every provider, whatever its NULL ordering.
        // Reading one model more than the limit shows whether a next page exists.
        var limit = listQuery.Limit ?? ModelListQuery.DefaultLimit;
        var models = await query
            .OrderBy(model => model.ValidationAccuracy == null)
            .ThenByDescending(model => model.ValidationAccuracy)
            .ThenBy(model => model.Id)
            .Take(limit + 1)
            .ToListAsync(cancellationToken);
        if (models.Count > limit)
        {
            models.RemoveAt(limit);
            var last = models[^1];
            SetNextPage(httpContext, new ModelCursor(last.ValidationAccuracy, last.Id).ToString());
        }

        return TypedResults.Ok(models.Select(ModelMapping.ToSummary).ToList());
    }

    /// <summary>The 400 for a dataset that no model uses and the server does not register (a registered but unreadable one still lists its models), or null.</summary>
    private static async Task<ProblemHttpResult?> UnknownDatasetAsync(string dataset, RemapDbContext context, DatasetCatalog datasets, CancellationToken cancellationToken)
    {
        var registered = datasets.List().Select(info => info.Name).Concat(datasets.FindUnreadable().Select(unreadable => unreadable.Name));
        if (registered.Contains(dataset, StringComparer.Ordinal) || await context.Models.AnyAsync(model => model.DatasetName == dataset, cancellationToken))
        {
            return null;
        }

        var used = await context.Models.Select(model => model.DatasetName).Distinct().ToListAsync(cancellationToken);
        var known = used.Concat(registered).Distinct().Order(StringComparer.Ordinal);
        return Problems.BadRequest("Unknown dataset",
            $"'dataset' is '{dataset}', but no model uses it and the server has no such dataset. Use one of: {string.Join(", ", known)}, or leave it out to list every model.");
    }

    /// <summary>Keeps the models that come after the cursor in the listing order.</summary>
    private static IQueryable<ModelEntity> After(IQueryable<ModelEntity> query, ModelCursor cursor)
    {
        if (cursor.ValidationAccuracy is not { } accuracy)
        {
            return query.Where(model => model.ValidationAccuracy == null && model.Id > cursor.Id);
        }

        return query.Where(model => model.ValidationAccuracy == null
            || model.ValidationAccuracy < accuracy
            || (model.ValidationAccuracy == accuracy && model.Id > cursor.Id));
    }

    /// <summary>Sends the next page's cursor as X-Next-Cursor and as an RFC 8288 Link with the same filters.</summary>
    private static void SetNextPage(HttpContext httpContext, string cursor)
    {
        var request = httpContext.Request;
        var parameters = request.Query
            .Where(pair => !string.Equals(pair.Key, "cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        var next = $"{request.PathBase}{request.Path}{QueryString.Create(parameters)}";
        httpContext.Response.Headers[NextCursorHeader] = cursor;
        httpContext.Response.Headers.Link = $"<{next}>; rel=\"next\"";
    }

    /// <param name="id">The model id, as GET /api/v1/models lists it.</param>
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
