namespace Remap.Api.Overview;

/// <summary>Cuts a page out of a snapshot: thinning first, then the id cursor and the limit, plus the focus model.</summary>
public static class OverviewPaging
{
    public static OverviewResponse Page(OverviewSnapshot snapshot, string dataset, string view, OverviewQuery query, int limit)
    {
        IReadOnlyList<OverviewEntry> entries = snapshot.Entries;
        var thinned = false;
        if (query.MaxPoints is { } maxPoints && snapshot.Bounds is { } bounds && (snapshot.PlacedCount > maxPoints || snapshot.PlacedCount < entries.Count))
        {
            entries = Thin(snapshot.Entries, bounds, maxPoints);
            thinned = entries.Count < snapshot.Entries.Length;
        }

        var start = query.After is { } after ? FirstAfter(entries, after) : 0;
        var page = new List<OverviewPoint>(Math.Min(limit, Math.Max(0, entries.Count - start)));
        for (var index = start; index < entries.Count && page.Count < limit; index++)
        {
            page.Add(ToPoint(entries[index], query.ClassIndex));
        }

        var nextAfter = start + page.Count < entries.Count ? page[^1].Id : (long?)null;
        var focus = query.Focus is { } focusId && FindById(snapshot.Entries, focusId) is { } entry ? ToPoint(entry, query.ClassIndex) : null;
        return new OverviewResponse(dataset, view, query.ClassIndex, snapshot.Entries.Length, snapshot.PlacedCount, thinned, nextAfter,
            snapshot.Bounds, snapshot.ProjectionInfo, focus, page);
    }

    /// <summary>
    /// Keeps at most <paramref name="maxPoints"/> placed entries: on a grid of about that many cells over the
    /// bounds, the most accurate model of each cell (the lowest id on ties). Unplaced entries cannot be drawn and go.
    /// </summary>
    public static List<OverviewEntry> Thin(IReadOnlyList<OverviewEntry> entries, OverviewBounds bounds, int maxPoints)
    {
        var side = (int)Math.Ceiling(Math.Sqrt(maxPoints));
        var width = Math.Max(bounds.MaxX - bounds.MinX, 1e-12);
        var height = Math.Max(bounds.MaxY - bounds.MinY, 1e-12);
        var best = new Dictionary<int, OverviewEntry>();
        foreach (var entry in entries)
        {
            if (entry.X is not { } x || entry.Y is not { } y)
            {
                continue;
            }

            var column = Math.Min(side - 1, (int)((x - bounds.MinX) / width * side));
            var row = Math.Min(side - 1, (int)((y - bounds.MinY) / height * side));
            var cell = row * side + column;
            if (!best.TryGetValue(cell, out var kept) || (entry.ValidationAccuracy ?? -1) > (kept.ValidationAccuracy ?? -1))
            {
                best[cell] = entry;
            }
        }

        return [.. best.Values
            .OrderByDescending(entry => entry.ValidationAccuracy ?? -1)
            .ThenBy(entry => entry.Id)
            .Take(maxPoints)
            .OrderBy(entry => entry.Id)];
    }

    private static OverviewPoint ToPoint(OverviewEntry entry, int? classIndex) => new(
        entry.Id, entry.Name, entry.X, entry.Y, entry.ValidationAccuracy, entry.ParameterCount, entry.Status, entry.ParentId, entry.Layers, entry.OutputSizes,
        classIndex is { } index && entry.PerClassAccuracy is { } perClass && index < perClass.Count ? perClass[index] : null);

    private static int FirstAfter(IReadOnlyList<OverviewEntry> entries, long after)
    {
        // Entries are sorted by id, so the cursor is a binary search.
        var (low, high) = (0, entries.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (entries[middle].Id <= after)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    internal static OverviewEntry? FindById(IReadOnlyList<OverviewEntry> entries, long id)
    {
        var index = FirstAfter(entries, id - 1);
        return index < entries.Count && entries[index].Id == id ? entries[index] : null;
    }
}
