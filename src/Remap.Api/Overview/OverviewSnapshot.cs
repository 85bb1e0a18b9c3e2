using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO.Compression;

namespace Remap.Api.Overview;

/// <summary>One model of a built overview, with every class's test accuracy so any <c>classIndex</c> is served from the cache.</summary>
public sealed record OverviewEntry(
    long Id, string Name, double? X, double? Y, double? ValidationAccuracy, long ParameterCount, string Status, long? ParentId, string Layers,
    IReadOnlyList<long> OutputSizes, IReadOnlyList<double>? PerClassAccuracy);

/// <summary>A built view of one dataset, valid while the store's <see cref="Version"/> stays the same.</summary>
public sealed record OverviewSnapshot(
    string Version, ImmutableArray<OverviewEntry> Entries, OverviewBounds? Bounds, OverviewProjectionInfo? ProjectionInfo)
{
    private const int MaxCachedResponses = 64;

    private readonly ConcurrentDictionary<OverviewQuery, OverviewBody> responses = new();

    public int PlacedCount { get; } = Entries.Count(entry => entry.X is not null);

    /// <summary>Returns the serialised response to a query, serialising it the first time; at most 64 queries are kept per snapshot.</summary>
    public OverviewBody Response(OverviewQuery query, Func<byte[]> serialise)
    {
        if (responses.TryGetValue(query, out var cached))
        {
            return cached;
        }

        if (responses.Count >= MaxCachedResponses)
        {
            responses.Clear();
        }

        return responses.GetOrAdd(query, _ => new OverviewBody(serialise()));
    }
}

/// <summary>
/// One serialised overview response: the JSON bytes, and their gzip form compressed on the first request
/// that accepts it, so a cached response of either kind is bytes written from memory.
/// </summary>
public sealed class OverviewBody(byte[] json)
{
    private readonly Lazy<byte[]> gzip = new(() => Compress(json), LazyThreadSafetyMode.ExecutionAndPublication);

    public byte[] Json => json;

    public byte[] Gzip => gzip.Value;

    private static byte[] Compress(byte[] json)
    {
        // Fastest keeps the one-time cost low, because the body is compressed on a request. JSON of repeated keys still shrinks several-fold.
        using var output = new MemoryStream(json.Length / 4);
        using (var stream = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            stream.Write(json);
        }

        return output.ToArray();
    }
}

/// <summary>
/// The overview snapshots of this process, one per dataset, view and method. A request rebuilds its
/// snapshot only when the store changed (models, runs or job states), so repeated requests cost a
/// version check, paging and serialisation.
/// </summary>
public sealed class OverviewCache
{
    private readonly ConcurrentDictionary<(string Dataset, string View, string Method), (OverviewSnapshot Snapshot, long CheckedAt)> snapshots = new();
    private readonly ConcurrentDictionary<(string Dataset, string View, string Method), SemaphoreSlim> gates = new();

    /// <summary>Per-class test accuracies by run id; a run never changes once stored.</summary>
    public ConcurrentDictionary<long, IReadOnlyList<double>> PerClassAccuracy { get; } = new();

    /// <summary>The datasets the models use and when they were read, for requests that name no dataset.</summary>
    public (IReadOnlyList<string> Datasets, long ReadAt)? UsedDatasets { get; set; }

    /// <summary>Returns the snapshot when it was checked against the store after <paramref name="checkedSince"/> (a timestamp), without checking again.</summary>
    public OverviewSnapshot? FindRecent((string Dataset, string View, string Method) key, long checkedSince) =>
        snapshots.TryGetValue(key, out var entry) && entry.CheckedAt >= checkedSince ? entry.Snapshot : null;

    /// <summary>Returns the snapshot when its version matches the store's, and records the check at <paramref name="now"/>.</summary>
    public OverviewSnapshot? Find((string Dataset, string View, string Method) key, string version, long now)
    {
        if (!snapshots.TryGetValue(key, out var entry) || entry.Snapshot.Version != version)
        {
            return null;
        }

        snapshots[key] = (entry.Snapshot, now);
        return entry.Snapshot;
    }

    public void Store((string Dataset, string View, string Method) key, OverviewSnapshot snapshot, long now) => snapshots[key] = (snapshot, now);

    public void Remove((string Dataset, string View, string Method) key) => snapshots.TryRemove(key, out _);

    /// <summary>The lock that lets one request at a time build a view, so a projection is fitted once.</summary>
    public SemaphoreSlim Gate((string Dataset, string View, string Method) key) => gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
}
