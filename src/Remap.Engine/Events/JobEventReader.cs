using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Remap.Engine.Store;

namespace Remap.Engine.Events;

/// <summary>
/// Reads the stored job events after an id, then follows the table: a write in this process wakes the
/// reader at once, and a poll every <see cref="EngineOptions.EventPollInterval"/> finds the events other
/// processes wrote. Events come out in id order, each once.
/// </summary>
public sealed class JobEventReader(
    IDbContextFactory<RemapDbContext> contextFactory, JobEventHub hub, IOptions<EngineOptions> options, TimeProvider timeProvider)
{
    /// <summary>The most events read in one query, so a long replay streams instead of loading the whole table.</summary>
    public const int PageSize = 500;

    /// <summary>
    /// How long a missing id holds back the events after it. On a database whose ids come from a sequence
    /// (PostgreSQL), a transaction can take an id and commit after a later id is visible; waiting for it
    /// keeps the order. An id that never appears (its transaction rolled back) is skipped after the wait.
    /// SQLite assigns ids in commit order, so there the wait only follows a rollback.
    /// </summary>
    public static readonly TimeSpan GapWait = TimeSpan.FromSeconds(2);

    private readonly EngineOptions settings = options.Value;

    /// <summary>The id of the latest stored event, or 0 when there is none.</summary>
    public async Task<long> LatestIdAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.JobEvents.MaxAsync(row => (long?)row.Id, cancellationToken) ?? 0;
    }

    /// <summary>
    /// Every stored event after <paramref name="afterId"/>, then every later one, until cancelled. Null, or an
    /// id larger than any stored (an id from another store), starts at the oldest kept event. An id older than
    /// the kept history starts at the oldest kept event too: the events in between were pruned.
    /// </summary>
    public async IAsyncEnumerable<JobEvent> ReadAsync(long? afterId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = await StartAfterAsync(afterId, cancellationToken);
        DateTimeOffset? gapSince = null;
        while (true)
        {
            var wake = hub.NextPublished();
            var page = await ReadPageAsync(last, cancellationToken);
            var delivered = 0;
            foreach (var row in page)
            {
                if (row.Id != last + 1)
                {
                    gapSince ??= timeProvider.GetUtcNow();
                    if (timeProvider.GetUtcNow() - gapSince < GapWait)
                    {
                        break;
                    }
                }

                gapSince = null;
                last = row.Id;
                delivered++;
                yield return row;
            }

            if (page.Count == PageSize && delivered == page.Count)
            {
                continue;
            }

            await WaitAsync(wake, cancellationToken);
        }
    }

    private async Task<long> StartAfterAsync(long? afterId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var oldest = await context.JobEvents.MinAsync(row => (long?)row.Id, cancellationToken);
        var latest = await context.JobEvents.MaxAsync(row => (long?)row.Id, cancellationToken) ?? 0;
        var start = afterId is { } id && id <= latest ? id : 0;

        // A pruned range is not a gap to wait for.
        return oldest is { } first && start < first - 1 ? first - 1 : start;
    }

    private async Task<List<JobEvent>> ReadPageAsync(long afterId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await context.JobEvents.AsNoTracking()
            .Where(row => row.Id > afterId)
            .OrderBy(row => row.Id)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(JobEventRows.ToEvent);
    }

    private async Task WaitAsync(Task wake, CancellationToken cancellationToken)
    {
        var poll = Task.Delay(settings.EventPollInterval, timeProvider, cancellationToken);
        await Task.WhenAny(wake, poll).WaitAsync(cancellationToken);
    }
}
