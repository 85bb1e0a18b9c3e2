using System.Collections.Immutable;
using CsCheck;
using Remap.Core.Exploration;
using Remap.Core.Language;
using Remap.Core.Model;

namespace Remap.Core.Tests;

/// <summary>Architectures and generators shared by the exploration property tests.</summary>
internal static class ExplorationArchitectures
{
    public static Architecture Load(string text) => ArchitectureCompiler.Compile(text).Architecture!;

    public static Architecture SmallCnn() => Load(TestFiles.Read(Path.Combine("examples", "cnn-small.remap")));

    /// <summary>An empty 1×28×28, 10-class template, the shape of the bundled Fashion-MNIST sample.</summary>
    public static Architecture ImageTemplate() => Load("input 1x28x28\nclasses 10\nflatten\ndense units=10\n").WithLayers([]);

    /// <summary>Random sampler bounds: depth 2 to 14, a budget of 10⁴ to 2·10⁶ parameters, and a seed.</summary>
    public static Gen<SamplerOptions> SamplerOptions { get; } =
        Gen.Select(Gen.Int[2, 14], Gen.Long[10_000, 2_000_000], Gen.Int[0, 1_000_000])
            .Select((depth, budget, seed) => new SamplerOptions(depth, budget, [], seed));

    /// <summary>One sampled architecture per draw.</summary>
    public static Gen<Architecture> Sampled { get; } =
        SamplerOptions.Select(options => PopulationSampler.Sample(ImageTemplate(), 1, options).Architectures[0]);

    public static ImmutableArray<Architecture> Population(int count, int seed) =>
        PopulationSampler.Sample(ImageTemplate(), count, new SamplerOptions(10, 500_000, [], seed)).Architectures;
}
