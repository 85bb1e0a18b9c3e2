using System.Text.Json.Nodes;

namespace Remap.LanguageServer.Tests;

/// <summary>Settings of another JSON type than the one documented: the obvious ones are taken, "" is unset, the rest warn once.</summary>
public class SettingTypeTests
{
    private const string WithoutHeaders = "dense units=10\n";

    private static async Task<(LspClient Client, string?[] Messages)> ReadTwiceAsync(Dictionary<string, JsonNode?> settings)
    {
        var client = await LspClient.InitializedAsync(settings: settings);
        await client.OpenAsync(WithoutHeaders);
        await client.PullDiagnosticsAsync();
        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = (object?)null });
        await Eventually.HoldsAsync(() => client.ConfigurationRequests >= 2, "a second workspace/configuration request");
        await Task.Delay(100);

        await client.PullDiagnosticsAsync();
        return (client, [.. client.ShownMessages.Select(message => message.GetProperty("message").GetString())]);
    }

    [Fact]
    public async Task Classes_NumericStringIsTaken()
    {
        var (client, messages) = await ReadTwiceAsync(new() { ["remap.defaults.input"] = "784", ["remap.defaults.classes"] = "10" });
        await using var _ = client;

        Assert.Empty(messages);
        Assert.Empty(await client.PullDiagnosticsAsync());
    }

    [Fact]
    public async Task Input_NumberIsFlatFeatures()
    {
        var (client, messages) = await ReadTwiceAsync(new() { ["remap.defaults.input"] = 784, ["remap.defaults.classes"] = 10 });
        await using var _ = client;

        Assert.Empty(messages);
        Assert.Empty(await client.PullDiagnosticsAsync());
    }

    [Fact]
    public async Task EmptyStrings_AreUnsetSilently()
    {
        var (client, messages) = await ReadTwiceAsync(new()
        {
            ["remap.server.url"] = "",
            ["remap.server.apiKey"] = "",
            ["remap.defaults.input"] = "",
            ["remap.defaults.classes"] = "",
        });
        await using var _ = client;

        Assert.Empty(messages);
        Assert.Equal(2, (await client.PullDiagnosticsAsync()).Length);
    }

    [Fact]
    public async Task WrongTypes_WarnOnceNamingTypes()
    {
        var (client, messages) = await ReadTwiceAsync(new()
        {
            ["remap.server.url"] = 5292,
            ["remap.server.apiKey"] = 123456,
            ["remap.defaults.input"] = new JsonArray(1, 28, 28),
            ["remap.defaults.classes"] = true,
        });
        await using var _ = client;

        Assert.Equal(4, messages.Length);
        Assert.Contains("Setting remap.server.url is a number (5292), but it needs a string, so it is ignored: write an http or https address such as http://127.0.0.1:5178 in quotes", messages);
        Assert.Contains("Setting remap.server.apiKey is a number, but it needs a string, so it is ignored: write the server's API key in quotes", messages);
        Assert.Contains("Setting remap.defaults.input is an array, but it needs a string or a number, so it is ignored: write CHANNELSxHEIGHTxWIDTH such as 1x28x28, or one number of features such as 784", messages);
        Assert.Contains("Setting remap.defaults.classes is a boolean (true), but it needs a number, so it is ignored: use a whole number from 2 to 100000, such as 10", messages);
    }

    [Fact]
    public async Task Input_FractionalNumberIsInvalid()
    {
        var (client, messages) = await ReadTwiceAsync(new() { ["remap.defaults.input"] = 78.4, ["remap.defaults.classes"] = 10 });
        await using var _ = client;

        var message = Assert.Single(messages);
        Assert.Equal("Setting remap.defaults.input 78.4 is not valid, so it is ignored: write CHANNELSxHEIGHTxWIDTH such as 1x28x28, or one number of features such as 784", message);
    }
}
