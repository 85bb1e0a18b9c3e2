using Microsoft.EntityFrameworkCore;

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
}
