using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remap.Api.Overview;
using Remap.Engine.Store;

namespace Remap.Api.Tests;

/// <summary>GET /api/v1/overview and its recompute, each test on its own store with few landmarks.</summary>
public sealed class OverviewApiTests : IDisposable
{
    private readonly QueueOnlyApiFactory factory = new();
    private readonly HttpClient client;

    public OverviewApiTests()
    {
        factory.Settings["Remap:Exploration:LandmarkCount"] = "4";
        factory.Settings["Remap:Exploration:MaxTsneModels"] = "30";

        // Every request checks the store, so a model added just before a request is in its response.
        factory.Settings["Remap:Exploration:OverviewRevalidateInterval"] = "00:00:00";
        client = factory.CreateClient();
    }

    public void Dispose() => factory.Dispose();

    private Task<OverviewResponse?> GetAsync(string query) =>
        client.GetFromJsonAsync<OverviewResponse>($"/api/v1/overview?{query}", RemapApiFactory.Json);

    [Fact]
    public async Task Overview_StructurePlacesEveryModel()
    {
        var population = await ExplorationApi.SampleAsync(client, 8, seed: 1);

        var overview = await GetAsync("projection=structure");

        var distinct = population.Members.Select(member => member.Model.Id).Distinct().Count();
        Assert.Equal(distinct, overview!.ModelCount);
        Assert.Equal(distinct, overview.PlacedCount);
        Assert.All(overview.Points, point => Assert.NotNull(point.X));
        Assert.All(overview.Points, point => Assert.False(string.IsNullOrEmpty(point.Layers)));
        Assert.Equal(4, overview.ProjectionInfo!.LandmarkCount);
        Assert.Equal("landmark-mds", overview.ProjectionInfo.Method);
    }

    [Fact]
    public async Task Overview_GlyphStoredOrCompiled()
    {
        var population = await ExplorationApi.SampleAsync(client, 4, seed: 3);
        var ids = population.Members.Select(member => member.Model.Id).Distinct().ToList();
        var before = (await GetAsync("projection=accuracy-size"))!.Points.ToDictionary(point => point.Id, Glyph);

        // The output sizes are the products of the layer table's output shapes, one per layer.
        var detail = await client.GetFromJsonAsync<ModelDetailShape>($"/api/v1/models/{ids[0]}", RemapApiFactory.Json);
        var expected = detail!.Layers.Select(layer => layer.OutputShape.Aggregate(1L, (product, dimension) => product * dimension));
        Assert.Equal(string.Join(',', expected), before[ids[0]].OutputSizes);

        // A model stored before the short form and the output sizes had columns gets them compiled from its canonical text.
        await using (var context = await factory.Services.GetRequiredService<IDbContextFactory<RemapDbContext>>().CreateDbContextAsync())
        {
            Assert.All(await context.Models.Select(model => model.ShortForm).ToListAsync(), stored => Assert.False(string.IsNullOrEmpty(stored)));
            Assert.All(await context.Models.Select(model => model.OutputSizes).ToListAsync(), stored => Assert.False(string.IsNullOrEmpty(stored)));
            await context.Models.Where(model => model.Id == ids[0]).ExecuteUpdateAsync(update => update.SetProperty(model => model.ShortForm, (string?)null));
            await context.Models.Where(model => model.Id == ids[1]).ExecuteUpdateAsync(update => update.SetProperty(model => model.OutputSizes, (string?)null));
        }

        using var restarted = new QueueOnlyApiFactory(factory.Directory);
        var after = await restarted.CreateClient().GetFromJsonAsync<OverviewResponse>("/api/v1/overview?projection=accuracy-size", RemapApiFactory.Json);

        Assert.Equal(before, after!.Points.ToDictionary(point => point.Id, Glyph));
    }

    private static (string Layers, string OutputSizes) Glyph(OverviewPoint point) => (point.Layers, string.Join(',', point.OutputSizes));

    private sealed record LayerShape(int[] OutputShape);

    private sealed record ModelDetailShape(LayerShape[] Layers);

