using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Remap.Core.Language;
using Remap.Core.Model;

namespace Remap.LanguageServer.Features;

/// <summary>A model the Remap server already has for an architecture hash.</summary>
internal sealed record TrainedModel(long Id, string Status, double? ValidationAccuracy, double? TestAccuracy);

/// <summary>
/// A client of a Remap server's public HTTP API. It finds whether an architecture is already trained
/// (<c>GET /api/v1/models?architectureHash=&amp;dataset=</c>, then the model for its test accuracy) and lists the server's
/// datasets (<c>GET /api/v1/datasets</c>). Model lookups are kept for a short while so that typing does not send a request
/// per keystroke. Any failure means "unknown", never an error.
/// </summary>
internal sealed class RemapServerClient(TimeSpan timeout, ILogger logger) : IDisposable
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    private readonly HttpClient http = new() { Timeout = timeout };
    private readonly ConcurrentDictionary<string, (DateTime Expires, TrainedModel? Model)> cache = new(StringComparer.Ordinal);

    public async Task<TrainedModel?> FindAsync(Uri server, string? apiKey, string architectureHash, string? dataset, CancellationToken cancellationToken)
    {
        var query = $"api/v1/models?architectureHash={Uri.EscapeDataString(architectureHash)}" + (dataset is null ? "" : $"&dataset={Uri.EscapeDataString(dataset)}");
        var key = $"{server}|{apiKey}|{query}";
        if (cache.TryGetValue(key, out var cached) && cached.Expires > DateTime.UtcNow)
        {
            return cached.Model;
        }

        try
        {
            var models = await GetAsync<List<ModelSummary>>(server, apiKey, query, cancellationToken).ConfigureAwait(false) ?? [];
            var best = models.FirstOrDefault(model => model.Status == "succeeded") ?? models.FirstOrDefault(model => model.Status is "queued" or "running");
            TrainedModel? found = null;
            if (best is not null)
            {
                var detail = best.Status == "succeeded"
                    ? await GetAsync<ModelDetail>(server, apiKey, $"api/v1/models/{best.Id.ToString(CultureInfo.InvariantCulture)}", cancellationToken).ConfigureAwait(false)
                    : null;
                found = new TrainedModel(best.Id, best.Status, best.ValidationAccuracy, detail?.LatestRun?.TestAccuracy);
            }

            cache[key] = (DateTime.UtcNow + CacheDuration, found);
            return found;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException or NotSupportedException && !cancellationToken.IsCancellationRequested)
        {
            Log.LookupFailed(logger, server, exception.Message);
            return null;
        }
    }

    /// <summary>Returns the server's datasets by name with their input shape and class count, or null when the server cannot be reached.</summary>
    public async Task<IReadOnlyDictionary<string, DatasetShape>?> GetDatasetsAsync(Uri server, string? apiKey, CancellationToken cancellationToken)
    {
        try
        {
            var datasets = await GetAsync<List<DatasetSummary>>(server, apiKey, "api/v1/datasets", cancellationToken).ConfigureAwait(false) ?? [];
            return datasets
                .Where(dataset => dataset.InputDimensions is { Length: 1 or 3 } dimensions && dimensions.All(dimension => dimension >= 1) && dataset.Classes >= 2)
                .ToDictionary(dataset => dataset.Name, dataset => new DatasetShape(TensorShape.FromDimensions(dataset.InputDimensions), dataset.Classes), StringComparer.Ordinal);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException or NotSupportedException && !cancellationToken.IsCancellationRequested)
        {
            Log.LookupFailed(logger, server, exception.Message);
            return null;
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<T?> GetAsync<T>(Uri server, string? apiKey, string relative, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(EnsureTrailingSlash(server), relative));
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(ProtocolSerializer.Options, cancellationToken).ConfigureAwait(false);
    }

    private static Uri EnsureTrailingSlash(Uri server) =>
        server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");

    // The fields of Remap.Api's ModelSummary, ModelDetail and RunResponse that the lens shows.
    private sealed record ModelSummary(long Id, string Status, double? ValidationAccuracy);

    private sealed record ModelDetail(long Id, RunResult? LatestRun);

    private sealed record RunResult(double TestAccuracy);

    private sealed record DatasetSummary(string Name, int[] InputDimensions, int Classes);
}
