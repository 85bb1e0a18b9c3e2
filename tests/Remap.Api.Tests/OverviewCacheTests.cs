using System.IO.Compression;
using System.Net.Http.Json;
using Remap.Api.Overview;
using Remap.Engine.Store;

namespace Remap.Api.Tests;

/// <summary>The overview cache: revalidation against the store within the configured interval, and gzip-compressed cached bodies.</summary>
public sealed class OverviewCacheTests
{
    private static (QueueOnlyApiFactory Factory, HttpClient Client) Start(string revalidateInterval)
    {
        var factory = new QueueOnlyApiFactory();
        factory.Settings["Remap:Exploration:LandmarkCount"] = "4";
        factory.Settings["Remap:Exploration:OverviewRevalidateInterval"] = revalidateInterval;
        return (factory, factory.CreateClient());
    }

    private static Task<OverviewResponse?> GetAsync(HttpClient client) =>
        client.GetFromJsonAsync<OverviewResponse>("/api/v1/overview?projection=structure", RemapApiFactory.Json);

    [Fact]
    public async Task Overview_ShowsChangesAfterInterval()
    {
        var (factory, client) = Start("00:00:00.300");
        using var _ = factory;
        var population = await ExplorationApi.SampleAsync(client, 6, seed: 11);
        var first = population.Members[0].Model.Id;
        await GetAsync(client);

        var added = await ExplorationApi.CreateAsync(client, ExplorationApi.Cnn);
        await ExplorationApi.MarkTrainedAsync(factory, first, 0.75);
        await Task.Delay(TimeSpan.FromMilliseconds(350));
        var overview = await GetAsync(client);

        var point = Assert.Single(overview!.Points, point => point.Id == added.Model.Id);
        Assert.NotNull(point.X);
        Assert.Equal(JobStates.Succeeded, overview.Points.Single(point => point.Id == first).Status);
    }

    [Fact]
    public async Task Overview_ServesCacheWithinInterval()
    {
        var (factory, client) = Start("01:00:00");
        using var _ = factory;
        await ExplorationApi.SampleAsync(client, 5, seed: 12);
        var before = await GetAsync(client);

        var added = await ExplorationApi.CreateAsync(client, ExplorationApi.Cnn);
        var cached = await GetAsync(client);

        Assert.DoesNotContain(cached!.Points, point => point.Id == added.Model.Id);
        Assert.Equal(before!.ModelCount, cached.ModelCount);
    }

    [Theory]
    [InlineData("gzip", true)]
    [InlineData("deflate, gzip;q=0.5", true)]
    [InlineData("*", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("br", false)]
    public async Task Overview_GzipWhenAccepted(string acceptEncoding, bool compressed)
    {
        var (factory, client) = Start("00:00:00");
        using var _ = factory;
        await ExplorationApi.SampleAsync(client, 6, seed: 13);
        var plain = await client.GetByteArrayAsync("/api/v1/overview?projection=structure");

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/overview?projection=structure");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var bytes = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(compressed, response.Content.Headers.ContentEncoding.Contains("gzip"));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.Equal(plain, compressed ? Decompress(bytes) : bytes);
        }
    }

    private static byte[] Decompress(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
