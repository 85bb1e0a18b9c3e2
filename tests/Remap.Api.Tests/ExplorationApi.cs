using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remap.Api.Models;
using Remap.Api.Populations;
using Remap.Engine.Store;

namespace Remap.Api.Tests;

/// <summary>Helpers of the exploration API tests: populations to fill a store, and finished runs written straight to it.</summary>
internal static class ExplorationApi
{
    public const string Dataset = "fashion-mnist-sample";

    /// <summary>A small CNN with two conv blocks, for variations, block ablations and diffs.</summary>
    public const string Cnn = """
        model cnn
        dataset fashion-mnist-sample
        conv2d filters=8 kernel=3 padding=same
        relu
        maxpool2d size=2
        conv2d filters=16 kernel=3 padding=same
        relu
        maxpool2d size=2
        flatten
        dense units=10
        training {
          epochs = 1
        }
        """;

    public static async Task<PopulationResponse> SampleAsync(HttpClient client, int count, int seed)
    {
        var response = await client.PostAsJsonAsync("/api/v1/populations", new CreatePopulationRequest(Dataset, count, MaxDepth: 8, MaxParameters: 200_000, Seed: seed));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PopulationResponse>(RemapApiFactory.Json))!;
    }

    public static async Task<CreatedModelResponse> CreateAsync(HttpClient client, string source, long? parentId = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(source, ParentId: parentId));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json))!;
    }

    /// <summary>
    /// Records a finished run for a model without training it, the way the worker commits one, so tests of the
    /// exploration endpoints do not wait for TorchSharp. Bit i of the bitset is set when sample i is right.
    /// </summary>
    public static async Task MarkTrainedAsync(RemapApiFactory factory, long modelId, double accuracy, byte[]? validationCorrect = null)
    {
        await using var context = await factory.Services.GetRequiredService<IDbContextFactory<RemapDbContext>>().CreateDbContextAsync();
        var job = await context.Jobs.Where(row => row.ModelId == modelId).OrderByDescending(row => row.Id).FirstAsync();
        var model = await context.Models.SingleAsync(row => row.Id == modelId);
        job.State = JobStates.Succeeded;
        job.FinishedAt = DateTime.UtcNow;
        model.Status = JobStates.Succeeded;
        model.ValidationAccuracy = accuracy;
        context.Runs.Add(new RunEntity
        {
            ModelId = modelId,
            JobId = job.Id,
            Seed = 42,
            EpochMetricsJson = "[]",
            ValidationAccuracy = accuracy,
            TestAccuracy = accuracy,
            PerClassAccuracyJson = StoreJson.Serialize(Enumerable.Range(0, 10).Select(index => accuracy * (index + 1) / 10).ToList()),
            ConfusionMatrixJson = "[]",
            ValidationCorrect = validationCorrect ?? new byte[125],
            TestCorrect = new byte[250],
            FinishedAt = DateTime.UtcNow,
        });
        await context.SaveChangesAsync();
    }

    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());
}
