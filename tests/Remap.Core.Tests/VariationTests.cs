using System.Collections.Immutable;
using CsCheck;
using Remap.Core.Exploration;
using Remap.Core.Model;
using Remap.Core.Shapes;

namespace Remap.Core.Tests;

public class VariationTests
{
    private static readonly Gen<(Architecture Parent, int Count, int MaxChanges, int Seed)> Requests =
        Gen.Select(ExplorationArchitectures.Sampled, Gen.Int[1, 12], Gen.Int[1, 5], Gen.Int[0, 100_000]);

    [Fact]
    public void Variation_ChildrenValidWithinBudgetAndDistinct()
    {
        Requests.Sample(request =>
        {
            const long budget = 2_000_000;
            var set = VariationGenerator.Generate(request.Parent, new VariationOptions(request.Count, request.MaxChanges, request.Seed, budget));

            var hashes = new HashSet<string> { ArchitectureHash.Compute(request.Parent) };
            foreach (var child in set.Children)
            {
                var report = ShapeInference.Infer(child.Architecture);
                Assert.True(report.IsValid, LayerShortForm.Format(child.Architecture.Layers));
                Assert.InRange(report.TotalParameters, 1, budget);
                Assert.True(hashes.Add(ArchitectureHash.Compute(child.Architecture)), "a child duplicates its parent or a sibling");
                Assert.InRange(child.Changes.Length, 1, request.MaxChanges);
            }
        }, iter: 40);
    }

    [Fact]
    public void Variation_ReachesRequestedCountOnSmallCnn()
    {
        var set = VariationGenerator.Generate(ExplorationArchitectures.SmallCnn(), new VariationOptions(50, 3, 1, 5_000_000));

        Assert.Equal(50, set.Children.Length);
    }

    [Fact]
    public void Variation_SameSeedSameChildren()
    {
        var options = new VariationOptions(10, 3, 5, 5_000_000);

        var first = VariationGenerator.Generate(ExplorationArchitectures.SmallCnn(), options).Children.Select(child => ArchitectureHash.Compute(child.Architecture));
        var second = VariationGenerator.Generate(ExplorationArchitectures.SmallCnn(), options).Children.Select(child => ArchitectureHash.Compute(child.Architecture));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Variation_HonoursFrozenLayers()
    {
        var parent = ExplorationArchitectures.SmallCnn();
        ImmutableArray<VariationAction> none = [];

        // Only layer 0 (conv2d filters=16) may change, and only by re-parameterising.
        var restrictions = Enumerable.Range(0, parent.Layers.Length)
            .Select(index => index == 0 ? new LayerRestriction(0, [VariationAction.Reparameterise]) : new LayerRestriction(index, none))
            .ToImmutableArray();
        var set = VariationGenerator.Generate(parent, new VariationOptions(10, 3, 2, 5_000_000) { Restrictions = restrictions });

        Assert.NotEmpty(set.Children);
        Assert.All(set.Children, child =>
        {
            Assert.Equal(parent.Layers.Length, child.Architecture.Layers.Length);
            Assert.Equal(parent.Layers[1..].ToArray(), child.Architecture.Layers[1..].ToArray());
            Assert.Equal(LayerKind.Conv2d, child.Architecture.Layers[0].Kind);
            Assert.Equal(LayerChangeKind.Reparameterised, Assert.Single(child.Changes).Kind);
        });
    }

    [Fact]
    public void Variation_InsertsOnlyAllowedKinds()
    {
        var parent = ExplorationArchitectures.SmallCnn();
        var restrictions = Enumerable.Range(0, parent.Layers.Length)
            .Select(index => new LayerRestriction(index, [VariationAction.Insert], [LayerKind.Dropout, LayerKind.BatchNorm2d]))
            .ToImmutableArray();

        var set = VariationGenerator.Generate(parent, new VariationOptions(20, 2, 9, 5_000_000) { Restrictions = restrictions });

        Assert.NotEmpty(set.Children);
        Assert.All(set.Children, child =>
        {
            var extra = child.Architecture.Layers.Length - parent.Layers.Length;
            Assert.InRange(extra, 1, 2);
            var added = child.Architecture.Layers.Where(layer => layer.Kind is LayerKind.Dropout or LayerKind.BatchNorm2d).Count()
                - parent.Layers.Count(layer => layer.Kind is LayerKind.Dropout or LayerKind.BatchNorm2d);
            Assert.Equal(extra, added);
        });
    }

    [Fact]
    public void Variation_FinalDenseNeverChanges()
    {
        var parent = ExplorationArchitectures.SmallCnn();

        var set = VariationGenerator.Generate(parent, new VariationOptions(40, 5, 4, 5_000_000));

        Assert.All(set.Children, child => Assert.Equal(parent.Layers[^1], child.Architecture.Layers[^1]));
    }

    [Fact]
    public void Variation_RejectsRestrictionOnMissingLayer()
    {
        var options = new VariationOptions(1, 1, 1, 5_000_000) { Restrictions = [new LayerRestriction(40)] };

        var exception = Assert.Throws<ArgumentException>(() => VariationGenerator.Generate(ExplorationArchitectures.SmallCnn(), options));

        Assert.Contains("names index 40 (layer 41)", exception.Message);
    }

    [Fact]
    public void Variation_DuplicateRestrictionCountsFromOne()
    {
        var options = new VariationOptions(1, 1, 1, 5_000_000) { Restrictions = [new LayerRestriction(2), new LayerRestriction(2)] };

        var exception = Assert.Throws<ArgumentException>(() => VariationGenerator.Generate(ExplorationArchitectures.SmallCnn(), options));

        Assert.StartsWith("Index 2 (layer 3) has two restrictions", exception.Message);
    }

    [Fact]
    public void Variation_FrozenParentGivesNoChildren()
    {
        var parent = ExplorationArchitectures.SmallCnn();
        var restrictions = Enumerable.Range(0, parent.Layers.Length).Select(index => new LayerRestriction(index, ImmutableArray<VariationAction>.Empty)).ToImmutableArray();

        var set = VariationGenerator.Generate(parent, new VariationOptions(3, 1, 1, 5_000_000) { Restrictions = restrictions, AttemptsPerChild = 5 });

        Assert.Empty(set.Children);
    }
}
