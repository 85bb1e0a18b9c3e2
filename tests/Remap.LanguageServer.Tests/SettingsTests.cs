using System.Text.Json.Nodes;

namespace Remap.LanguageServer.Tests;

public class SettingsTests
{
    private const string WithoutHeaders = "dense units=10\n";

    [Fact]
    public async Task Settings_DefaultsCheckFilesWithoutInput()
    {
        var settings = new Dictionary<string, JsonNode?> { ["remap.defaults.input"] = "1x28x28", ["remap.defaults.classes"] = 10 };
        await using var client = await LspClient.InitializedAsync(settings: settings);
        await client.OpenAsync(WithoutHeaders);

        var diagnostic = Assert.Single(await client.PullDiagnosticsAsync());

        Assert.Equal("RM1005", diagnostic.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Settings_DidChangeConfigurationReadsAgain()
    {
        await using var client = await LspClient.InitializedAsync();
        await client.OpenAsync(WithoutHeaders);
        Assert.Equal(2, (await client.PullDiagnosticsAsync()).Length);

        // The pull waits two seconds at most for the first read, which must take the old values.
        await WaitUntilAsync(() => client.ConfigurationRequests > 0);
        client.Settings["remap.defaults.input"] = "784";
        client.Settings["remap.defaults.classes"] = 10;

        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = (object?)null });

        await WaitUntilAsync(() => client.Refreshes > 0);
        Assert.Empty(await client.PullDiagnosticsAsync());
        Assert.Equal(2, client.ConfigurationRequests);
    }

    [Fact]
    public async Task Settings_PushRepublishesAfterChange()
    {
        await using var client = await LspClient.InitializedAsync(LspClient.PushCapabilities);
        await client.OpenAsync(WithoutHeaders);
        await client.WaitForPublishedAsync(item => item.GetProperty("diagnostics").GetArrayLength() == 2);
        await WaitUntilAsync(() => client.ConfigurationRequests > 0);
        client.Settings["remap.defaults.input"] = "784";
        client.Settings["remap.defaults.classes"] = 10;

        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { } });

        await client.WaitForPublishedAsync(item => item.GetProperty("diagnostics").GetArrayLength() == 0);
    }

    [Fact]
    public async Task Settings_InvalidValueIsIgnored()
    {
        var settings = new Dictionary<string, JsonNode?> { ["remap.defaults.input"] = "28 by 28", ["remap.defaults.classes"] = 10 };
        await using var client = await LspClient.InitializedAsync(settings: settings);
        await client.OpenAsync(WithoutHeaders);

        var codes = (await client.PullDiagnosticsAsync()).Select(item => item.GetProperty("code").GetString());

        Assert.Equal(["RM0112"], codes);
    }

    [Fact]
    public async Task Settings_PushedWithoutConfigurationCapability()
    {
        await using var client = await LspClient.InitializedAsync(new { textDocument = new { diagnostic = new { } } });
        await client.OpenAsync(WithoutHeaders);

        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { remap = new { defaults = new { input = "784", classes = 10 } } } });

        Assert.Empty(await client.PullDiagnosticsAsync());
        Assert.Equal(0, client.ConfigurationRequests);
    }

    [Fact]
    public async Task Settings_RegistersForConfigurationChanges()
    {
        await using var client = await LspClient.InitializedAsync(new { workspace = new { configuration = true, didChangeConfiguration = new { dynamicRegistration = true } } });

        await WaitUntilAsync(() => client.ConfigurationRequests > 0);

        var registration = Assert.Single(Assert.Single(client.Registrations).GetProperty("registrations").EnumerateArray());
        Assert.Equal("workspace/didChangeConfiguration", registration.GetProperty("method").GetString());
        Assert.Equal("remap", registration.GetProperty("registerOptions").GetProperty("section").GetString());
    }

    [Fact]
    public async Task Settings_NoRegistrationWithoutDynamicSupport()
    {
        await using var client = await LspClient.InitializedAsync();

        await WaitUntilAsync(() => client.ConfigurationRequests > 0);

        Assert.Empty(client.Registrations);
    }

    [Fact]
    public async Task Settings_InvalidValuesAreShownOnce()
    {
        var settings = new Dictionary<string, JsonNode?> { ["remap.defaults.input"] = "1x28", ["remap.defaults.classes"] = "ten" };
        await using var client = await LspClient.InitializedAsync(settings: settings);
        await client.OpenAsync(WithoutHeaders);
        await client.PullDiagnosticsAsync();
        await client.ReadSettingsAgainAsync();

        // One more read, so the read above has finished and whatever it showed has arrived.
        await client.ReadSettingsAgainAsync();
        await client.PullDiagnosticsAsync();

        var messages = client.ShownMessages.Select(message => message.GetProperty("message").GetString()).ToArray();

        Assert.All(client.ShownMessages, message => Assert.Equal(2, message.GetProperty("type").GetInt32()));
        Assert.Equal(2, messages.Length);
        Assert.Contains("Setting remap.defaults.input '1x28' is not valid, so it is ignored: write CHANNELSxHEIGHTxWIDTH such as 1x28x28, or one number of features such as 784", messages);
        Assert.Contains("Setting remap.defaults.classes 'ten' is not valid, so it is ignored: use a whole number from 2 to 100000, such as 10", messages);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the condition did not hold within 5 s");
    }

}
