using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Remap.Api.Infrastructure;

namespace Remap.Api.Tests;

/// <summary>
/// Settings of a server built the way <c>remap serve</c> builds it: from a content root without
/// appsettings.json, so only the defaults set in code apply.
/// </summary>
public sealed class ServerSettingsTests : IDisposable
{
    private readonly string contentRoot = Path.Combine(Path.GetTempPath(), $"remap-settings-tests-{Guid.NewGuid():N}");

    public ServerSettingsTests() => Directory.CreateDirectory(contentRoot);

    public void Dispose() => Directory.Delete(contentRoot, recursive: true);

    [Fact]
    public async Task Build_WithoutAppSettings_QuietsSqlCommandLog()
    {
        await using var app = Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.EntityFrameworkCore.Database.Command");

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public async Task Build_WithoutAppSettings_KeepsInformationLogs()
    {
        await using var app = Build();
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Remap.Engine.Worker.TrainingWorker").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task Build_WithoutAppSettings_UsesUtcTimestamps()
    {
        await using var app = Build();
        var console = app.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;

        Assert.Equal(ConsoleFormatterNames.Simple, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.True(console.UseUtcTimestamp);
        Assert.Equal(ServerLogging.TimestampFormat, console.TimestampFormat);
    }

    [Fact]
    public async Task Build_CommandLineLevel_OverridesDefault()
    {
        await using var app = Build("--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information");
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.EntityFrameworkCore.Database.Command");

        Assert.True(logger.IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task Build_RelativeDatabasePath_ResolvedAgainstWorkingFolder()
    {
        await using var app = Build();
        var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "relative-store", "remap.db"), options.DatabasePath);
    }

    private WebApplication Build(params string[] extraArguments) => RemapServer.Build(
    [
        $"--contentRoot={contentRoot}",
        "--Remap:WorkerEnabled=false",
        "--Remap:DatabasePath=relative-store/remap.db",
        .. extraArguments,
    ]);
}
