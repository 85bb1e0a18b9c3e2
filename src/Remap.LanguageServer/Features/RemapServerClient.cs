using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
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
/// The datasets of a Remap server by name, or the reason they could not be read. <paramref name="ApiNotFound"/> is true when
/// the address responded with HTTP 404 for the dataset route, so it is reachable but not a Remap server's base address.
/// </summary>
internal sealed record DatasetList(IReadOnlyDictionary<string, DatasetShape>? Datasets, string? Failure, bool ApiKeyRejected, bool ApiNotFound = false)
{
    /// <summary>True when the request failed without any HTTP response, as with a server that is down.</summary>
    public bool Unreachable => Datasets is null && !ApiKeyRejected && !ApiNotFound;
}

/// <summary>
/// A client of a Remap server's public HTTP API. It finds whether an architecture is already trained
/// (<c>GET /api/v1/models?architectureHash=&amp;dataset=</c>, then the model for its test accuracy) and lists the server's
/// datasets (<c>GET /api/v1/datasets</c>). Any failure means "unknown", never an error.
/// </summary>
/// <remarks>
/// Every answer (a model, no model or a failure) is kept for <paramref name="answerLifetime"/>, a few seconds, so that
/// typing does not send a request per keystroke while a stopped server or a new model shows on the next lens request after
/// that. <see cref="RecheckAsync"/> asks again for the lookups that lens requests made recently.
/// </remarks>
internal sealed class RemapServerClient(TimeSpan timeout, TimeSpan answerLifetime, ILogger logger) : IDisposable
{
    // A lookup no lens request asked for in this long is no longer rechecked in the background.
    private static readonly TimeSpan RecheckWindow = TimeSpan.FromMinutes(10);

    private const string DatasetsRoute = "api/v1/datasets";

    private readonly HttpClient http = new() { Timeout = timeout };
    private readonly ConcurrentDictionary<string, Lookup> lookups = new(StringComparer.Ordinal);

    public async Task<TrainedModel?> FindAsync(Uri server, string? apiKey, string architectureHash, string? dataset, CancellationToken cancellationToken)
    {
        var query = $"api/v1/models?architectureHash={Uri.EscapeDataString(architectureHash)}" + (dataset is null ? "" : $"&dataset={Uri.EscapeDataString(dataset)}");
        var key = $"{server}|{apiKey}|{query}";
        var now = DateTime.UtcNow;
        if (lookups.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            lookups[key] = cached with { LastAsked = now };
            return cached.Answer;
        }

        var answer = await LookUpAsync(server, apiKey, query, logFailure: true, cancellationToken).ConfigureAwait(false);
        lookups[key] = new Lookup(server, apiKey, query, answer, DateTime.UtcNow + answerLifetime, now);
        return answer;
    }

    /// <summary>Looks up again every answer a lens request used in the last ten minutes; returns true when one of them changed.</summary>
    public async Task<bool> RecheckAsync(CancellationToken cancellationToken)
    {
        var changed = false;
        var now = DateTime.UtcNow;
        foreach (var (key, lookup) in lookups.ToArray())
        {
            if (now - lookup.LastAsked > RecheckWindow)
            {
                lookups.TryRemove(key, out _);
                continue;
            }

            // Only lens requests log a failed lookup, so a stopped server does not add a log line every few seconds.
            var answer = await LookUpAsync(lookup.Server, lookup.ApiKey, lookup.Query, logFailure: false, cancellationToken).ConfigureAwait(false);
            changed |= answer != lookup.Answer;
            lookups[key] = lookup with { Answer = answer, Expires = DateTime.UtcNow + answerLifetime };
        }

        return changed;
    }

    /// <summary>Returns the server's datasets by name with their input shape and class count, or why they could not be read.</summary>
    public async Task<DatasetList> GetDatasetsAsync(Uri server, string? apiKey, bool logFailure, CancellationToken cancellationToken)
    {
        try
        {
            var datasets = await GetAsync<List<DatasetSummary>>(server, apiKey, DatasetsRoute, cancellationToken).ConfigureAwait(false) ?? [];
            var shapes = datasets
                .Where(dataset => !string.IsNullOrEmpty(dataset.Name) && dataset.InputDimensions is { Length: 1 or 3 } dimensions && dimensions.All(dimension => dimension >= 1) && dataset.Classes >= 2)
                .DistinctBy(dataset => dataset.Name, StringComparer.Ordinal)
                .ToDictionary(dataset => dataset.Name, dataset => new DatasetShape(TensorShape.FromDimensions(dataset.InputDimensions), dataset.Classes), StringComparer.Ordinal);
            return new DatasetList(shapes, null, false);
        }
        catch (HttpRequestException exception) when (exception.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            if (logFailure)
            {
                Log.LookupFailed(logger, server, exception.Message);
            }

            return new DatasetList(null, $"the Remap server at {server} rejected the API key (HTTP {(int)exception.StatusCode})", true);
        }
        catch (HttpRequestException exception) when (exception.StatusCode is HttpStatusCode.NotFound)
        {
            if (logFailure)
            {
                Log.LookupFailed(logger, server, exception.Message);
            }

            return new DatasetList(null, $"the address {server} is not a Remap server's base address, because it responded with HTTP 404 for {DatasetsRoute}", false, ApiNotFound: true);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException or NotSupportedException && !cancellationToken.IsCancellationRequested)
        {
            if (logFailure)
            {
                Log.LookupFailed(logger, server, exception.Message);
            }

            return new DatasetList(null, $"the Remap server at {server} is unreachable ({exception.Message})", false);
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<TrainedModel?> LookUpAsync(Uri server, string? apiKey, string query, bool logFailure, CancellationToken cancellationToken)
    {
        try
        {
            var models = await GetAsync<List<ModelSummary>>(server, apiKey, query, cancellationToken).ConfigureAwait(false) ?? [];
            var best = models.FirstOrDefault(model => model.Status == "succeeded") ?? models.FirstOrDefault(model => model.Status is "queued" or "running");
            if (best is null)
            {
                return null;
            }

            var detail = best.Status == "succeeded"
                ? await GetAsync<ModelDetail>(server, apiKey, $"api/v1/models/{best.Id.ToString(CultureInfo.InvariantCulture)}", cancellationToken).ConfigureAwait(false)
                : null;
            return new TrainedModel(best.Id, best.Status, best.ValidationAccuracy, detail?.LatestRun?.TestAccuracy);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException or NotSupportedException && !cancellationToken.IsCancellationRequested)
        {
            if (logFailure)
            {
                Log.LookupFailed(logger, server, exception.Message);
            }

            return null;
        }
    }

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

    private sealed record Lookup(Uri Server, string? ApiKey, string Query, TrainedModel? Answer, DateTime Expires, DateTime LastAsked);

    private sealed record DatasetSummary(string Name, int[] InputDimensions, int Classes);
}
