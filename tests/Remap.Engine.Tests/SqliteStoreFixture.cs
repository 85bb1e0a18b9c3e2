using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Remap.Engine.Jobs;
using Remap.Engine.Sqlite;
using Remap.Engine.Store;

namespace Remap.Engine.Tests;

/// <summary>A migrated store on a fresh SQLite file, deleted when the test ends.</summary>
public sealed class SqliteStoreFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"remap-engine-tests-{Guid.NewGuid():N}");

    public string DatabasePath => Path.Combine(directory, "remap.db");

    public IDbContextFactory<RemapDbContext> ContextFactory { get; private set; } = null!;

    public JobQueue Queue { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new DbContextOptionsBuilder<RemapDbContext>();
        builder.UseRemapSqlite(DatabasePath);
        ContextFactory = new OptionsContextFactory(builder.Options);
        await using (var context = await ContextFactory.CreateDbContextAsync())
        {
            await context.MigrateRemapStoreAsync();
        }

        Queue = new JobQueue(ContextFactory, TimeProvider.System);
    }

    /// <summary>
    /// A context factory with options of its own on the same file, as another process sharing the store
    /// would have; <paramref name="interceptors"/> observe its commands.
    /// </summary>
    public IDbContextFactory<RemapDbContext> CreateContextFactory(params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<RemapDbContext>();
        builder.UseRemapSqlite(DatabasePath).AddInterceptors(interceptors);
        return new OptionsContextFactory(builder.Options);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Stores a minimal model row so jobs have a model to point at.</summary>
    public async Task<long> AddModelAsync(string name = "tiny")
    {
        await using var context = await ContextFactory.CreateDbContextAsync();
        var model = new ModelEntity
        {
            Name = name,
            SourceText = "model tiny\ninput 4\nclasses 2\ndense units=2\n",
            CanonicalText = "model tiny\ninput 4\nclasses 2\ndense units=2\n",
            ArchitectureHash = new string('a', 64),
            TrainingHash = new string('b', 64),
            TrainingSettingsJson = "{}",
            DatasetName = "fashion-mnist-sample",
            InputShape = "4",
            Classes = 2,
            LayerTableJson = "[]",
            ParameterCount = 10,
            CreatedAt = DateTime.UtcNow,
        };
        context.Models.Add(model);
        await context.SaveChangesAsync();
        return model.Id;
    }

    public async Task<JobEntity> GetJobAsync(long jobId)
    {
        await using var context = await ContextFactory.CreateDbContextAsync();
        return await context.Jobs.AsNoTracking().SingleAsync(job => job.Id == jobId);
    }

    public static RunEntity NewRun() => new()
    {
        Seed = 42,
        EpochMetricsJson = "[]",
        ValidationAccuracy = 0.5,
        TestAccuracy = 0.4,
        PerClassAccuracyJson = "[0.4,0.4]",
        ConfusionMatrixJson = "[[1,1],[1,1]]",
        ValidationCorrect = [0b0101],
        TestCorrect = [0b0011],
        DurationSeconds = 1.5,
        FinishedAt = DateTime.UtcNow,
    };
}

/// <summary>Creates contexts from fixed options, as AddDbContextFactory does in a host.</summary>
internal sealed class OptionsContextFactory(DbContextOptions<RemapDbContext> options) : IDbContextFactory<RemapDbContext>
{
    public RemapDbContext CreateDbContext() => new(options);
}
