using System.Globalization;
using System.Text.Json;
using Remap.Core.Language;
using Remap.Core.Model;

namespace Remap.LanguageServer.Features;

/// <summary>The <c>remap.*</c> settings the client gives through <c>workspace/configuration</c>.</summary>
internal sealed record RemapSettings(Uri? ServerUrl, string? ApiKey, TensorShape? DefaultInput, int? DefaultClasses)
{
    /// <summary>The datasets of the configured Remap server, or null without a server or when its list could not be read.</summary>
    public IReadOnlyDictionary<string, DatasetShape>? Datasets { get; init; }

    /// <summary>Why the configured server's datasets could not be read, or null when they were read or no server is set.</summary>
    public string? DatasetFailure { get; init; }

    /// <summary>True when the configured server returned 401 or 403 for the dataset list.</summary>
    public bool ApiKeyRejected { get; init; }

    /// <summary>The datasets Remap ships with, which are known without a server: the bundled Fashion-MNIST sample.</summary>
    public static IReadOnlyDictionary<string, DatasetShape> BuiltInDatasets { get; } =
        new Dictionary<string, DatasetShape>(StringComparer.Ordinal) { ["fashion-mnist-sample"] = new(TensorShape.Image(1, 28, 28), 10) };

    /// <summary>The datasets a file may name: the server's when it listed them, else the built-in ones.</summary>
    public IReadOnlyDictionary<string, DatasetShape> ResolvableDatasets => Datasets ?? BuiltInDatasets;

    /// <summary>Why other dataset names cannot be checked and what to do, or null when the server's list was read.</summary>
    public DatasetCheckUnavailable? DatasetCheck
    {
        get
        {
            const string otherFixes = "or write 'input' and 'classes' lines, or set remap.defaults.input and remap.defaults.classes";
            if (Datasets is not null)
            {
                return null;
            }

            if (ServerUrl is null)
            {
                return new("no Remap server is configured", $"set remap.server.url to a running Remap server, {otherFixes}");
            }

            return ApiKeyRejected
                ? new(DatasetFailure ?? "the Remap server rejected the API key", $"set remap.server.apiKey to a key the server accepts, {otherFixes}")
                : new(DatasetFailure ?? $"the Remap server at {ServerUrl} is unreachable", $"start the Remap server or correct remap.server.url, {otherFixes}");
        }
    }

    public static RemapSettings Empty { get; } = new(null, null, null, null);

    /// <summary>The sections asked for, in the order of <see cref="FromConfiguration"/>'s values.</summary>
    public static string[] Sections { get; } = ["remap.server.url", "remap.server.apiKey", "remap.defaults.input", "remap.defaults.classes"];

    /// <summary>
    /// Reads the four values a <c>workspace/configuration</c> response holds; a value that is not valid is left out and reported
    /// in <paramref name="problems"/>. A missing value, null and an empty string mean "not set", because VS Code sends "" for a
    /// setting the user cleared.
    /// </summary>
    public static RemapSettings FromConfiguration(IReadOnlyList<JsonElement> values, List<string> problems)
    {
        JsonElement Value(int index) => index < values.Count ? values[index] : default;

        var url = ReadText(Value(0), Sections[0], "an http or https address such as http://127.0.0.1:5178", problems) is { } urlText ? ParseUrl(urlText, problems) : null;
        var apiKey = ReadText(Value(1), Sections[1], "the server's API key", problems);
        var input = ReadInput(Value(2), problems);
        var classes = ReadClasses(Value(3), problems);
        return new RemapSettings(url, apiKey, input, classes);
    }

    /// <summary>Reads the settings from a <c>didChangeConfiguration</c> payload, for clients without <c>workspace/configuration</c>.</summary>
    public static RemapSettings FromSettingsObject(JsonElement settings, List<string> problems)
    {
        JsonElement Find(params string[] path)
        {
            var current = settings;
            foreach (var name in path)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                {
                    return default;
                }
            }

            return current;
        }

        return FromConfiguration(
            [Find("remap", "server", "url"), Find("remap", "server", "apiKey"), Find("remap", "defaults", "input"), Find("remap", "defaults", "classes")],
            problems);
    }

    private static bool IsUnset(JsonElement value) =>
        value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
        || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));

    // Returns the trimmed text of a string setting; any other JSON type is reported. The message repeats no value of the
    // API key, because it is a secret.
    private static string? ReadText(JsonElement value, string section, string expected, List<string> problems)
    {
        if (IsUnset(value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!.Trim();
        }

        var givenType = section == "remap.server.apiKey" ? TypeName(value, withValue: false) : TypeName(value);
        problems.Add($"setting {section} is {givenType}, but it needs a string, so it is ignored: write {expected} in quotes");
        return null;
    }

    // A number is taken as a flat input of that many features, because "784" and 784 mean the same to the user.
    private static TensorShape? ReadInput(JsonElement value, List<string> problems)
    {
        const string expected = "write CHANNELSxHEIGHTxWIDTH such as 1x28x28, or one number of features such as 784";
        if (IsUnset(value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return ParseShape(value.GetString()!.Trim(), problems);
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt32(out var features) && features is >= 1 and <= 65536)
            {
                return TensorShape.FromDimensions([features]);
            }

            problems.Add($"setting remap.defaults.input {value.GetRawText()} is not valid, so it is ignored: {expected}");
            return null;
        }

        problems.Add($"setting remap.defaults.input is {TypeName(value)}, but it needs a string or a number, so it is ignored: {expected}");
        return null;
    }

    // A string of digits is taken as the number it spells, so "10" and 10 mean the same.
    private static int? ReadClasses(JsonElement value, List<string> problems)
    {
        const string expected = "use a whole number from 2 to 100000, such as 10";
        if (IsUnset(value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
        {
            problems.Add($"setting remap.defaults.classes is {TypeName(value)}, but it needs a number, so it is ignored: {expected}");
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : value.GetRawText();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var classes) && classes is >= 2 and <= 100000)
        {
            return classes;
        }

        problems.Add($"setting remap.defaults.classes '{text}' is not valid, so it is ignored: {expected}");
        return null;
    }

    private static string TypeName(JsonElement value, bool withValue = true) => value.ValueKind switch
    {
        JsonValueKind.Number => withValue ? $"a number ({value.GetRawText()})" : "a number",
        JsonValueKind.True or JsonValueKind.False => withValue ? $"a boolean ({value.GetRawText()})" : "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "a string",
    };

    private static Uri? ParseUrl(string text, List<string> problems)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        problems.Add($"setting remap.server.url '{text}' is not valid, so it is ignored: use an http or https address such as http://127.0.0.1:5178");
        return null;
    }

    private static TensorShape? ParseShape(string text, List<string> problems)
    {
        var parts = text.Split('x');
        var dimensions = parts.Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1).ToArray();
        if (dimensions.Length is 1 or 3 && dimensions.All(dimension => dimension is >= 1 and <= 65536))
        {
            return TensorShape.FromDimensions(dimensions);
        }

        problems.Add($"setting remap.defaults.input '{text}' is not valid, so it is ignored: write CHANNELSxHEIGHTxWIDTH such as 1x28x28, or one number of features such as 784");
        return null;
    }
}
