using System.Collections.Immutable;
using Remap.Core.Model;
using Remap.Core.Shapes;

namespace Remap.Core.Exploration;

/// <summary>A child of an ablation study: the parent without one layer. <see cref="RemovedLayerIndex"/> is 0-based.</summary>
public sealed record AblationChild(int RemovedLayerIndex, Layer RemovedLayer, Architecture Architecture, string Change);

/// <summary>A layer whose removal would leave a network that cannot run, with the shape problem as the reason.</summary>
public sealed record SkippedAblation(int LayerIndex, Layer Layer, string Reason);

public sealed record AblationStudy(ImmutableArray<AblationChild> Children, ImmutableArray<SkippedAblation> Skipped);

/// <summary>
/// Builds the ablation study of an architecture: one child per layer removed, except the final dense layer
/// that maps to the classes. Each child is shape-checked; a removal that breaks the shapes is skipped.
/// </summary>
public static class AblationGenerator
{
    public static AblationStudy Generate(Architecture parent)
    {
        var children = ImmutableArray.CreateBuilder<AblationChild>();
        var skipped = ImmutableArray.CreateBuilder<SkippedAblation>();
        var layers = parent.Layers;
        var removable = layers.Length > 0 && layers[^1].Kind == LayerKind.Dense ? layers.Length - 1 : layers.Length;
        for (var index = 0; index < removable; index++)
        {
            var layer = layers[index];
            var childLayers = layers.RemoveAt(index);
            var report = ShapeInference.Infer(parent.Input, parent.Classes, childLayers);
            if (!report.IsValid)
            {
                skipped.Add(new SkippedAblation(index, layer, report.Problems[0].Message));
                continue;
            }

            // Names and change texts count layers from 1, as editors show lines.
            var keyword = LayerCatalog.Get(layer.Kind).Keyword;
            var name = $"{parent.Name}-without-{index + 1}-{keyword}";
            var change = $"removed layer {index + 1} ({layer})";
            children.Add(new AblationChild(index, layer, parent.WithLayers(childLayers, name), change));
        }

        return new AblationStudy(children.ToImmutable(), skipped.ToImmutable());
    }
}
