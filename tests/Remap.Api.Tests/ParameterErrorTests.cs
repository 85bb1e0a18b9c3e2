using System.Net;
using System.Text.Json;

namespace Remap.Api.Tests;

/// <summary>Query and route values that do not parse, on a server whose worker is off.</summary>
public sealed class ParameterErrorTests(QueueOnlyApiFactory factory) : IClassFixture<QueueOnlyApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Overview_NonIntegerQuery_NamesParameter()
    {
        var response = await client.GetAsync("/api/v1/overview?projection=structure&after=abc");
        var detail = await ReadDetailAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'after'", detail);
        Assert.Contains("'abc'", detail);
        Assert.Contains("an integer", detail);
        Assert.DoesNotContain("body", detail);
    }

    [Fact]
    public async Task Samples_NonIntegerCount_NamesParameter()
    {
        var response = await client.GetAsync("/api/v1/datasets/fashion-mnist-sample/classes/0/samples?count=ten");
        var detail = await ReadDetailAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'count'", detail);
        Assert.Contains("'ten'", detail);
        Assert.DoesNotContain("body", detail);
    }

    [Fact]
    public async Task Glyph_NonIntegerId_ExplainsConstraint()
    {
        var response = await client.GetAsync("/api/v1/models/abc/glyph.svg");
        var detail = await ReadDetailAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("'abc'", detail);
        Assert.Contains("'id'", detail);
        Assert.Contains("an integer", detail);
    }

    [Fact]
    public async Task Samples_NonIntegerClassIndex_ExplainsConstraint()
    {
        var response = await client.GetAsync("/api/v1/datasets/fashion-mnist-sample/classes/abc/samples");
        var detail = await ReadDetailAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("'classIndex'", detail);
        Assert.Contains("an integer", detail);
    }

    [Fact]
    public async Task UnknownModel_KeepsItsOwnDetail()
    {
        var response = await client.GetAsync("/api/v1/models/424242/glyph.svg");
        var detail = await ReadDetailAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("424242", detail);
        Assert.DoesNotContain("must be an integer", detail);
    }

    private static async Task<string> ReadDetailAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString() ?? "";
    }
}
