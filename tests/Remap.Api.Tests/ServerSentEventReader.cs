using System.Text.Json;

namespace Remap.Api.Tests;

/// <summary>One parsed Server-Sent Event.</summary>
public sealed record ServerSentEvent(string Id, string Type, JsonElement Data);

/// <summary>Reads Server-Sent Events from a response stream, one event per blank-line-terminated block.</summary>
public sealed class ServerSentEventReader(Stream stream) : IDisposable
{
    private readonly StreamReader reader = new(stream);

    public async Task<ServerSentEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        string? id = null;
        string? type = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count == 0)
                {
                    continue;
                }

                return new ServerSentEvent(id ?? "", type ?? "message", JsonDocument.Parse(string.Join('\n', data)).RootElement);
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    type = value;
                    break;
                case "data":
                    data.Add(value);
                    break;
            }
        }

        return null;
    }

    public void Dispose() => reader.Dispose();
}
