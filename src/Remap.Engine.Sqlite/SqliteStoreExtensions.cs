using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Remap.Engine.Store;

namespace Remap.Engine.Sqlite;

/// <summary>Configures the Remap store on a SQLite file.</summary>
public static class SqliteStoreExtensions
{
    /// <summary>How long a connection waits for another writer's lock before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Uses the SQLite file at <paramref name="databasePath"/> (its folder is created) in WAL mode,
    /// where readers and the one writer do not block each other, with migrations from this assembly.
    /// </summary>
    public static DbContextOptionsBuilder UseRemapSqlite(this DbContextOptionsBuilder builder, string databasePath)
    {
        var fullPath = Path.GetFullPath(databasePath);
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
            Pooling = true,
        }.ToString();

        return builder
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteStoreExtensions).Assembly.GetName().Name))
            .AddInterceptors(SqlitePragmaInterceptor.Instance);
    }

    /// <summary>The default database file: LocalApplicationData/remap/remap.db.</summary>
    public static string DefaultDatabasePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "remap", "remap.db");

    /// <summary>Applies pending migrations.</summary>
    public static Task MigrateRemapStoreAsync(this RemapDbContext context, CancellationToken cancellationToken = default) =>
        context.Database.MigrateAsync(cancellationToken);

    /// <summary>Turns on WAL mode and the busy timeout on every connection the context opens.</summary>
    private sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
    {
        public static readonly SqlitePragmaInterceptor Instance = new();

        private static readonly string SessionPragmas = $"PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys=ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = PragmasFor(connection);
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = PragmasFor(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // EF Core checks whether the file exists through a read-only connection, and switching the journal mode
        // writes to the file: on a store copied in rollback-journal mode that check would fail.
        private static string PragmasFor(DbConnection connection) =>
            new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly
                ? SessionPragmas
                : "PRAGMA journal_mode=WAL; " + SessionPragmas;
    }
}
