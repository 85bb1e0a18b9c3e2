using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Remap.Engine.Jobs;
using Remap.Engine.Store;

namespace Remap.Engine.Tests;

/// <summary>
/// A reader on another connection never sees a job's new state next to its model's old status: after
/// every write and every commit, a second connection reads both, as the API would.
/// </summary>
public sealed class JobStateConsistencyTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private readonly SqliteStoreFixture store = new();

    public Task InitializeAsync() => store.InitializeAsync();

    public Task DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task Transitions_ReaderSeesJobAndModelTogether()
    {
        var modelId = await store.AddModelAsync();
        await SetModelStatusAsync(modelId, JobStates.Succeeded);
        var observer = new JobModelObserver(store.DatabasePath);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var queue = new JobQueue(store.CreateContextFactory(observer), clock);

        var job = await queue.EnqueueAsync(modelId, epochs: 1);
        var claim = await queue.ClaimNextAsync("worker-a", Lease);
        await queue.ReleaseAsync(claim!);
        await queue.ClaimNextAsync("worker-b", Lease);
        clock.Advance(Lease * 2);
        await queue.RequeueExpiredLeasesAsync();
        await queue.CancelAsync(job.Id);

        Assert.Empty(observer.Mismatches);
    }

    private async Task SetModelStatusAsync(long modelId, string status)
    {
        // A model trained before starts as succeeded, so a queued job next to it would be visible as a mismatch.
        await using var context = await store.ContextFactory.CreateDbContextAsync();
        var model = await context.Models.FindAsync(modelId);
        model!.Status = status;
        await context.SaveChangesAsync();
    }

    /// <summary>Reads every job's state and its model's status on a connection of its own after each write and each commit.</summary>
    private sealed class JobModelObserver(string databasePath) : DbCommandInterceptor, IDbTransactionInterceptor
    {
        public List<string> Mismatches { get; } = [];

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Read("COMMIT");

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Read("COMMIT");
            return Task.CompletedTask;
        }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Observe(command);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Observe(command);
            return ValueTask.FromResult(result);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Observe(command);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Observe(command);
            return ValueTask.FromResult(result);
        }

        private void Observe(DbCommand command)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            Read(command.CommandText);
        }

        private void Read(string after)
        {
            using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
            connection.Open();
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT j.Id, j.State, m.Status FROM jobs j JOIN models m ON m.Id = j.ModelId";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                if (reader.GetString(1) != reader.GetString(2))
                {
                    Mismatches.Add($"job {reader.GetInt64(0)} is {reader.GetString(1)} but its model is {reader.GetString(2)} after: {after}");
                }
            }
        }
    }
}
