using Microsoft.AspNetCore.Http.HttpResults;

namespace Remap.Api.Infrastructure;

/// <summary>The RFC 9457 problem responses the features share.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string resource, long id) => TypedResults.Problem(
        title: $"{resource} not found",
        detail: $"No {resource.ToLowerInvariant()} has id {id}. List the existing ones with GET /api/v1/{resource.ToLowerInvariant()}s.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult BadRequest(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest, extensions: extensions);
}
