using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Remap.Api.Infrastructure;

/// <summary>Rejects requests without <c>Authorization: Bearer &lt;key&gt;</c> when an API key is configured.</summary>
public sealed class ApiKeyFilter(IOptions<ServerOptions> options) : IEndpointFilter
{
    public const string SchemeName = "bearer";

    private readonly byte[]? expectedKey = string.IsNullOrEmpty(options.Value.ApiKey) ? null : Encoding.UTF8.GetBytes(options.Value.ApiKey);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (expectedKey is null)
        {
            return await next(context);
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[prefix.Length..].Trim()), expectedKey))
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        var detail = header.Length == 0
            ? "The request has no Authorization header. Send 'Authorization: Bearer <key>' with the server's API key (Remap:ApiKey)."
            : "The Authorization header does not carry the server's API key. Send 'Authorization: Bearer <key>' with the key set in Remap:ApiKey.";
        return TypedResults.Problem(title: "Missing or invalid API key", detail: detail, statusCode: StatusCodes.Status401Unauthorized);
    }
}
