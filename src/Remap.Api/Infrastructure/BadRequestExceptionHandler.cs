using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Remap.Api.Infrastructure;

/// <summary>
/// Turns the <see cref="BadHttpRequestException"/> that minimal APIs throw for an unreadable body
/// (malformed JSON, a missing body) or a query or route value of the wrong type into a problem document that states what is wrong and what the
/// endpoint expects. Other exceptions go on to the default handler.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        // The exception handler middleware clears the request's endpoint before handlers run, so take it from the feature.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var requestType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var problem = ParameterProblems.DescribeBindingFailure(badRequest) is { } bindingDetail
            ? new ProblemDetails { Status = badRequest.StatusCode, Title = "Invalid parameter", Detail = bindingDetail }
            : FindJsonException(badRequest) is { } jsonError && JsonBodyProblems.Describe(jsonError, requestType) is { } field
                ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field.Path] = [field.Message] })
                {
                    Status = badRequest.StatusCode,
                    Title = "The request is invalid",
                    Detail = field.Message,
                }
                : ProblemFor(badRequest, BodyMissing(httpContext.Request), ExpectedBody(endpoint));
        LogRejected(logger, httpContext.Request.Method, httpContext.Request.Path, badRequest.StatusCode, problem.Detail);

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    private static bool BodyMissing(HttpRequest request) =>
        request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any();

    private static ProblemDetails ProblemFor(BadHttpRequestException exception, bool bodyMissing, string expected)
    {
        // The JSON exception carries the position of the first invalid byte, which the outer message lacks.
        var jsonError = FindJsonException(exception);
        string reason;
        if (jsonError is not null)
        {
            reason = $"The request body is not valid JSON: {jsonError.Message}";
        }
        else if (bodyMissing)
        {
            reason = "The request has no body.";
        }
        else
        {
            reason = exception.Message;
        }

        return new()
        {
            Status = exception.StatusCode,
            Title = jsonError is null ? "Bad request" : "Malformed JSON body",
            Detail = $"{reason} {expected}",
        };
    }

    /// <summary>
    /// Adds a detail to the bare 415 that routing returns, without an exception, for a body that
    /// is not JSON. Used as <see cref="ProblemDetailsOptions.CustomizeProblemDetails"/>.
    /// </summary>
    public static void DescribeUnsupportedMediaType(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status415UnsupportedMediaType || context.ProblemDetails.Detail is not null)
        {
            return;
        }

        // Routing rejects a content type that no endpoint accepts through its own 415 endpoint, so look up the endpoint the path names.
        var request = context.HttpContext.Request;
        var endpoint = context.HttpContext.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .FirstOrDefault(candidate =>
                candidate.RoutePattern.Parameters.Count == 0
                && string.Equals(candidate.RoutePattern.RawText?.TrimEnd('/'), request.Path.Value?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
                && candidate.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(request.Method) == true);
        context.ProblemDetails.Detail =
            $"The request body has content type '{request.ContentType ?? "(none)"}', but this endpoint reads JSON. {ExpectedBody(endpoint)}";
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary>Describes the body the endpoint accepts, naming the JSON fields its request type requires.</summary>
    private static string ExpectedBody(Endpoint? endpoint)
    {
        var accepts = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>();
        if (accepts?.RequestType is not { } requestType)
        {
            return "Send a body of type application/json.";
        }

        var required = requestType.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(constructor => constructor.GetParameters().Length)
            .FirstOrDefault()?
            .GetParameters()
            .Where(parameter => !parameter.HasDefaultValue && parameter.Name is not null)
            .Select(parameter => $"\"{JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!)}\"")
            .ToList() ?? [];
        var fields = required.Count switch
        {
            0 => "",
            1 => $" with a {required[0]} field",
            _ => $" with the fields {string.Join(", ", required)}",
        };
        return $"This endpoint expects Content-Type application/json and a JSON object{fields}.";
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rejected {Method} {Path} with status {StatusCode}: {Detail}")]
    private static partial void LogRejected(ILogger logger, string method, string path, int statusCode, string? detail);
}
