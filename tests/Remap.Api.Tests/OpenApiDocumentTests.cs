using System.Text.Json;

namespace Remap.Api.Tests;

public sealed class OpenApiDocumentTests(QueueOnlyApiFactory factory) : IClassFixture<QueueOnlyApiFactory>
{
    private const string UpdateVariable = "REMAP_UPDATE_OPENAPI";

    [Fact]
    public async Task Document_MatchesCommittedFile()
    {
        var served = (await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json")).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var committedPath = Path.Combine(RemapApiFactory.RepositoryRoot(), "openapi", "remap.v1.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(committedPath, served);
        }

        var committed = File.Exists(committedPath) ? (await File.ReadAllTextAsync(committedPath)).ReplaceLineEndings("\n") : "";

        Assert.True(committed == served,
            $"The served OpenAPI document differs from {committedPath}. If the API change is intended, regenerate the file with " +
            $"'{UpdateVariable}=1 dotnet test tests/Remap.Api.Tests --filter OpenApiDocumentTests' and commit it.");
    }

    [Fact]
    public async Task Document_DescribesEveryInput()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var undescribed = new List<string>();

        // The overview endpoints belong to another feature and are checked there.
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(path => !path.Name.StartsWith("/api/v1/overview", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    undescribed.AddRange(parameters.EnumerateArray()
                        .Where(parameter => !parameter.TryGetProperty("description", out _))
                        .Select(parameter => $"{operation.Name} {path.Name} parameter {parameter.GetProperty("name").GetString()}"));
                }

                if (operation.Value.TryGetProperty("requestBody", out var body))
                {
                    foreach (var content in body.GetProperty("content").EnumerateObject())
                    {
                        CollectUndescribed(schemas, content.Value.GetProperty("schema"), [], undescribed);
                    }
                }
            }
        }

        Assert.Empty(undescribed);
    }

    private static void CollectUndescribed(JsonElement schemas, JsonElement schema, HashSet<string> visited, List<string> undescribed)
    {
        foreach (var name in ReferencedSchemas(schema))
        {
            if (!visited.Add(name))
            {
                continue;
            }

            var referenced = schemas.GetProperty(name);
            if (!referenced.TryGetProperty("properties", out var properties))
            {
                continue;
            }

            foreach (var property in properties.EnumerateObject())
            {
                if (!property.Value.TryGetProperty("description", out _))
                {
                    undescribed.Add($"{name}.{property.Name}");
                }

                CollectUndescribed(schemas, property.Value, visited, undescribed);
            }
        }
    }

    private static IEnumerable<string> ReferencedSchemas(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            yield return reference.GetString()!.Split('/')[^1];
        }

        foreach (var nested in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(nested, out var parts))
            {
                foreach (var name in parts.EnumerateArray().SelectMany(ReferencedSchemas))
                {
                    yield return name;
                }
            }
        }

        if (schema.TryGetProperty("items", out var items))
        {
            foreach (var name in ReferencedSchemas(items))
            {
                yield return name;
            }
        }
    }
}
