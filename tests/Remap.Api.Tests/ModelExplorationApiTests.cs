using System.Net;
using System.Net.Http.Json;
using System.Text;
using Remap.Api.Ablations;
using Remap.Api.Datasets;
using Remap.Api.Models;

namespace Remap.Api.Tests;

/// <summary>Ablation options, handcrafted lineage, diffs, glyphs and class samples, on a server whose worker is off.</summary>
public sealed class ModelExplorationApiTests(QueueOnlyApiFactory factory) : IClassFixture<QueueOnlyApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<long> TrainedCnnAsync()
    {
        var parent = await ExplorationApi.CreateAsync(client, ExplorationApi.Cnn);
        if (parent.Model.Status != "succeeded")
        {
            await ExplorationApi.MarkTrainedAsync(factory, parent.Model.Id, 0.8);
        }

        return parent.Model.Id;
    }

    [Fact]
    public async Task Ablation_BlocksRemoveConvGroups()
    {
        var parentId = await TrainedCnnAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/ablations", new CreateAblationStudyRequest(Blocks: true));
        var study = await response.Content.ReadFromJsonAsync<AblationStudyResponse>(RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([[0, 1, 2], [3, 4, 5]], study!.Children.Select(child => child.RemovedLayerIndexes.ToArray()));
        Assert.All(study.Children, child => Assert.Equal(parentId, child.Model.ParentId));
    }

    [Fact]
    public async Task Ablation_ChosenLayersOnly()
    {
        var parentId = await TrainedCnnAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/ablations", new CreateAblationStudyRequest(Layers: [1, 4]));
        var study = await response.Content.ReadFromJsonAsync<AblationStudyResponse>(RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([1, 4], study!.Children.Select(child => child.RemovedLayerIndex));
    }

    [Fact]
    public async Task Ablation_WithoutBodyRemovesEachLayer()
    {
        var parentId = await TrainedCnnAsync();

        var response = await client.PostAsync($"/api/v1/models/{parentId}/ablations", null);
        var study = await response.Content.ReadFromJsonAsync<AblationStudyResponse>(RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, study!.Children.Count + study.Skipped.Count);
    }

    [Fact]
    public async Task Ablation_RejectsNegativeLayer()
    {
        var parentId = await TrainedCnnAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/ablations", new CreateAblationStudyRequest(Layers: [-1]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Ablation_RejectsFinalDenseLayer()
    {
        var parentId = await TrainedCnnAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/ablations", new CreateAblationStudyRequest(Layers: [7]));
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("final dense layer", problem.RootElement.GetProperty("detail").GetString());
        Assert.Contains("index 7 (layer 8)", problem.RootElement.GetProperty("detail").GetString());
        Assert.Contains("(layers 1 to 7)", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Ablation_EmptyLayersNamesJsonProperty()
    {
        var parentId = await TrainedCnnAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/ablations", new CreateAblationStudyRequest(Layers: []));
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("'layers' is empty", problem.RootElement.GetProperty("errors").GetProperty("layers")[0].GetString());
    }

    [Fact]
    public async Task Ablation_ChangeTextsCountFromOne()
    {
        var parentId = await TrainedCnnAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/ablations", new CreateAblationStudyRequest(Layers: [0, 3], Blocks: true));
        var study = await response.Content.ReadFromJsonAsync<AblationStudyResponse>(RemapApiFactory.Json);

        Assert.Equal(["removed the block of layers 1 to 3 (conv8k3p1, relu, max2)", "removed the block of layers 4 to 6 (conv16k3p1, relu, max2)"],
            study!.Children.Select(child => child.Change));
    }

    [Fact]
    public async Task Handcrafted_ChildRecordsChanges()
    {
        var parentId = await TrainedCnnAsync();
        var edited = ExplorationApi.Cnn.Replace("conv2d filters=16", "conv2d filters=32").Replace("flatten", "dropout rate=0.2\nflatten");

        var child = await ExplorationApi.CreateAsync(client, edited, parentId);

        Assert.Equal(parentId, child.Model.ParentId);
        Assert.Equal(
            ["changed layer 4 conv2d: filters 16 → 32", "inserted dropout rate=0.2 before layer 7 (flatten)"],
            child.Model.Changes);
    }

    [Fact]
    public async Task Diff_ListsChangedLayersWithParameters()
    {
        var first = await ExplorationApi.CreateAsync(client, ExplorationApi.Cnn);
        var second = await ExplorationApi.CreateAsync(client, ExplorationApi.Cnn.Replace("relu", "tanh").Replace("kernel=3 padding=same\ntanh\nmaxpool2d size=2\nflatten", "kernel=5 padding=same\ntanh\nmaxpool2d size=2\nflatten"));

        var diff = await client.GetFromJsonAsync<ModelDiffResponse>($"/api/v1/models/{first.Model.Id}/diff/{second.Model.Id}", RemapApiFactory.Json);

        Assert.Equal(["reparameterised", "replaced", "replaced"], diff!.Changes.Select(change => change.Kind).Order());
        var kernel = diff.Changes.Single(change => change.Kind == "reparameterised");
        Assert.Equal(3, kernel.BeforeParameters!["kernel"]);
        Assert.Equal(5, kernel.AfterParameters!["kernel"]);
        Assert.True(diff.StructuralDistance > 0);
        Assert.Null(diff.PredictionDistance);
    }

    [Fact]
    public async Task Diff_SameModelIsEmpty()
    {
        var model = await ExplorationApi.CreateAsync(client, ExplorationApi.Cnn);

        var diff = await client.GetFromJsonAsync<ModelDiffResponse>($"/api/v1/models/{model.Model.Id}/diff/{model.Model.Id}", RemapApiFactory.Json);

        Assert.Empty(diff!.Changes);
        Assert.Equal(0, diff.StructuralDistance);
    }

    [Fact]
    public async Task Diff_UnknownModelReturns404()
    {
        var model = await ExplorationApi.CreateAsync(client, ExplorationApi.Cnn);

        var response = await client.GetAsync($"/api/v1/models/{model.Model.Id}/diff/876543");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Glyph_DrawsOneBlockPerLayer()
    {
        var model = await ExplorationApi.CreateAsync(client, ExplorationApi.Cnn);

        var response = await client.GetAsync($"/api/v1/models/{model.Model.Id}/glyph.svg");
        var svg = await response.Content.ReadAsStringAsync();

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(8, svg.Split("<rect ").Length - 1);
        Assert.Contains("data-kind=\"conv2d\"", svg);
    }

    [Fact]
    public async Task Glyph_UnknownModelReturns404()
    {
        var response = await client.GetAsync("/api/v1/models/765432/glyph.svg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Samples_ReturnsPngSprite()
    {
        var response = await client.GetAsync($"/api/v1/datasets/{ExplorationApi.Dataset}/classes/3/samples?count=4");
        var png = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([137, 80, 78, 71, 13, 10, 26, 10], png[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(4 * 28, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(28, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Equal("4", response.Headers.GetValues(SamplesApi.TileCountHeader).Single());
    }

    [Theory]
    [InlineData(10, 5)]
    [InlineData(-1, 5)]
    [InlineData(2, 0)]
    [InlineData(2, 101)]
    public async Task Samples_RejectsOutOfRange(int classIndex, int count)
    {
        var response = await client.GetAsync($"/api/v1/datasets/{ExplorationApi.Dataset}/classes/{classIndex}/samples?count={count}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Samples_UnknownDatasetReturns404()
    {
        var response = await client.GetAsync("/api/v1/datasets/no-such-dataset/classes/0/samples");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
