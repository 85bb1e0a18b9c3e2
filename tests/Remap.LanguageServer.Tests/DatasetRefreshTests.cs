using System.Text.Json.Nodes;

namespace Remap.LanguageServer.Tests;

/// <summary>The dataset list is read again in the background, and a changed list checks open documents again.</summary>
public class DatasetRefreshTests
{
    private const string Text = "model m\ndataset cifar-10\nflatten\ndense units=10\n";

    private const string FashionOnly =
        """[{"name":"fashion-mnist-sample","inputDimensions":[1,28,28],"classes":10}]""";

    private const string WithCifar =
        """[{"name":"fashion-mnist-sample","inputDimensions":[1,28,28],"classes":10},{"name":"cifar-10","inputDimensions":[3,32,32],"classes":10}]""";

    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    [Fact]
    public async Task Open_RereadsStaleList()
    {
        var datasets = FashionOnly;
        using var server = new MockRemapServer(path => path == "/api/v1/datasets" ? Volatile.Read(ref datasets) : null);
        await using var client = await StartAsync(server, new LanguageServerOptions { DatasetListLifetime = TimeSpan.Zero, DatasetRefreshInterval = Never });
        await client.OpenAsync(Text);
        Assert.Equal("RM0114", Assert.Single(await client.PullDiagnosticsAsync()).GetProperty("code").GetString());
        var refreshes = client.Refreshes;

        Volatile.Write(ref datasets, WithCifar);
        await client.OpenAsync("relu\n", uri: "file:///work/models/other.remap");

        await WaitUntilAsync(() => client.Refreshes > refreshes);
        Assert.Empty(await client.PullDiagnosticsAsync());
    }

    [Fact]
    public async Task Open_KeepsFreshList()
    {
        using var server = new MockRemapServer(path => path == "/api/v1/datasets" ? FashionOnly : null);
        await using var client = await StartAsync(server, new LanguageServerOptions { DatasetListLifetime = Never, DatasetRefreshInterval = Never });
        await client.OpenAsync(Text);
        await client.PullDiagnosticsAsync();

        await client.OpenAsync("relu\n", uri: "file:///work/models/other.remap");
        await client.PullDiagnosticsAsync("file:///work/models/other.remap");

        Assert.Single(server.Requests, path => path == "/api/v1/datasets");
    }

    [Fact]
    public async Task Interval_PicksUpNewDataset()
    {
        var datasets = FashionOnly;
        using var server = new MockRemapServer(path => path == "/api/v1/datasets" ? Volatile.Read(ref datasets) : null);
        await using var client = await StartAsync(server, new LanguageServerOptions { DatasetListLifetime = Never, DatasetRefreshInterval = TimeSpan.FromMilliseconds(50) });
        await client.OpenAsync(Text);
        await client.PullDiagnosticsAsync();
        var refreshes = client.Refreshes;

        Volatile.Write(ref datasets, WithCifar);

        await WaitUntilAsync(() => client.Refreshes > refreshes);
        Assert.Empty(await client.PullDiagnosticsAsync());
    }

    [Fact]
    public async Task Interval_UnchangedListSendsNoRefresh()
    {
        using var server = new MockRemapServer(path => path == "/api/v1/datasets" ? FashionOnly : null);
        await using var client = await StartAsync(server, new LanguageServerOptions { DatasetListLifetime = Never, DatasetRefreshInterval = TimeSpan.FromMilliseconds(50) });
        await client.OpenAsync(Text);
        await client.PullDiagnosticsAsync();
        var refreshes = client.Refreshes;

        await WaitUntilAsync(() => server.Requests.Count(path => path == "/api/v1/datasets") >= 4);

        Assert.Equal(refreshes, client.Refreshes);
    }

    [Fact]
    public async Task Interval_StoppedServerIsReported()
    {
        var server = new MockRemapServer(path => path == "/api/v1/datasets" ? WithCifar : null);
        await using var client = await StartAsync(server, new LanguageServerOptions { DatasetListLifetime = Never, DatasetRefreshInterval = TimeSpan.FromMilliseconds(50) });
        await client.OpenAsync(Text);
        Assert.Empty(await client.PullDiagnosticsAsync());
        var refreshes = client.Refreshes;

        server.Dispose();

        await WaitUntilAsync(() => client.Refreshes > refreshes);
        var message = Assert.Single(await client.PullDiagnosticsAsync()).GetProperty("message").GetString();
        Assert.StartsWith($"dataset 'cifar-10' could not be checked because the Remap server at {server.Url} is unreachable", message);
    }

    [Fact]
    public async Task Pull_DoesNotWaitForRefresh()
    {
        using var gate = new ManualResetEventSlim(initialState: true);
        using var server = new MockRemapServer(path =>
        {
            gate.Wait(TimeSpan.FromSeconds(10));
            return path == "/api/v1/datasets" ? FashionOnly : null;
        });
        await using var client = await StartAsync(server, new LanguageServerOptions { DatasetListLifetime = TimeSpan.Zero, DatasetRefreshInterval = Never });
        await client.OpenAsync(Text);
        await client.PullDiagnosticsAsync();

        // The mock now keeps the next dataset request open until the gate is set again.
        gate.Reset();
        await client.OpenAsync("relu\n", uri: "file:///work/models/other.remap");
        await WaitUntilAsync(() => server.Requests.Count(path => path == "/api/v1/datasets") >= 2);
        await client.ChangeAsync(2, 3, 12, 3, 14, "10");
        var diagnostics = await client.PullDiagnosticsAsync();
        var refreshStillOpen = !gate.IsSet;
        gate.Set();

        Assert.True(refreshStillOpen);
        Assert.Equal("RM0114", Assert.Single(diagnostics).GetProperty("code").GetString());
    }

    [Fact]
    public void Options_RejectZeroInterval()
    {
        var options = new LanguageServerOptions { DatasetRefreshInterval = TimeSpan.Zero };

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => LspClient.Start(options));

        Assert.Equal("DatasetRefreshInterval", exception.ParamName);
    }

    // Waits for the refresh request that the first read of the settings sends, because a pull waits two seconds at most for
    // that read, and a loaded machine can take longer; the generous server timeout is for the same reason.
    private static async Task<LspClient> StartAsync(MockRemapServer server, LanguageServerOptions options)
    {
        var client = await LspClient.InitializedAsync(
            options: options with { DiagnosticDelay = TimeSpan.FromMilliseconds(20), ServerTimeout = TimeSpan.FromSeconds(30) },
            settings: new Dictionary<string, JsonNode?> { ["remap.server.url"] = server.Url });
        await WaitUntilAsync(() => client.Refreshes > 0);
        return client;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(20);
        }
    }
}
