using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Remap.Api.Infrastructure;
using Remap.Engine.Store;
using Remap.Training.Data;

namespace Remap.Api.Overview;

public static class OverviewApi
{
    private const int DefaultLimit = 10_000;

    public static RouteGroupBuilder MapOverviewApi(this RouteGroupBuilder api)
    {
        var overview = api.MapGroup("/overview").WithTags("Overview");
        overview.MapGet("/", GetOverview)
            .WithName("GetOverview")
            .WithSummary("Every model of a dataset as a point of the structure, prediction or accuracy-size view, paged or thinned")
            .WithDescription(
                "Projections are cached: a landmark-MDS layout is fitted once and later models are placed with the same basis without moving the others, " +
                "until POST /api/v1/overview/recompute. t-SNE places new models only on recompute, and its time grows with the square of the model count, " +
                "so it is rejected (400) above Remap:Exploration:MaxTsneModels models (3,000 by default) or, in the structure view, above " +
                "Remap:Exploration:MaxTsneStructureModels (1,000 by default). Each point carries accuracy, parameter count, status, " +
                "parent and the layers' short form; classIndex adds the test accuracy on one class. Page with limit and after (nextAfter), thin with maxPoints, " +
                "and pass focus to get one model's point whatever the page. A request with Accept-Encoding: gzip gets the same JSON gzip-compressed " +
                "(Content-Encoding: gzip), compressed once per cached response; 10,000 points are about 3 MiB of JSON and several times smaller compressed. " +
                "A cached view is revalidated against the store at most once per Remap:Exploration:OverviewRevalidateInterval (1 s by default), " +
                "so a new model or a finished job shows up within that interval.")
            .WithValidation<OverviewQuery>()
            .Produces<OverviewResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        overview.MapPost("/recompute", Recompute)
            .WithName("RecomputeProjection")
            .WithSummary("Fit a structure or prediction projection again on every model; points may all move")
            .WithValidation<RecomputeProjectionRequest>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetOverview(
        [AsParameters] OverviewQuery query, OverviewService overview, RemapDbContext context, DatasetCatalog datasets,
        IOptions<JsonOptions> jsonOptions, OverviewCache cache, TimeProvider timeProvider, IOptions<ExplorationOptions> options,
        ILogger<OverviewService> logger, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var resolved = await ResolveDatasetAsync(query.Dataset, context, datasets, cancellationToken,
            (cache, timeProvider, options.Value.OverviewRevalidateInterval));
        if (resolved.Problem is { } problem)
        {
            return problem;
        }

        var dataset = resolved.Dataset!;
        if (query.ClassIndex is { } classIndex && datasets.Find(dataset) is { } info && classIndex >= info.Classes)
        {
            return Problems.BadRequest("Class index out of range",
                $"'classIndex' is {classIndex}, but dataset '{dataset}' has {info.Classes} classes: use 0 to {info.Classes - 1}.");
        }

        var view = query.Projection ?? ProjectionKinds.Structure;
        var method = view == ProjectionKinds.AccuracySize ? "" : query.Method ?? ProjectionKinds.LandmarkMds;
        OverviewSnapshot snapshot;
        try
        {
            snapshot = await overview.GetAsync(dataset, view, method, cancellationToken);
        }
        catch (ProjectionException exception)
        {
            ExplorationLog.ProjectionRejected(logger, view, method, dataset, exception.Message);
            return Problems.BadRequest("Projection not possible", exception.Message);
        }

        // A focus id the overview lacks is a client error, not a response with a null focus the client could miss.
        if (query.Focus is { } focusId && OverviewPaging.FindById(snapshot.Entries, focusId) is null)
        {
            return TypedResults.Problem(title: "Focus model not found",
                detail: $"'focus' is {focusId}, but no model with that id is in the overview of dataset '{dataset}'. " +
                    "Pass the id of a model of that dataset (GET /api/v1/models lists them), or leave focus out.",
                statusCode: StatusCodes.Status404NotFound);
        }

        // Repeated queries on an unchanged store get the bytes serialised (and gzip-compressed) the first time.
        var normalised = query with { Dataset = dataset, Projection = view, Method = method };
        var body = snapshot.Response(normalised, () =>
            JsonSerializer.SerializeToUtf8Bytes(OverviewPaging.Page(snapshot, dataset, view, query, query.Limit ?? DefaultLimit), jsonOptions.Value.SerializerOptions));
        httpContext.Response.Headers.Vary = "Accept-Encoding";
        if (AcceptsGzip(httpContext.Request))
        {
            httpContext.Response.Headers.ContentEncoding = "gzip";
            return TypedResults.File(body.Gzip, "application/json");
        }

        return TypedResults.File(body.Json, "application/json");
    }

    /// <summary>True when the request's Accept-Encoding lists gzip (or *) without q=0.</summary>
    private static bool AcceptsGzip(HttpRequest request)
    {
        foreach (var value in request.Headers.AcceptEncoding)
        {
            foreach (var part in (value ?? "").Split(','))
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                if (pieces[0] is not ("gzip" or "*"))
                {
                    continue;
                }

                var refused = pieces.Skip(1).Any(parameter => parameter.Replace(" ", "") is "q=0" or "q=0.0" or "q=0.00" or "q=0.000");
                if (!refused)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static async Task<Results<Ok<OverviewProjectionInfo>, ProblemHttpResult>> Recompute(
        RecomputeProjectionRequest request, OverviewService overview, RemapDbContext context, DatasetCatalog datasets,
        IOptions<ExplorationOptions> options, ILogger<OverviewService> logger, CancellationToken cancellationToken)
    {
        var resolved = await ResolveDatasetAsync(request.Dataset, context, datasets, cancellationToken);
        if (resolved.Problem is { } problem)
        {
            return problem;
        }

        var method = request.Method ?? ProjectionKinds.LandmarkMds;
        try
        {
            var info = await overview.RecomputeAsync(resolved.Dataset!, request.Projection, method, request.Seed ?? options.Value.Seed, cancellationToken);
            return TypedResults.Ok(info);
        }
        catch (ProjectionException exception)
        {
            ExplorationLog.ProjectionRejected(logger, request.Projection, method, resolved.Dataset!, exception.Message);
            return Problems.BadRequest("Projection not possible", exception.Message);
        }
    }

    /// <summary>Uses the named dataset, or the only dataset the models (or, without models, the server) have.</summary>
    private static async Task<(string? Dataset, ProblemHttpResult? Problem)> ResolveDatasetAsync(
        string? requested, RemapDbContext context, DatasetCatalog datasets, CancellationToken cancellationToken,
        (OverviewCache Cache, TimeProvider Time, TimeSpan Interval)? reuse = null)
    {
        if (requested is not null && datasets.Find(requested) is not null)
        {
            return (requested, null);
        }

        // Overview requests reuse the list of used datasets for as long as they reuse a snapshot.
        IReadOnlyList<string> used;
        var now = reuse?.Time.GetTimestamp() ?? 0;
        if (reuse is { } cached && cached.Cache.UsedDatasets is { } known && cached.Time.GetElapsedTime(known.ReadAt, now) < cached.Interval)
        {
            used = known.Datasets;
        }
        else
        {
            used = await context.Models.Select(model => model.DatasetName).Distinct().OrderBy(name => name).ToListAsync(cancellationToken);
            if (reuse is { } store)
            {
                store.Cache.UsedDatasets = (used, now);
            }
        }

        if (requested is not null)
        {
            if (!used.Contains(requested) && datasets.Find(requested) is null)
            {
                return (null, Problems.BadRequest("Unknown dataset",
                    $"'dataset' is '{requested}', but no model uses it and the server has no such dataset. Use one of: {string.Join(", ", used.Concat(datasets.List().Select(info => info.Name)).Distinct())}."));
            }

            return (requested, null);
        }

        var candidates = used.Count > 0 ? used : [.. datasets.List().Select(info => info.Name)];
        return candidates.Count == 1
            ? (candidates[0], null)
            : (null, Problems.BadRequest("Dataset needed",
                $"The models use {candidates.Count} datasets ({string.Join(", ", candidates)}), so the overview needs 'dataset': add ?dataset=NAME."));
    }
}
