using System.Net.Http.Json;
using Remap.Api.Models;

namespace Remap.Api.Tests;

/// <summary>A server with a worker that trains on <see cref="TinyDataset"/>, with short leases and quick progress writes.</summary>
public sealed class TinyDatasetApiFactory : RemapApiFactory
{
    public TinyDatasetApiFactory(int concurrency = 1, int torchThreads = 2)
    {
        Settings[$"Remap:Datasets:{TinyDataset.Name}"] = TinyDataset.Write(Path.Combine(Directory, "tiny-dataset"));
        Settings["Remap:WorkerConcurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Remap:TorchThreads"] = torchThreads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Remap:ProgressInterval"] = "00:00:00";
    }

    /// <summary>A small MLP on the tiny dataset; <paramref name="seed"/> makes each source a distinct model.</summary>
    public static string Mlp(int epochs, int seed = 42, string optimizer = "adam", double learningRate = 0.001) => $$"""
        model mlp_{{seed}}
        dataset {{TinyDataset.Name}}
        flatten
        dense units=32
        relu
        dense units=10
        training {
          epochs = {{epochs}}
          batch_size = 32
          optimizer = {{optimizer}}
          learning_rate = {{learningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}}
          seed = {{seed}}
        }
        """;

    public static async Task<CreatedModelResponse> CreateAsync(HttpClient client, CreateModelRequest request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/models", request, Json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/v1/models returned {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<CreatedModelResponse>(body, Json)!;
    }
}
