using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Remap.Api.Ablations;
using Remap.Api.Datasets;
using Remap.Api.Events;
using Remap.Api.Glyphs;
using Remap.Api.Infrastructure;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Remap.Api.Overview;
using Remap.Api.Populations;
using Remap.Api.Variations;
using Remap.Engine;
using Remap.Engine.Sqlite;
using Remap.Engine.Store;

namespace Remap.Api;

/// <summary>
/// Builds the Remap server: the HTTP API, its store and, unless disabled, a training worker.
/// <c>Program</c> runs it; <c>remap serve</c> and <c>remap demo</c> host the same application in their own process.
/// </summary>
public static class RemapServer
{
    /// <summary>Builds the application from command-line style settings (for example <c>--Remap:DatabasePath=remap.db</c>).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        ServerLogging.AddDefaults(builder.Configuration);

        // Settings: the Remap section carries the server's and the engine's keys.
        var remapSection = builder.Configuration.GetSection(ServerOptions.SectionName);
        var serverOptions = remapSection.Get<ServerOptions>() ?? new ServerOptions();
        serverOptions.DatabasePath = Path.GetFullPath(serverOptions.DatabasePath);
        builder.Services.Configure<ServerOptions>(options =>
        {
            remapSection.Bind(options);
            options.DatabasePath = serverOptions.DatabasePath;
        });
        ListenAddressGuard.Apply(builder, serverOptions);

        // Store and job engine (the worker runs in this process unless Remap:WorkerEnabled is false).
        builder.Services.AddDbContextFactory<RemapDbContext>(options => options.UseRemapSqlite(serverOptions.DatabasePath));
        // Checkpoints, final weights and TensorBoard files go beside the database unless Remap:RunsDirectory names a folder.
        var runsDirectory = Path.Combine(Path.GetDirectoryName(serverOptions.DatabasePath)!, "runs");
        builder.Services.AddRemapEngine(options =>
        {
            remapSection.Bind(options);
            options.RunsDirectory = Path.GetFullPath(options.RunsDirectory ?? runsDirectory);
        });

        // HTTP: problem details for every error, validators, the OpenAPI document.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            BadRequestExceptionHandler.DescribeUnsupportedMediaType(context);
            ParameterProblems.DescribeRouteConstraintMiss(context);
            ParameterProblems.DescribeUnknownRoute(context);
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();

        // Minimal APIs throw BadHttpRequestException for an unreadable body, so the handler above can report the JSON error.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        // A misspelt field in a request body is an error rather than silently ignored. This applies to the API's own
        // reading only: the CLI and the language server keep their options, so clients still read responses that gain fields.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);

        builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
        builder.Services.AddSingleton<ApiKeyFilter>();
        builder.Services.AddScoped<ModelRegistration>();
        builder.Services.AddScoped<DerivedModels>();

        // Exploration: landmark distances, projections and the overview cache.
        builder.Services.Configure<ExplorationOptions>(builder.Configuration.GetSection(ExplorationOptions.SectionName));
        builder.Services.AddSingleton<StoredArchitectures>();
        builder.Services.AddSingleton<OverviewCache>();
        builder.Services.AddScoped<LandmarkIndex>();
        builder.Services.AddScoped<PredictionBitsets>();
        builder.Services.AddScoped<ProjectionService>();
        builder.Services.AddScoped<OverviewService>();
        builder.Services.AddRemapOpenApi();

        var app = builder.Build();
        ServerLogging.LogSettingsAtStart(app, serverOptions);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRemapOpenApi();

        var api = app.MapGroup("/api/v1").AddEndpointFilter<ApiKeyFilter>().ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapModelsApi();
        api.MapJobsApi();
        api.MapAblationsApi();
        api.MapDatasetsApi();
        api.MapEventsApi();
        api.MapOverviewApi();
        api.MapPopulationsApi();
        api.MapVariationsApi();
        api.MapModelDiffApi();
        api.MapGlyphApi();
        api.MapSamplesApi();

        return app;
    }
}
