using CsCheck;
using Remap.Core.Exploration;
using Remap.Core.Model;
using Remap.Core.Shapes;

namespace Remap.Core.Tests;

public class PopulationSamplerTests
{
    [Fact]
    public void Sampler_ArchitecturesAreValidWithinBounds()
    {
        ExplorationArchitectures.SamplerOptions.Sample(options =>
        {
            var population = PopulationSampler.Sample(ExplorationArchitectures.ImageTemplate(), 5, options);
            foreach (var architecture in population.Architectures)
            {
                var report = ShapeInference.Infer(architecture);
                Assert.True(report.IsValid, string.Join("; ", report.Problems.Select(problem => problem.Message)) + " in " + LayerShortForm.Format(architecture.Layers));
                Assert.InRange(report.TotalParameters, 1, options.MaxParameters);
                Assert.InRange(architecture.Layers.Length, 1, options.MaxDepth);
            }
        }, iter: 60);
    }

    [Fact]
    public void Sampler_SameSeedSamePopulation()
    {
        var first = ExplorationArchitectures.Population(20, 7).Select(ArchitectureHash.Compute);
        var second = ExplorationArchitectures.Population(20, 7).Select(ArchitectureHash.Compute);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Sampler_OtherSeedOtherPopulation()
    {
        var first = ExplorationArchitectures.Population(20, 7).Select(ArchitectureHash.Compute);
        var second = ExplorationArchitectures.Population(20, 8).Select(ArchitectureHash.Compute);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Sampler_UsesOnlyAllowedKinds()
    {
        LayerKind[] allowed = [LayerKind.Conv2d, LayerKind.Relu, LayerKind.MaxPool2d, LayerKind.Flatten];
        var options = new SamplerOptions(12, 1_000_000, [.. allowed], 3);

        var population = PopulationSampler.Sample(ExplorationArchitectures.ImageTemplate(), 30, options);

        // The final dense layer is always added, whatever the allowed kinds.
        Assert.All(population.Architectures, architecture =>
            Assert.All(architecture.Layers.SkipLast(1), layer => Assert.Contains(layer.Kind, allowed)));
    }

    [Fact]
    public void Sampler_ProducesVariedKinds()
    {
        var kinds = ExplorationArchitectures.Population(50, 11).SelectMany(architecture => architecture.Layers).Select(layer => layer.Kind).Distinct().Count();

        Assert.True(kinds >= 8, $"50 samples used only {kinds} layer kinds");
    }

    [Fact]
    public void Sampler_RejectsImageInputWithoutFlatten()
    {
        var options = new SamplerOptions(8, 1_000_000, [LayerKind.Conv2d, LayerKind.Relu], 1);

        var exception = Assert.Throws<ArgumentException>(() => PopulationSampler.Sample(ExplorationArchitectures.ImageTemplate(), 1, options));

        Assert.Contains("flatten or globalavgpool", exception.Message);
    }

    [Fact]
    public void Sampler_RejectsBudgetBelowSmallestNetwork()
    {
        var options = new SamplerOptions(8, 5, [], 1);

        var exception = Assert.Throws<ArgumentException>(() => PopulationSampler.Sample(ExplorationArchitectures.ImageTemplate(), 1, options));

        Assert.Contains("raise it to at least", exception.Message);
    }
}