    [Fact]
    public async Task Overview_EmptyDataset_HasNoPoints()
    {
        var response = await client.GetAsync($"/api/v1/overview?projection=structure&dataset={ExplorationApi.Dataset}");
        var overview = await response.Content.ReadFromJsonAsync<OverviewResponse>(RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, overview!.ModelCount);
        Assert.Empty(overview.Points);
    }

    [Fact]
    public async Task Overview_FirstViewOfOneModel_IsFittedAgainAsModelsArrive()
    {
        // A view fitted on one model has a basis of one landmark, which would place every later model on one spot.
        await ExplorationApi.SampleAsync(client, 1, seed: 5);
        var first = await GetAsync("projection=structure");
        Assert.Equal(1, first!.ProjectionInfo!.LandmarkCount);

        await ExplorationApi.SampleAsync(client, 6, seed: 6);
        var after = await GetAsync("projection=structure");

        Assert.Equal(4, after!.ProjectionInfo!.LandmarkCount);
        Assert.True(after.Points.Select(point => (point.X, point.Y)).Distinct().Count() > 1, "every model was placed on one spot");
    }

    [Fact]
    public async Task Overview_NewModelsDoNotMoveOthers()
    {
        await ExplorationApi.SampleAsync(client, 6, seed: 2);
        var before = await GetAsync("projection=structure");

        await ExplorationApi.SampleAsync(client, 6, seed: 3);
        var after = await GetAsync("projection=structure");

        Assert.True(after!.ModelCount > before!.ModelCount);
        Assert.Equal(after.ModelCount, after.PlacedCount);
        foreach (var point in before.Points)
        {
            var same = after.Points.Single(other => other.Id == point.Id);
            Assert.Equal((point.X, point.Y), (same.X, same.Y));
        }

        Assert.Equal(after.ModelCount - before.ModelCount, after.ProjectionInfo!.PlacedOutOfSample);
    }

