using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;
using Remap.Engine;
using Remap.Training.Data;

namespace Remap.Api.Infrastructure;

/// <summary>
/// The server's logging defaults and its start-up summary. The defaults are set in code because
/// <c>remap serve</c> runs the server from the CLI's folder, where the content root (the current
/// directory) usually has no appsettings.json.
/// </summary>
public static partial class ServerLogging
{
    /// <summary>Console timestamps in UTC, ISO 8601 with milliseconds.</summary>
    public const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";

    private static readonly Dictionary<string, string?> Defaults = new(StringComparer.Ordinal)
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Remap"] = "Information",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning",
        ["Logging:Console:FormatterName"] = "simple",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = TimestampFormat,
        ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true",
    };

    /// <summary>
    /// Adds the defaults as the first configuration source, so appsettings.json, environment
    /// variables and command-line arguments still override each value.
    /// </summary>
    public static void AddDefaults(IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });

    /// <summary>Logs the absolute database path and the worker settings once the server has started.</summary>
    public static void LogSettingsAtStart(WebApplication app, ServerOptions serverOptions)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Remap.Api.Server");
        var engine = app.Services.GetRequiredService<IOptions<EngineOptions>>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var settings = engine.Value;
            LogDatabase(logger, serverOptions.DatabasePath);
            foreach (var dataset in app.Services.GetRequiredService<DatasetCatalog>().FindUnreadable())
            {
                LogUnreadableDataset(logger, dataset.Name, dataset.Directory, dataset.Reason);
            }

            LogWorker(logger, settings.WorkerEnabled, settings.WorkerId, settings.WorkerConcurrency,
                settings.ResolveTorchThreads(), settings.LeaseDuration, settings.HeartbeatInterval, settings.PollInterval);
        });
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Store: SQLite database {DatabasePath}")]
    private static partial void LogDatabase(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning,
        Message = "Dataset {DatasetName} in {Directory} cannot be read, so models cannot use it until the folder is fixed: {Reason}")]
    private static partial void LogUnreadableDataset(ILogger logger, string datasetName, string directory, string reason);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information,
        Message = "Worker: enabled {WorkerEnabled}, id {WorkerId}, concurrency {WorkerConcurrency}, LibTorch threads {TorchThreads}, lease {LeaseDuration}, heartbeat {HeartbeatInterval}, poll {PollInterval}")]
    private static partial void LogWorker(
        ILogger logger, bool workerEnabled, string workerId, int workerConcurrency, int torchThreads,
        TimeSpan leaseDuration, TimeSpan heartbeatInterval, TimeSpan pollInterval);
}
