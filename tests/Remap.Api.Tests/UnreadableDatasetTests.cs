using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Remap.Api.Datasets;
using Remap.Api.Models;

namespace Remap.Api.Tests;

/// <summary>A dataset registered on a folder whose files are broken: requests get the reason, the server keeps working.</summary>
public sealed class UnreadableDatasetTests : IDisposable
{
    private readonly QueueOnlyApiFactory factory = new();
    private readonly string datasetFolder = Path.Combine(Path.GetTempPath(), $"remap-broken-dataset-{Guid.NewGuid():N}");

    public UnreadableDatasetTests()
    {
        // The IDX magic number of an image file followed by nothing: a truncated header.
        Directory.CreateDirectory(datasetFolder);
        File.WriteAllBytes(Path.Combine(datasetFolder, "train-images-idx3-ubyte"), [0, 0, 8, 3]);
        factory.Settings["Remap:Datasets:broken"] = datasetFolder;
    }

    public void Dispose()
    {
        factory.Dispose();
        Directory.Delete(datasetFolder, recursive: true);
    }

    [Fact]
    public async Task CreateModel_UnreadableDataset_Returns400WithReason()
    {
        var client = factory.CreateClient();
        var source = Architectures.Tiny.Replace("dataset fashion-mnist-sample", "dataset broken", StringComparison.Ordinal);

        var response = await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(source));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = problem.RootElement.GetProperty("detail").GetString();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'broken' is registered on this server but its files cannot be read", detail);
        Assert.Contains("Remap:Datasets:broken", detail);
    }

    [Fact]
    public async Task CreateModel_UnreadableDatasetOverride_Returns400WithReason()
    {
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(Architectures.Tiny, Dataset: "broken"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot be read", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ListDatasets_LeavesOutUnreadableDataset()
    {
        var client = factory.CreateClient();

        var datasets = await client.GetFromJsonAsync<List<DatasetResponse>>("/api/v1/datasets", RemapApiFactory.Json);

        Assert.NotNull(datasets);
        Assert.Contains(datasets, dataset => dataset.Name == "fashion-mnist-sample");
        Assert.DoesNotContain(datasets, dataset => dataset.Name == "broken");
    }
}
