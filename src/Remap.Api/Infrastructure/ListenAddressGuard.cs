using System.Net;

namespace Remap.Api.Infrastructure;

/// <summary>
/// Keeps the server on the loopback interface unless an API key protects it: training jobs cost
/// CPU time, so an open port must not accept work from anyone on the network.
/// </summary>
public static class ListenAddressGuard
{
    /// <summary>Listens on <see cref="ServerOptions.DefaultUrl"/> when no address is configured, and rejects a non-loopback address without an API key.</summary>
    public static void Apply(WebApplicationBuilder builder, ServerOptions options)
    {
        var urls = ConfiguredUrls(builder.Configuration);
        if (urls.Count == 0)
        {
            builder.WebHost.UseUrls(ServerOptions.DefaultUrl);
            return;
        }

        var exposed = urls.Where(url => !IsLoopback(url)).ToList();
        if (exposed.Count > 0 && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new InvalidOperationException(
                $"Refusing to listen on {string.Join(", ", exposed)} without an API key: that address is reachable from other machines. " +
                "Pass an API key with 'remap serve --api-key KEY' or set Remap:ApiKey (for example the environment variable Remap__ApiKey), or listen on 127.0.0.1 only.");
        }
    }

    private static List<string> ConfiguredUrls(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();

        // http_ports and https_ports (ASPNETCORE_HTTP_PORTS) make Kestrel listen on every interface.
        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            urls.AddRange((configuration[key] ?? "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(port => $"http://*:{port}"));
        }

        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"])
            .OfType<string>());
        return urls;
    }

    private static bool IsLoopback(string url)
    {
        // Kestrel's wildcards (http://*:5000, http://+:5000) are not valid URIs, so check them first.
        var afterScheme = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        if (afterScheme.StartsWith('*') || afterScheme.StartsWith('+'))
        {
            return false;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
