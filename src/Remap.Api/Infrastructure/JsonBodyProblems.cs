using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Remap.Api.Infrastructure;

/// <summary>
/// Problem messages for a request body that is valid JSON but does not fit the request type: a field the type does
/// not have, or a value of the wrong kind. The problem is keyed by the field's JSON path
/// (<c>training.epochs</c>) and worded without .NET type names.
/// </summary>
public static partial class JsonBodyProblems
{
    /// <summary>Returns the JSON path and the message for <paramref name="error"/>, or null when it is a syntax error or the path cannot be followed.</summary>
    public static (string Path, string Message)? Describe(JsonException error, Type? requestType)
    {
        if (requestType is null || error.Path is not { Length: > 1 } jsonPath)
        {
            return null;
        }

        var segments = PathSegment().Matches(jsonPath).Select(match => match.Groups["name"].Success ? match.Groups["name"].Value : $"[{match.Groups["index"].Value}]").ToList();
        var path = string.Join(".", segments).Replace(".[", "[", StringComparison.Ordinal);
        if (segments.Count == 0)
        {
            return null;
        }

        // System.Text.Json reports a member the type lacks with this wording, and the path then ends at that member.
        if (error.Message.StartsWith("The JSON property '", StringComparison.Ordinal))
        {
            var owner = Follow(requestType, segments[..^1]);
            if (owner is null)
            {
                return null;
            }

            var allowed = string.Join(", ", FieldNames(owner));
            return (path, $"'{path}' is not a field of this request. The fields allowed here are {allowed}; correct the name or remove it.");
        }

        // Any other message is a syntax error, whose position the caller reports instead.
        if (!error.Message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
        {
            return null;
        }

        var target = Follow(requestType, segments);
        return target is null ? null : (path, $"'{path}' must be {Describe(target)}.");
    }

    /// <summary>Follows the path's field names and list indexes from the request type to the type of the value it names.</summary>
    private static Type? Follow(Type type, IEnumerable<string> segments)
    {
        Type? current = type;
        foreach (var segment in segments)
        {
            if (current is null)
            {
                return null;
            }

            current = Nullable.GetUnderlyingType(current) ?? current;
            current = segment.StartsWith('[')
                ? ElementType(current)
                : current.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .FirstOrDefault(property => string.Equals(property.Name, segment, StringComparison.OrdinalIgnoreCase))?.PropertyType;
        }

        return current;
    }

    private static IEnumerable<string> FieldNames(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => JsonNamingPolicy.CamelCase.ConvertName(property.Name));

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))?
            .GetGenericArguments()[0];

    /// <summary>Names the kind of JSON value a type reads, in plain words.</summary>
    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (ElementType(type) is { } element)
        {
            return $"a list of {Plural(element)}";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Byte => "a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
            TypeCode.Boolean => "true or false",
            TypeCode.String => "a string",
            _ => $"an object with the fields {string.Join(", ", FieldNames(type))}",
        };
    }

    private static string Plural(Type element) => Describe(element) switch
    {
        "a whole number" => "whole numbers",
        "a number" => "numbers",
        "true or false" => "true or false values",
        "a string" => "strings",
        _ => "objects",
    };

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<name>[^']*)'\]")]
    private static partial Regex PathSegment();
}
