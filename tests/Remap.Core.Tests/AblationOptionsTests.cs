using CsCheck;
using Remap.Core.Exploration;
using Remap.Core.Model;
using Remap.Core.Shapes;

namespace Remap.Core.Tests;

public class AblationOptionsTests
{
    [Fact]
    public void Ablation_SampledChildrenValidWithinBudget()
    {
        Gen.Select(ExplorationArchitectures.Sampled, Gen.Bool).Sample((parent, blocks) =>
        {
            const long budget = 2_000_000;
            var study = AblationGenerator.Generate(parent, new AblationOptions([], blocks, budget));
            foreach (var child in study.Children)
            {
                var report = ShapeInference.Infer(child.Architecture);
                Assert.True(report.IsValid, child.Change);
                Assert.InRange(report.TotalParameters, 1, budget);
            }
        }, iter: 60);
    }

    [Fact]
    public void Ablation_BlocksRemoveConvActivationPool()
    {
        var parent = ExplorationArchitectures.SmallCnn();

        var study = AblationGenerator.Generate(parent, new AblationOptions([], Blocks: true));

        Assert.Equal([[0, 1, 2], [3, 4, 5]], study.Children.Select(child => child.RemovedLayerIndexes.ToArray()));
        Assert.Equal(parent.Layers.Length - 3, study.Children[0].Architecture.Layers.Length);
    }

    [Fact]
    public void Ablation_ChosenLayersOnly()
    {
        var study = AblationGenerator.Generate(ExplorationArchitectures.SmallCnn(), new AblationOptions([1, 8]));

        Assert.Equal([1, 8], study.Children.Select(child => child.RemovedLayerIndex));
    }

    [Fact]
    public void Ablation_ChosenLayerSelectsItsBlock()
    {
        var study = AblationGenerator.Generate(ExplorationArchitectures.SmallCnn(), new AblationOptions([4], Blocks: true));

        Assert.Equal([3, 4, 5], Assert.Single(study.Children).RemovedLayerIndexes.ToArray());
    }

    [Fact]
    public void Ablation_RejectsFinalDenseIndex()
    {
        var parent = ExplorationArchitectures.SmallCnn();

        Assert.Throws<ArgumentOutOfRangeException>(() => AblationGenerator.Generate(parent, new AblationOptions([parent.Layers.Length - 1])));
    }

    [Fact]
    public void Ablation_IndexErrorNamesLayerNumbers()
    {
        var parent = ExplorationArchitectures.SmallCnn();
        var last = parent.Layers.Length - 1;

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => AblationGenerator.Generate(parent, new AblationOptions([last])));

        Assert.Contains($"Index {last} (layer {last + 1}) cannot be ablated", exception.Message);
        Assert.Contains($"(layers 1 to {last})", exception.Message);
    }

    [Fact]
    public void Ablation_SkipReasonNamesKindsNotIndexes()
    {
        // Removing the only flatten leaves dense on an image: the reason names the layer kinds and the fix, never a 0-based index.
        var parent = ExplorationArchitectures.SmallCnn();
        var flatten = parent.Layers.IndexOf(parent.Layers.First(layer => layer.Kind == LayerKind.Flatten));

        var study = AblationGenerator.Generate(parent, new AblationOptions([flatten]));

        Assert.Equal(flatten, Assert.Single(study.Skipped).LayerIndex);
        Assert.StartsWith("dense needs a flat input", Assert.Single(study.Skipped).Reason);
    }

    [Fact]
    public void Ablation_SkipsChildOverBudget()
    {
        // Removing the second pooling layer quadruples the first dense layer's weights.
        var parent = ExplorationArchitectures.SmallCnn();
        var limit = ShapeInference.Infer(parent).TotalParameters;

        var study = AblationGenerator.Generate(parent, new AblationOptions([5], MaxParameters: limit));

        Assert.Contains("more than the limit", Assert.Single(study.Skipped).Reason);
    }
}
