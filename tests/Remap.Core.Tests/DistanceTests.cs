using CsCheck;
using Remap.Core.Exploration;
using Remap.Core.Model;

namespace Remap.Core.Tests;

public class DistanceTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Structural_DistanceToItselfIsZero()
    {
        ExplorationArchitectures.Sampled.Sample(architecture =>
            Assert.Equal(0, StructuralDistance.Compute(architecture, architecture), Tolerance), iter: 60);
    }

    [Fact]
    public void Structural_IsSymmetric()
    {
        Gen.Select(ExplorationArchitectures.Sampled, ExplorationArchitectures.Sampled).Sample((first, second) =>
            Assert.Equal(StructuralDistance.Compute(first, second), StructuralDistance.Compute(second, first), Tolerance), iter: 60);
    }

    [Fact]
    public void Structural_MeetsTriangleInequality()
    {
        Gen.Select(ExplorationArchitectures.Sampled, ExplorationArchitectures.Sampled, ExplorationArchitectures.Sampled).Sample((first, second, third) =>
        {
            var direct = StructuralDistance.Compute(first, third);
            var detour = StructuralDistance.Compute(first, second) + StructuralDistance.Compute(second, third);
            Assert.True(direct <= detour + Tolerance, $"d(a,c) = {direct} > d(a,b) + d(b,c) = {detour}");
        }, iter: 150);
    }

    [Fact]
    public void Structural_ZeroOnlyForSameLayers()
    {
        Gen.Select(ExplorationArchitectures.Sampled, ExplorationArchitectures.Sampled).Sample((first, second) =>
        {
            var same = ArchitectureHash.Compute(first) == ArchitectureHash.Compute(second);
            Assert.Equal(same, StructuralDistance.Compute(first, second) < Tolerance);
        }, iter: 100);
    }

    [Fact]
    public void Structural_NeighbourCloserThanStranger()
    {
        var parent = ExplorationArchitectures.SmallCnn();
        var neighbour = parent.WithLayers(parent.Layers.SetItem(0, parent.Layers[0].With("filters", 32)));
        var stranger = ExplorationArchitectures.Load("input 1x28x28\nclasses 10\nflatten\ndense units=512\ntanh\ndense units=10\n");

        Assert.True(StructuralDistance.Compute(parent, neighbour) < StructuralDistance.Compute(parent, stranger));
    }

    [Fact]
    public void Structural_RemovedLayerCostsItsMass()
    {
        // The relu's log2(1 + 64) of mass is unmatched; the dense layers each sit one layer closer to the other end.
        var first = ExplorationArchitectures.Load("input 20\nclasses 3\ndense units=64\nrelu\ndense units=3\n");
        var second = ExplorationArchitectures.Load("input 20\nclasses 3\ndense units=64\ndense units=3\n");

        var distance = StructuralDistance.Compute(first, second);

        var shift = StructuralDistance.PositionCost * 0.5 * (Math.Log2(65) + Math.Log2(4));
        Assert.Equal(Math.Log2(65) * StructuralDistance.NonAssignmentCost + shift, distance, 1e-9);
    }

    [Fact]
    public void Prediction_CountsDifferingSamples()
    {
        byte[] first = [0b1111_0000, 0b0000_0001];
        byte[] second = [0b1111_1111, 0b1111_1111];

        // 9 samples: bits 0-3 differ in byte 0, bit 8 (byte 1, bit 0) is equal.
        Assert.Equal(4.0 / 9, PredictionDistance.Compute(first, second, 9), Tolerance);
    }

    [Fact]
    public void Prediction_MeetsTriangleInequality()
    {
        var bitsets = Gen.Byte.Array[13];
        Gen.Select(bitsets, bitsets, bitsets).Sample((first, second, third) =>
        {
            var direct = PredictionDistance.Compute(first, third, 100);
            var detour = PredictionDistance.Compute(first, second, 100) + PredictionDistance.Compute(second, third, 100);
            Assert.True(direct <= detour + Tolerance);
            Assert.Equal(PredictionDistance.Compute(first, second, 100), PredictionDistance.Compute(second, first, 100));
            Assert.Equal(0, PredictionDistance.Compute(first, first, 100));
        });
    }

    [Fact]
    public void Prediction_RejectsShortBitset()
    {
        var exception = Assert.Throws<ArgumentException>(() => PredictionDistance.Compute(new byte[2], new byte[13], 100));

        Assert.Contains("same dataset", exception.Message);
    }
}
