using System.Collections.Immutable;
using Remap.Core.Model;

namespace Remap.Core.Exploration;

/// <summary>
/// One aligned position. Both indexes set: the layer is kept (same kind; its parameters may differ).
/// Only <see cref="BeforeIndex"/>: the layer was removed. Only <see cref="AfterIndex"/>: a layer was inserted.
/// Indexes are 0-based.
/// </summary>
public readonly record struct LayerPair(int? BeforeIndex, int? AfterIndex)
{
    public bool IsKept => BeforeIndex is not null && AfterIndex is not null;
}

public enum LayerChangeKind
{
    Inserted,
    Removed,
    Replaced,
    Reparameterised,
}

/// <summary>
/// One layer-level change with both layers where they exist. <see cref="Description"/> counts layers from 1,
/// as editors show lines, and uses the numbering of the architecture before the change.
/// </summary>
public sealed record LayerChange(LayerChangeKind Kind, int? BeforeIndex, int? AfterIndex, Layer? Before, Layer? After, string Description);

/// <summary>
/// The layer alignment of two architectures and the changes it implies. A replaced layer appears in
/// <see cref="Alignment"/> as one removed and one inserted pair, and in <see cref="Changes"/> as one change.
/// </summary>
public sealed record ArchitectureDifference(ImmutableArray<LayerPair> Alignment, ImmutableArray<LayerChange> Changes)
{
    public bool IsEmpty => Changes.IsEmpty;
}

/// <summary>
/// Compares two sequential architectures layer by layer. The same algorithm names a child's changes,
/// serves the diff endpoint and tells warm start which trained layers a child shares with its parent.
/// </summary>
public static class ArchitectureDiff
{
    // A kept layer with other parameters costs less than removing it and inserting another, so layers of
    // the same kind are matched whenever the order allows it; layers of different kinds are never matched.
    private const int IndelCost = 2;
    private const int ReparameterisedCost = 1;

    public static ArchitectureDifference Compare(Architecture before, Architecture after)
    {
        var alignment = Align(before.Layers, after.Layers);
        return new ArchitectureDifference(alignment, Describe(before.Layers, after.Layers, alignment));
    }

    /// <summary>
    /// An edit-distance alignment: <c>cost[i, j]</c> is the cheapest way to turn the layers from i on into
    /// the layers from j on. Walking it forward with a fixed preference (keep, then remove, then insert)
    /// makes the result deterministic and puts removals before insertions within a gap.
    /// </summary>
    private static ImmutableArray<LayerPair> Align(ImmutableArray<Layer> before, ImmutableArray<Layer> after)
    {
        var cost = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length; i >= 0; i--)
        {
            for (var j = after.Length; j >= 0; j--)
            {
                if (i == before.Length || j == after.Length)
                {
                    cost[i, j] = IndelCost * ((before.Length - i) + (after.Length - j));
                    continue;
                }

                var best = Math.Min(cost[i + 1, j], cost[i, j + 1]) + IndelCost;
                if (KeepCost(before[i], after[j]) is { } keep)
                {
                    best = Math.Min(best, cost[i + 1, j + 1] + keep);
                }

                cost[i, j] = best;
            }
        }

        var pairs = ImmutableArray.CreateBuilder<LayerPair>(Math.Max(before.Length, after.Length));
        var (row, column) = (0, 0);
        while (row < before.Length || column < after.Length)
        {
            if (row < before.Length && column < after.Length
                && KeepCost(before[row], after[column]) is { } keep
                && cost[row, column] == cost[row + 1, column + 1] + keep)
            {
                pairs.Add(new LayerPair(row++, column++));
            }
            else if (row < before.Length && cost[row, column] == cost[row + 1, column] + IndelCost)
            {
                pairs.Add(new LayerPair(row++, null));
            }
            else
            {
                pairs.Add(new LayerPair(null, column++));
            }
        }

        return pairs.ToImmutable();
    }

    private static int? KeepCost(Layer before, Layer after) =>
        before.Kind != after.Kind ? null : before.Equals(after) ? 0 : ReparameterisedCost;

    /// <summary>
    /// Turns the alignment into changes. Within a gap between kept layers, removed and inserted layers
    /// are paired in order as replacements. What is left over stays a removal or an insertion.
    /// </summary>
    private static ImmutableArray<LayerChange> Describe(ImmutableArray<Layer> before, ImmutableArray<Layer> after, ImmutableArray<LayerPair> alignment)
    {
        var changes = ImmutableArray.CreateBuilder<LayerChange>();
        var position = 0;
        while (position < alignment.Length)
        {
            var pair = alignment[position];
            if (pair.IsKept)
            {
                var (old, @new) = (before[pair.BeforeIndex!.Value], after[pair.AfterIndex!.Value]);
                if (!old.Equals(@new))
                {
                    changes.Add(new LayerChange(LayerChangeKind.Reparameterised, pair.BeforeIndex, pair.AfterIndex, old, @new,
                        $"changed layer {pair.BeforeIndex + 1} {LayerCatalog.Get(old.Kind).Keyword}: {ParameterChanges(old, @new)}"));
                }

                position++;
                continue;
            }

            var gapEnd = position;
            while (gapEnd < alignment.Length && !alignment[gapEnd].IsKept)
            {
                gapEnd++;
            }

            var removed = alignment[position..gapEnd].Where(item => item.BeforeIndex is not null).Select(item => item.BeforeIndex!.Value).ToList();
            var inserted = alignment[position..gapEnd].Where(item => item.AfterIndex is not null).Select(item => item.AfterIndex!.Value).ToList();
            var replaced = Math.Min(removed.Count, inserted.Count);
            for (var index = 0; index < replaced; index++)
            {
                var (old, @new) = (before[removed[index]], after[inserted[index]]);
                changes.Add(new LayerChange(LayerChangeKind.Replaced, removed[index], inserted[index], old, @new,
                    $"replaced layer {removed[index] + 1} ({old}) with {@new}"));
            }

            foreach (var index in removed.Skip(replaced))
            {
                changes.Add(new LayerChange(LayerChangeKind.Removed, index, null, before[index], null, $"removed layer {index + 1} ({before[index]})"));
            }

            // Insertions are placed relative to the next layer of the old architecture, the one a reader can find.
            var nextBefore = alignment[gapEnd..].Select(item => item.BeforeIndex).FirstOrDefault(index => index is not null);
            foreach (var index in inserted.Skip(replaced))
            {
                var place = nextBefore is { } next
                    ? $"before layer {next + 1} ({before[next]})"
                    : before.IsEmpty ? "as the first layer" : $"after layer {before.Length} ({before[^1]})";
                changes.Add(new LayerChange(LayerChangeKind.Inserted, null, index, null, after[index], $"inserted {after[index]} {place}"));
            }

            position = gapEnd;
        }

        return changes.ToImmutable();
    }

    private static string ParameterChanges(Layer old, Layer @new) =>
        string.Join(", ", old.Parameters
            .Zip(@new.Parameters)
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => $"{pair.First.Name} {Layer.FormatNumber(pair.First.Value)} → {Layer.FormatNumber(pair.Second.Value)}"));
}
