using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Remap.Api;

namespace Remap.Cli.Demo;

/// <summary>
/// The Remap server started inside the demo's process, on a free loopback port and a temporary
/// database that is deleted afterwards. The demo still talks to it over HTTP like any client.
/// </summary>
internal sealed class DemoServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string? temporaryFolder;

    private DemoServer(WebApplication app, Uri address, string? temporaryFolder)
    {
        this.app = app;
        Address = address;
        this.temporaryFolder = temporaryFolder;
    }

    public Uri Address { get; }

    /// <summary>Starts the server; <paramref name="extraSettings"/> are more <c>--Key=value</c> settings.</summary>
    public static async Task<DemoServer> StartAsync(string? databasePath, CancellationToken cancellationToken, IReadOnlyList<string>? extraSettings = null)
    {
        string? temporaryFolder = null;
        if (databasePath is null)
        {
            temporaryFolder = Path.Combine(Path.GetTempPath(), $"remap-demo-{Guid.NewGuid():N}");
            Directory.CreateDirectory(temporaryFolder);
            databasePath = Path.Combine(temporaryFolder, "remap.db");
        }

        // Port 0 lets the operating system pick a free port; warnings only, so progress bars stay readable.
        var app = RemapServer.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Remap:DatabasePath={databasePath}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            "--Logging:LogLevel:Remap=Warning",
            .. extraSettings ?? [],
        ]);
        await app.StartAsync(cancellationToken);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new DemoServer(app, new Uri(addresses.First()), temporaryFolder);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (temporaryFolder is not null)
        {
            try
            {
                Directory.Delete(temporaryFolder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless; the demo's result matters more than its cleanup.
            }
        }
    }
}
