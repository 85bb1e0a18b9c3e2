using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Remap.Api.Ablations;
using Remap.Api.Datasets;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Remap.Api.Populations;
using Remap.Api.Variations;

namespace Remap.Cli.Client;

/// <summary>
/// A client of Remap's public HTTP API under /api/v1. The CLI uses the same routes and the same
/// contract types as any other client, also when the demo hosts the server in-process.
/// </summary>
public sealed class RemapApiClient : IDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly HttpClient http;

    public RemapApiClient(Uri baseAddress, string? apiKey)
    {
        http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };
        if (!string.IsNullOrEmpty(apiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>How many models <see cref="ListModelsAsync"/> asks for per page; the server accepts 1 to 1000.</summary>
    public int ModelPageSize { get; init; } = ModelListQuery.MaxLimit;

    public Task<CreatedModelResponse> CreateModelAsync(CreateModelRequest request, CancellationToken cancellationToken) =>
        SendAsync<CreatedModelResponse>(HttpMethod.Post, "api/v1/models", request, cancellationToken);

    public Task<ModelDetail> GetModelAsync(long id, CancellationToken cancellationToken) =>
        SendAsync<ModelDetail>(HttpMethod.Get, $"api/v1/models/{id}", null, cancellationToken);

    /// <summary>Lists every matching model, best validation accuracy first, following the server's pages to the last.</summary>
    public async Task<List<ModelSummary>> ListModelsAsync(string? architectureHash, string? dataset, CancellationToken cancellationToken)
    {
        var filters = new List<string> { $"limit={ModelPageSize}" };
        if (!string.IsNullOrEmpty(architectureHash))
        {
            filters.Add($"architectureHash={Uri.EscapeDataString(architectureHash)}");
        }

        if (!string.IsNullOrEmpty(dataset))
        {
            filters.Add($"dataset={Uri.EscapeDataString(dataset)}");
        }

        var models = new List<ModelSummary>();
        string? cursor = null;
        do
        {
            var query = string.Join('&', cursor is null ? filters : [.. filters, $"cursor={Uri.EscapeDataString(cursor)}"]);
            using var response = await SendRawAsync(HttpMethod.Get, $"api/v1/models?{query}", null, cancellationToken);
            models.AddRange(await ReadBodyAsync<List<ModelSummary>>(response, cancellationToken));
            cursor = response.Headers.TryGetValues(ModelsApi.NextCursorHeader, out var values) ? values.FirstOrDefault() : null;
        }
        while (cursor is not null);

        return models;
    }

    public Task<List<JobResponse>> ListJobsAsync(string? state, CancellationToken cancellationToken) =>
        SendAsync<List<JobResponse>>(
            HttpMethod.Get, state is null ? "api/v1/jobs" : $"api/v1/jobs?state={Uri.EscapeDataString(state)}", null, cancellationToken);

    public Task<JobResponse> GetJobAsync(long id, CancellationToken cancellationToken) =>
        SendAsync<JobResponse>(HttpMethod.Get, $"api/v1/jobs/{id}", null, cancellationToken);

    public Task<JobResponse> CancelJobAsync(long id, CancellationToken cancellationToken) =>
        SendAsync<JobResponse>(HttpMethod.Post, $"api/v1/jobs/{id}/cancel", null, cancellationToken);

    public Task<JobResponse> SetJobPriorityAsync(long id, int priority, CancellationToken cancellationToken) =>
        SendAsync<JobResponse>(HttpMethod.Put, $"api/v1/jobs/{id}/priority", new SetPriorityRequest(priority), cancellationToken);

    public Task<AblationStudyResponse> CreateAblationStudyAsync(long modelId, CreateAblationStudyRequest request, CancellationToken cancellationToken) =>
        SendAsync<AblationStudyResponse>(HttpMethod.Post, $"api/v1/models/{modelId}/ablations", request, cancellationToken);

    public Task<VariationsResponse> CreateVariationsAsync(long modelId, CreateVariationsRequest request, CancellationToken cancellationToken) =>
        SendAsync<VariationsResponse>(HttpMethod.Post, $"api/v1/models/{modelId}/variations", request, cancellationToken);

    public Task<PopulationResponse> CreatePopulationAsync(CreatePopulationRequest request, CancellationToken cancellationToken) =>
        SendAsync<PopulationResponse>(HttpMethod.Post, "api/v1/populations", request, cancellationToken);

    public Task<ModelDiffResponse> GetDiffAsync(long modelId, long otherId, CancellationToken cancellationToken) =>
        SendAsync<ModelDiffResponse>(HttpMethod.Get, $"api/v1/models/{modelId}/diff/{otherId}", null, cancellationToken);

    public Task<List<DatasetResponse>> ListDatasetsAsync(CancellationToken cancellationToken) =>
        SendAsync<List<DatasetResponse>>(HttpMethod.Get, "api/v1/datasets", null, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, cancellationToken);
        return await ReadBodyAsync<T>(response, cancellationToken);
    }

    /// <summary>Sends a request and returns the successful response; a failure becomes a <see cref="RemapApiException"/>.</summary>
    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: JsonOptions);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new RemapApiException(
                0,
                $"Cannot reach the Remap server at {http.BaseAddress}",
                $"{exception.Message.TrimEnd('.')}. Start one with `remap serve`, or pass --server with the URL of a running server.",
                []);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ReadProblemAsync(response, cancellationToken);
            }
        }

        return response;
    }

    private static async Task<T> ReadBodyAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var result = await response.Content.ReadFromJsonAsync<T>(JsonOptions, cancellationToken);
        return result ?? throw new RemapApiException(
            (int)response.StatusCode, "Empty response", $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} returned no body.", []);
    }

    private static async Task<RemapApiException> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var title = root.TryGetProperty("title", out var titleElement) ? titleElement.GetString() : null;
            var detail = root.TryGetProperty("detail", out var detailElement) ? detailElement.GetString() : null;
            var diagnostics = root.TryGetProperty("diagnostics", out var diagnosticsElement)
                ? diagnosticsElement.Deserialize<List<ProblemDiagnostic>>(JsonOptions) ?? []
                : [];
            var fieldErrors = root.TryGetProperty("errors", out var errorsElement)
                ? errorsElement.Deserialize<Dictionary<string, string[]>>(JsonOptions)
                : null;
            return new RemapApiException(status, title ?? response.ReasonPhrase ?? $"HTTP {status}", detail, diagnostics, fieldErrors);
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's error page, say): show the start of what came back.
            var excerpt = text.Length > 200 ? text[..200] + "…" : text;
            return new RemapApiException(status, response.ReasonPhrase ?? $"HTTP {status}", excerpt, []);
        }
    }

    public void Dispose() => http.Dispose();
}
