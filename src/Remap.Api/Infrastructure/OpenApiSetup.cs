using Microsoft.OpenApi;

namespace Remap.Api.Infrastructure;

/// <summary>Swashbuckle's document (served at /swagger/v1/swagger.json, committed as openapi/remap.v1.json) and Swagger UI.</summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddRemapOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Remap API",
                Version = "v1",
                Description =
                    "Stores neural network architectures written in the .remap language, trains them in a job queue and derives ablation studies, " +
                    "variations and populations from them. Layer numbering: JSON fields that hold a layer index (index, layers, beforeIndex, afterIndex, " +
                    "removedLayerIndex) are 0-based, while every message and change text counts layers from 1, so index 0 is \"layer 1\".",
            });
            // The XML documentation of request records and handlers gives every field and parameter its description.
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, $"{typeof(OpenApiSetup).Assembly.GetName().Name}.xml"));

            // OpenAPI 3.0 ignores a description beside a $ref, so a documented property of a record type is written as allOf: [$ref].
            options.UseAllOfToExtendReferenceSchemas();
            options.AddSecurityDefinition(ApiKeyFilter.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The server's API key (Remap:ApiKey). Needed only when the server has one configured.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyFilter.SchemeName, document)] = [],
            });
        });
        return services;
    }

    public static WebApplication UseRemapOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options => options.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "Remap API v1"));
        return app;
    }
}
