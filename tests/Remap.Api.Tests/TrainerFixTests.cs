using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Remap.Api.Tests;

/// <summary>Fixes from the newcomer trial of the production trainer: shutdown, priority and event stream checks.</summary>
public sealed class TrainerFixTests
{
    [Fact]
    public async Task Events_StreamEndsWhenApplicationStops()
    {
        using var factory = new QueueOnlyApiFactory();
        var client = factory.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var stream = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.NotNull(await stream.ReadAsync(timeout.Token));

        factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        // Without the fix the stream stays open until the timeout cancels the read.
        while (await stream.ReadAsync(timeout.Token) is not null)
        {
        }

        Assert.False(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task SetPriority_MissingPriorityIsBadRequest()
    {
        using var factory = new QueueOnlyApiFactory();
        var client = factory.CreateClient();

        using var body = new StringContent("{}", Encoding.UTF8, "application/json");
        var response = await client.PutAsync("/api/v1/jobs/1/priority", body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'priority' is required", text);
        Assert.Contains("1,000,000", text);
    }

    [Fact]
    public async Task Events_UnknownJobIsNotFound()
    {
        using var factory = new QueueOnlyApiFactory();
        var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/events?jobId=999");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("999", body);
    }

    [Fact]
    public void OpenApi_MarksPriorityRequired()
    {
        var document = File.ReadAllText(Path.Combine(RemapApiFactory.RepositoryRoot(), "openapi", "remap.v1.json"));
        using var json = System.Text.Json.JsonDocument.Parse(document);
        var schema = json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("SetPriorityRequest");

        Assert.Contains("priority", schema.GetProperty("required").EnumerateArray().Select(item => item.GetString()));
    }
}
