using System.CommandLine;
using System.CommandLine.Parsing;
using Remap.Cli.Client;

namespace Remap.Cli.Commands;

/// <summary>The options every command that talks to a running server shares.</summary>
internal sealed class ServerOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5178";

    public Option<Uri> Url { get; } = new("--server")
    {
        Description = "Base URL of the Remap server; $REMAP_SERVER_URL sets the default.",
        DefaultValueFactory = result => ParseUrl(result, Environment.GetEnvironmentVariable("REMAP_SERVER_URL") ?? DefaultUrl),
        CustomParser = result => ParseUrl(result, result.Tokens.Count > 0 ? result.Tokens[0].Value : DefaultUrl),
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "API key sent as a bearer token, needed when the server requires one; $REMAP_API_KEY sets the default.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REMAP_API_KEY"),
    };

    private static Uri ParseUrl(ArgumentResult result, string text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        result.AddError($"Invalid server URL '{text}': expected an absolute http:// or https:// URL, for example {DefaultUrl}.");
        return new Uri(DefaultUrl);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(ApiKey);
    }

    public RemapApiClient CreateClient(ParseResult parseResult) =>
        new(parseResult.GetValue(Url)!, parseResult.GetValue(ApiKey));
}
