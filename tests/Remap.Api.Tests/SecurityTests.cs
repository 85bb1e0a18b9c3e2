using System.Net;
using System.Net.Http.Headers;

namespace Remap.Api.Tests;

public sealed class SecurityTests
{
    [Fact]
    public async Task ApiKey_MissingHeader_Returns401Problem()
    {
        using var factory = KeyedFactory();
        var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/datasets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task ApiKey_WrongKey_Returns401()
    {
        using var factory = KeyedFactory();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-key");

        var response = await client.GetAsync("/api/v1/models");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ApiKey_RightKey_IsAccepted()
    {
        using var factory = KeyedFactory();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-key-123");

        var response = await client.GetAsync("/api/v1/models");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void NonLoopbackAddress_WithoutKey_FailsToStart()
    {
        using var factory = new QueueOnlyApiFactory();
        factory.Settings["urls"] = "http://0.0.0.0:5999";

        var exception = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("Remap:ApiKey", exception.Message);
        Assert.Contains("remap serve --api-key", exception.Message);
        Assert.Contains("0.0.0.0", exception.Message);
    }

    [Fact]
    public void HttpPortsSetting_WithoutKey_FailsToStart()
    {
        using var factory = new QueueOnlyApiFactory();
        factory.Settings["http_ports"] = "8080";

        var exception = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("http://*:8080", exception.Message);
    }

    [Fact]
    public async Task NonLoopbackAddress_WithKey_Starts()
    {
        using var factory = KeyedFactory();
        factory.Settings["urls"] = "http://0.0.0.0:5999";
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-key-123");

        var response = await client.GetAsync("/api/v1/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static QueueOnlyApiFactory KeyedFactory()
    {
        var factory = new QueueOnlyApiFactory();
        factory.Settings["Remap:ApiKey"] = "test-key-123";
        return factory;
    }
}
