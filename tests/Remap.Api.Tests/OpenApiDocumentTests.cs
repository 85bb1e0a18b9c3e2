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
}
