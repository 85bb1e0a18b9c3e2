using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Remap.Engine.Sqlite;
using Remap.Engine.Store;

namespace Remap.Engine.Tests;

public sealed class SqliteStoreTests : IAsyncLifetime
{
    private readonly SqliteStoreFixture store = new();

    public Task InitializeAsync() => store.InitializeAsync();

    public Task DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task Connection_UsesWalJournalMode()
    {
        await using var context = await store.ContextFactory.CreateDbContextAsync();
        var mode = await context.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        Assert.Equal("wal", Assert.Single(mode));
    }

    [Fact]
    public async Task Timestamps_ReadBackAsUtc()
    {
        await store.AddModelAsync();

        await using var context = await store.ContextFactory.CreateDbContextAsync();
        var model = await context.Models.SingleAsync();

        Assert.Equal(DateTimeKind.Utc, model.CreatedAt.Kind);
    }

    [Fact]
    public async Task Migrate_CopiedStoreNotInWalMode_Opens()
    {
        await store.AddModelAsync();
        var copyPath = Path.Combine(Path.GetDirectoryName(store.DatabasePath)!, "copy.db");
        await using (var context = await store.ContextFactory.CreateDbContextAsync())
        {
            // VACUUM INTO writes a copy in the default rollback-journal mode, as a backup tool would.
            await context.Database.ExecuteSqlAsync($"VACUUM INTO {copyPath}");
        }

        var builder = new DbContextOptionsBuilder<RemapDbContext>();
        builder.UseRemapSqlite(copyPath);
        await using var copy = new RemapDbContext(builder.Options);
        await copy.MigrateRemapStoreAsync();

        Assert.Equal(1, await copy.Models.CountAsync());
        Assert.Equal("wal", Assert.Single(await copy.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()));
        SqliteConnection.ClearAllPools();
    }
}
