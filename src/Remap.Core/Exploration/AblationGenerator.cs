using System.Collections.Immutable;
using Remap.Core.Model;
using Remap.Core.Shapes;

namespace Remap.Core.Exploration;

/// <summary>
/// A child of an ablation study: the parent without one layer, or without one block. <see cref="RemovedLayerIndex"/>
/// is the 0-based index of the first removed layer; <see cref="RemovedLayerIndexes"/> lists every removed layer.
/// </summary>
public sealed record AblationChild(int RemovedLayerIndex, Layer RemovedLayer, Architecture Architecture, string Change)
{
    public ImmutableArray<int> RemovedLayerIndexes { get; init; } = [RemovedLayerIndex];
}

/// <summary>A layer (or block) whose removal would leave a network that cannot run or is over the parameter budget, with the reason.</summary>
public sealed record SkippedAblation(int LayerIndex, Layer Layer, string Reason)
{
    public ImmutableArray<int> LayerIndexes { get; init; } = [LayerIndex];
}

public sealed record AblationStudy(ImmutableArray<AblationChild> Children, ImmutableArray<SkippedAblation> Skipped);

/// <summary>What an ablation study removes.</summary>
/// <param name="LayerIndexes">The 0-based layers to remove, one child each; empty means every layer but the final dense one. With <paramref name="Blocks"/>, the blocks that contain these layers.</param>
/// <param name="Blocks">Remove whole blocks instead of single layers: a conv2d with the batchnorm2d, activation and dropout layers that follow it and one pooling layer after them.</param>
/// <param name="MaxParameters">Children with more trainable parameters are skipped; null sets no limit (removing a pooling layer can grow the next dense layer).</param>
public sealed record AblationOptions(ImmutableArray<int> LayerIndexes, bool Blocks = false, long? MaxParameters = null)
{
    public static AblationOptions Default { get; } = new([]);
}

/// <summary>
/// Builds the ablation study of an architecture: one child per layer (or block) removed, never the final
/// dense layer that maps to the classes. Each child is shape-checked; a removal that breaks the shapes or
/// the parameter budget is skipped with the reason.
/// </summary>
public static class AblationGenerator
{
    public static AblationStudy Generate(Architecture parent) => Generate(parent, AblationOptions.Default);

    /// <exception cref="ArgumentOutOfRangeException">A chosen index is not a removable layer of the parent.</exception>
    public static AblationStudy Generate(Architecture parent, AblationOptions options)
    {
        var layers = parent.Layers;
        var removable = layers.Length > 0 && layers[^1].Kind == LayerKind.Dense ? layers.Length - 1 : layers.Length;
        foreach (var index in options.LayerIndexes)
        {
            if (index < 0 || index >= removable)
            {
                throw new ArgumentOutOfRangeException(nameof(options), index,
                    $"Index {index} (layer {index + 1}) cannot be ablated: choose an index from 0 to {removable - 1} (layers 1 to {removable}); the final dense layer is never removed.");
            }
        }

        var groups = options.Blocks ? FindBlocks(layers, removable) : [.. Enumerable.Range(0, removable).Select(index => new Range(index, index + 1))];
        if (!options.LayerIndexes.IsDefaultOrEmpty)
        {
            groups = [.. groups.Where(group => options.LayerIndexes.Any(index => index >= group.Start.Value && index < group.End.Value))];
        }

        var children = ImmutableArray.CreateBuilder<AblationChild>();
        var skipped = ImmutableArray.CreateBuilder<SkippedAblation>();
        foreach (var group in groups)
        {
            var (start, end) = (group.Start.Value, group.End.Value);
            var indexes = Enumerable.Range(start, end - start).ToImmutableArray();
            var childLayers = layers.RemoveRange(start, end - start);
            var report = ShapeInference.Infer(parent.Input, parent.Classes, childLayers);
            var reason = !report.IsValid ? report.Problems[0].Message
                : options.MaxParameters is { } limit && report.TotalParameters > limit
                    ? $"the child has {report.TotalParameters} parameters, more than the limit of {limit}"
                    : null;
            if (reason is not null)
            {
                skipped.Add(new SkippedAblation(start, layers[start], reason) { LayerIndexes = indexes });
                continue;
            }

            children.Add(CreateChild(parent, childLayers, start, end) with { RemovedLayerIndexes = indexes });
        }

        return new AblationStudy(children.ToImmutable(), skipped.ToImmutable());
    }

    /// <summary>Returns the blocks of a network: a conv2d, the batchnorm2d, activation and dropout layers after it, then at most one pooling layer.</summary>
    public static ImmutableArray<Range> FindBlocks(ImmutableArray<Layer> layers, int removable)
    {
        var blocks = ImmutableArray.CreateBuilder<Range>();
        var index = 0;
        while (index < removable)
        {
            if (layers[index].Kind != LayerKind.Conv2d)
            {
                index++;
                continue;
            }

            var end = index + 1;
            while (end < removable && (layers[end].Kind is LayerKind.BatchNorm2d or LayerKind.Dropout || LayerCatalog.Get(layers[end].Kind).IsActivation))
            {
                end++;
            }

            if (end < removable && layers[end].Kind is LayerKind.MaxPool2d or LayerKind.AvgPool2d)
            {
                end++;
            }

            blocks.Add(new Range(index, end));
            index = end;
        }

        return blocks.ToImmutable();
    }

    private static AblationChild CreateChild(Architecture parent, ImmutableArray<Layer> childLayers, int start, int end)
    {
        // Names and change texts count layers from 1, as editors show lines.
        var layer = parent.Layers[start];
        var keyword = LayerCatalog.Get(layer.Kind).Keyword;
        if (end - start == 1)
        {
            return new AblationChild(start, layer, parent.WithLayers(childLayers, $"{parent.Name}-without-{start + 1}-{keyword}"),
                $"removed layer {start + 1} ({layer})");
        }

        var removed = string.Join(", ", parent.Layers[start..end].Select(LayerShortForm.Format));
        return new AblationChild(start, layer, parent.WithLayers(childLayers, $"{parent.Name}-without-block-{start + 1}-{end}"),
            $"removed the block of layers {start + 1} to {end} ({removed})");
    }
}
