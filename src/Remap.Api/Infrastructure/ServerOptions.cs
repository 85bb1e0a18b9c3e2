using Remap.Engine.Sqlite;

namespace Remap.Api.Infrastructure;

/// <summary>The server's own settings from the <c>Remap</c> configuration section; the engine binds the same section.</summary>
public sealed class ServerOptions
{
    public const string SectionName = "Remap";

    /// <summary>The address the server listens on when no <c>urls</c> setting is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5178";

    /// <summary>The SQLite file of the store; default LocalApplicationData/remap/remap.db.</summary>
    public string DatabasePath { get; set; } = SqliteStoreExtensions.DefaultDatabasePath;

    /// <summary>When set, every /api request needs <c>Authorization: Bearer &lt;key&gt;</c>. Required to listen beyond loopback.</summary>
    public string? ApiKey { get; set; }
}
