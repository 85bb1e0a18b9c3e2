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

    /// <summary>Reads the four values a <c>workspace/configuration</c> response holds; a value that is not valid is left out and reported in <paramref name="problems"/>.</summary>
    public static RemapSettings FromConfiguration(IReadOnlyList<JsonElement> values, List<string> problems)
    {
        string? Text(int index) =>
            index < values.Count && values[index].ValueKind == JsonValueKind.String && values[index].GetString() is { Length: > 0 } text ? text.Trim() : null;

        var url = Text(0) is { } urlText ? ParseUrl(urlText, problems) : null;
        var input = Text(2) is { } inputText ? ParseShape(inputText, problems) : null;
        int? classes = null;
        if (values.Count > 3 && values[3].ValueKind == JsonValueKind.Number && values[3].TryGetInt32(out var number) && number is >= 2 and <= 100000)
        {
            classes = number;
        }
        else if (values.Count > 3 && values[3].ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            var text = values[3].ValueKind == JsonValueKind.String ? values[3].GetString() : values[3].GetRawText();
            problems.Add($"setting remap.defaults.classes '{text}' is not valid, so it is ignored: use a whole number from 2 to 100000, such as 10");
        }

        return new RemapSettings(url, Text(1), input, classes);
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

/// <summary>The current settings and a generation number that grows with each change, so cached results know they are out of date.</summary>
internal sealed class SettingsStore
{
    private static readonly TimeSpan FirstReadTimeout = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource firstRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RemapSettings current = RemapSettings.Empty;
    private int generation;

    /// <summary>
    /// Waits until the client's settings were read once (or two seconds at most), so the first diagnostics of a file that
    /// relies on <c>remap.defaults.*</c> are not a flash of "input missing" errors.
    /// </summary>
    public async Task WhenFirstReadAsync(CancellationToken cancellationToken)
    {
        if (firstRead.Task.IsCompleted)
        {
            return;
        }

        try
        {
            await firstRead.Task.WaitAsync(FirstReadTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Without a response, diagnostics use the settings known so far.
        }
    }

    public void MarkFirstRead() => firstRead.TrySetResult();

    public RemapSettings Current => Volatile.Read(ref current);

    public int Generation => Volatile.Read(ref generation);

    /// <summary>Stores new settings only if <paramref name="expected"/> is still the current object; returns whether it did.</summary>
    public bool TryReplace(RemapSettings expected, RemapSettings replacement)
    {
        if (!ReferenceEquals(Interlocked.CompareExchange(ref current, replacement, expected), expected))
        {
            return false;
        }

        Interlocked.Increment(ref generation);
        return true;
    }

    /// <summary>Stores new settings; returns true when they differ from the old ones.</summary>
    public bool Update(RemapSettings settings)
    {
        var old = Interlocked.Exchange(ref current, settings);
        if (old == settings)
        {
            return false;
        }

        Interlocked.Increment(ref generation);
        return true;
    }
}
