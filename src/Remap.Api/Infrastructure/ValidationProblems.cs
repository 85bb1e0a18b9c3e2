using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Remap.Api.Infrastructure;

/// <summary>
/// Turns FluentValidation failures into the errors of a 400 validation problem, naming each property as
/// the JSON body spells it: camelCase, with nested paths such as <c>layers[0].actions</c>.
/// </summary>
public static partial class ValidationProblems
{
    public static ValidationProblem Create(ValidationResult result) =>
        TypedResults.ValidationProblem(ToErrors(result), title: "The request is invalid");

    public static Dictionary<string, string[]> ToErrors(ValidationResult result) =>
        result.Errors
            .GroupBy(failure => JsonPath(failure.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(failure => Message(failure, group.Key)).Distinct().ToArray());

    /// <summary>Converts a C# property path (<c>Layers[0].Actions</c>) to its JSON spelling (<c>layers[0].actions</c>).</summary>
    public static string JsonPath(string propertyPath) =>
        Segment().Replace(propertyPath, match => JsonNamingPolicy.CamelCase.ConvertName(match.Value));

    // FluentValidation's default messages quote its display name ('Max Changes'); the client knows the property by its JSON path.
    private static string Message(ValidationFailure failure, string path) =>
        failure.FormattedMessagePlaceholderValues?.TryGetValue("PropertyName", out var displayName) == true && displayName is string name
            ? failure.ErrorMessage.Replace($"'{name}'", $"'{path}'", StringComparison.Ordinal)
            : failure.ErrorMessage;

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Segment();
}
