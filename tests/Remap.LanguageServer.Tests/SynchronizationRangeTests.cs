using Microsoft.Extensions.Logging;

namespace Remap.LanguageServer.Tests;

/// <summary>Changes whose range lies past the end of the document, and pushed diagnostics that would repeat.</summary>
public class SynchronizationRangeTests
{
    [Fact]
    public async Task Change_PastLastLineIsLoggedAndAppended()
    {
        var logs = new ListLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        await using var client = await LspClient.InitializedAsync(loggerFactory: loggerFactory);
        await client.OpenAsync(TestTexts.Flat + "dense units=2\n");

        // The document has lines 0 to 4 (line 4 is empty), so line 50 is past its end.
        await client.ChangeAsync(2, 50, 0, 50, 0, "dense units=3\n");
        var diagnostics = await client.PullDiagnosticsAsync();

        var warning = Assert.Single(logs.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Equal(
            $"didChange for {LspClient.DocumentUri} version 2 has a range that starts or ends on line 50, past the document's last line 4; the change is applied at the end of the text, and the client's copy may differ from the server's",
            warning.Message);
        Assert.Equal("RM1008", Assert.Single(diagnostics).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Change_CharacterPastLineEndIsNotLogged()
    {
        var logs = new ListLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        await using var client = await LspClient.InitializedAsync(loggerFactory: loggerFactory);
        await client.OpenAsync(TestTexts.Flat + "dense units=2\n");

        // LSP 3.17: a character past the end of its line means the end of that line.
        await client.ChangeAsync(2, 3, 100, 3, 100, "0");
        await client.PullDiagnosticsAsync();

        Assert.DoesNotContain(logs.Entries, entry => entry.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task PushedSettings_PublishVersionOnce()
    {
        var capabilities = new { textDocument = new { publishDiagnostics = new { versionSupport = true } } };
        await using var client = await LspClient.InitializedAsync(capabilities);
        await client.OpenAsync(TestTexts.Flat + "dense units=2\n");
        await client.WaitForPublishedAsync(item => item.GetProperty("version").GetInt32() == 1);

        // The pushed settings change the generation but not this file's diagnostics, because it has its own input and classes.
        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { remap = new { defaults = new { input = "784", classes = 10 } } } });
        await Task.Delay(500);

        Assert.Single(client.Published);
    }

    [Fact]
    public async Task PushedSettings_RepublishWhenDiagnosticsChange()
    {
        var capabilities = new { textDocument = new { publishDiagnostics = new { versionSupport = true } } };
        await using var client = await LspClient.InitializedAsync(capabilities);
        await client.OpenAsync("dense units=10\n");
        await client.WaitForPublishedAsync(item => item.GetProperty("diagnostics").GetArrayLength() == 2);

        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { remap = new { defaults = new { input = "784", classes = 10 } } } });

        var second = await client.WaitForPublishedAsync(item => item.GetProperty("diagnostics").GetArrayLength() == 0);
        Assert.Equal(1, second.GetProperty("version").GetInt32());
    }
}