    [Fact]
    public async Task Overview_RecomputeRefitsOnEveryModel()
    {
        await ExplorationApi.SampleAsync(client, 6, seed: 4);
        await GetAsync("projection=structure");
        await ExplorationApi.SampleAsync(client, 3, seed: 5);

        var response = await client.PostAsJsonAsync("/api/v1/overview/recompute", new RecomputeProjectionRequest("structure"));
        var info = await response.Content.ReadFromJsonAsync<OverviewProjectionInfo>(RemapApiFactory.Json);
        var overview = await GetAsync("projection=structure");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, info!.PlacedOutOfSample);
        Assert.Equal(0, overview!.ProjectionInfo!.PlacedOutOfSample);
        Assert.Equal(overview.ModelCount, overview.PlacedCount);
    }

    [Fact]
    public async Task Overview_PredictionPlacesTrainedModelsOnly()
    {
        var population = await ExplorationApi.SampleAsync(client, 6, seed: 6);
        var ids = population.Members.Select(member => member.Model.Id).Distinct().ToList();
        var random = new Random(1);
        foreach (var id in ids.Take(4))
        {
            var bits = new byte[125];
            random.NextBytes(bits);
            await ExplorationApi.MarkTrainedAsync(factory, id, 0.5 + random.NextDouble() / 2, bits);
        }

        var overview = await GetAsync("projection=prediction");

        Assert.Equal(ids.Count, overview!.ModelCount);
        Assert.Equal(4, overview.PlacedCount);
        Assert.Equal(ids.Take(4).Order(), overview.Points.Where(point => point.X is not null).Select(point => point.Id));
    }

    [Fact]
    public async Task Overview_AccuracySizeUsesAccuracyAndLogParameters()
    {
        var population = await ExplorationApi.SampleAsync(client, 3, seed: 7);
        var model = population.Members[0].Model;
        await ExplorationApi.MarkTrainedAsync(factory, model.Id, 0.75);

        var overview = await GetAsync("projection=accuracy-size&classIndex=9");

        var point = overview!.Points.Single(candidate => candidate.Id == model.Id);
        Assert.Equal(0.75, point.X);
        Assert.Equal(Math.Log10(model.ParameterCount), point.Y!.Value, 1e-9);
        Assert.Equal(0.75, point.ClassAccuracy!.Value, 1e-9);
        Assert.Null(overview.ProjectionInfo);
    }

    [Fact]
    public async Task Overview_PagesWithCursorAndFocus()
    {
        await ExplorationApi.SampleAsync(client, 10, seed: 8);
        var all = await GetAsync("projection=structure");

        var first = await GetAsync("projection=structure&limit=3");
        var second = await GetAsync($"projection=structure&limit=3&after={first!.NextAfter}&focus={all!.Points[^1].Id}");

        Assert.Equal(all.Points.Take(3).Select(point => point.Id), first.Points.Select(point => point.Id));
        Assert.Equal(all.Points.Skip(3).Take(3).Select(point => point.Id), second!.Points.Select(point => point.Id));
        Assert.Equal(all.Points[^1].Id, second.Focus!.Id);
        Assert.Equal(all.Points[^1].X, second.Focus.X);
    }

    [Fact]
    public async Task Overview_UnknownFocus_Returns404()
    {
        await ExplorationApi.SampleAsync(client, 2, seed: 12);

        var response = await client.GetAsync("/api/v1/overview?projection=structure&focus=999999");
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("999999", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Overview_ThinsToMaxPoints()
    {
        await ExplorationApi.SampleAsync(client, 30, seed: 9);

        var overview = await GetAsync("projection=structure&maxPoints=10");

        Assert.InRange(overview!.Points.Count, 1, 10);
        Assert.Equal(overview.ModelCount > 10, overview.Thinned);
    }

    [Fact]
    public async Task Overview_TsneLayoutIsDeterministic()
    {
        await ExplorationApi.SampleAsync(client, 12, seed: 10);

        var first = await GetAsync("projection=structure&method=tsne");
        await client.PostAsJsonAsync("/api/v1/overview/recompute", new RecomputeProjectionRequest("structure", Method: "tsne", Seed: 1));
        var second = await GetAsync("projection=structure&method=tsne");

        Assert.Equal(first!.Points.Select(point => (point.X, point.Y)), second!.Points.Select(point => (point.X, point.Y)));
    }

    [Fact]
    public async Task Overview_TsneRejectsTooManyModels()
    {
        await ExplorationApi.SampleAsync(client, 40, seed: 11);

        var response = await client.GetAsync("/api/v1/overview?projection=structure&method=tsne");
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("landmark-mds", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Overview_TsneStructureLimitNamesCountAndSetting()
    {
        using var limited = new QueueOnlyApiFactory();
        limited.Settings["Remap:Exploration:LandmarkCount"] = "4";
        limited.Settings["Remap:Exploration:MaxTsneStructureModels"] = "5";
        using var limitedClient = limited.CreateClient();
        var population = await ExplorationApi.SampleAsync(limitedClient, 8, seed: 14);
        var count = population.Members.Select(member => member.Model.Id).Distinct().Count();

        var response = await limitedClient.GetAsync("/api/v1/overview?projection=structure&method=tsne");
        using var problem = await ExplorationApi.ReadJsonAsync(response);
        var detail = problem.RootElement.GetProperty("detail").GetString();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"has {count} models, more than the 5", detail);
        Assert.Contains("MaxTsneStructureModels", detail);
        Assert.Contains("method=landmark-mds", detail);
    }

    [Theory]
    [InlineData("projection=shape", "projection")]
    [InlineData("projection=structure&limit=0", "'limit' must be between 1 and 50000")]
    [InlineData("projection=accuracy-size&method=tsne", "method")]
    [InlineData("projection=structure&method=umap", "method")]
    public async Task Overview_RejectsBadQuery(string query, string field)
    {
        var response = await client.GetAsync($"/api/v1/overview?{query}");
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, problem.RootElement.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task Overview_RejectsClassIndexOutOfRange()
    {
        await ExplorationApi.SampleAsync(client, 2, seed: 12);

        var response = await client.GetAsync("/api/v1/overview?projection=accuracy-size&classIndex=10");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Recompute_RejectsAccuracySize()
    {
        var response = await client.PostAsJsonAsync("/api/v1/overview/recompute", new RecomputeProjectionRequest("accuracy-size"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("needs no fit", body);
        Assert.Contains("only structure and prediction can be recomputed", body);
    }
}
