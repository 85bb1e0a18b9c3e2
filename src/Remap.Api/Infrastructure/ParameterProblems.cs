using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Remap.Api.Infrastructure;

/// <summary>
/// Details for requests whose query or route values cannot be bound: a value that does not parse
/// as the parameter's type (400) and a path segment that misses its route constraint (404).
/// </summary>
public static partial class ParameterProblems
{
    /// <summary>
    /// Describes a minimal API binding failure, naming the parameter as the query string spells it, from the <see cref="BadHttpRequestException"/> message
    /// ASP.NET Core 10 writes, or returns null when the message is of another kind.
    /// </summary>
    public static string? DescribeBindingFailure(BadHttpRequestException exception)
    {
        var failed = FailedToBind().Match(exception.Message);
        if (failed.Success)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(failed.Groups["name"].Value);
            return $"The parameter '{name}' has the value '{failed.Groups["value"].Value}', which is not {TypeName(failed.Groups["type"].Value)}. " +
                $"Send '{name}' as {TypeName(failed.Groups["type"].Value)}, or leave it out if it is optional.";
        }

        var missing = RequiredMissing().Match(exception.Message);
        if (missing.Success)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(missing.Groups["name"].Value);
            return $"The required parameter '{name}' is missing. Send '{name}' as {TypeName(missing.Groups["type"].Value)} in the {missing.Groups["source"].Value}.";
        }

        return null;
    }

    /// <summary>
    /// Adds a detail to the bare 404 that routing returns when an /api path matches a route except
    /// for a constrained parameter, such as <c>/api/v1/models/abc/glyph.svg</c>. Other 404s keep their details.
    /// </summary>
    public static void DescribeRouteConstraintMiss(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        if (context.ProblemDetails.Status != StatusCodes.Status404NotFound
            || context.ProblemDetails.Detail is not null
            || context.HttpContext.GetEndpoint() is not null
            || !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var segments = (request.Path.Value ?? "").Trim('/').Split('/');
        var endpoints = context.HttpContext.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            if (FindConstraintMiss(endpoint.RoutePattern, segments) is { } miss)
            {
                context.ProblemDetails.Detail =
                    $"The path segment '{miss.Value}' is not a valid '{miss.Name}': it must be {TypeName(miss.Constraint)}. " +
                    $"The route is /{endpoint.RoutePattern.RawText?.TrimStart('/')}.";
                return;
            }
        }
    }

    /// <summary>
    /// Adds a detail to the bare 404 of a path that no route matches at all, naming the method and path and
    /// pointing to the route list. Runs after <see cref="DescribeRouteConstraintMiss"/>, so its detail wins.
    /// </summary>
    public static void DescribeUnknownRoute(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status404NotFound
            || context.ProblemDetails.Detail is not null
            || context.HttpContext.GetEndpoint() is not null)
        {
            return;
        }

        var request = context.HttpContext.Request;
        context.ProblemDetails.Detail =
            $"No endpoint matches {request.Method} {request.Path}. The API's routes start with /api/v1; /swagger lists them all.";
    }

    private static (string Name, string Value, string Constraint)? FindConstraintMiss(RoutePattern pattern, string[] segments)
    {
        if (pattern.PathSegments.Count != segments.Length)
        {
            return null;
        }

        (string Name, string Value, string Constraint)? miss = null;
        for (var index = 0; index < segments.Length; index++)
        {
            var parts = pattern.PathSegments[index].Parts;
            if (parts is [RoutePatternLiteralPart literal])
            {
                if (!string.Equals(literal.Content, segments[index], StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }
            else if (parts is [RoutePatternParameterPart parameter])
            {
                var constraint = parameter.ParameterPolicies.Select(policy => policy.Content).FirstOrDefault(content => content is "int" or "long");
                if (constraint is not null && !long.TryParse(segments[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    miss ??= (parameter.Name, Uri.UnescapeDataString(segments[index]), constraint);
                }
            }
            else
            {
                return null;
            }
        }

        return miss;
    }

    // ASP.NET Core writes a nullable parameter's type as "Nullable<long>" or "long?".
    private static string TypeName(string type) => type.Replace("Nullable<", "").TrimEnd('>', '?') switch
    {
        "int" or "Int32" or "long" or "Int64" => "an integer",
        "double" or "Double" or "float" or "Single" => "a number",
        "bool" or "Boolean" => "true or false",
        var other => $"a value of type {other}",
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>[^"]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""^Required parameter "(?<type>\S+) (?<name>[^"]+)" was not provided from (?<source>.+)\.$""", RegexOptions.Singleline)]
    private static partial Regex RequiredMissing();
}
