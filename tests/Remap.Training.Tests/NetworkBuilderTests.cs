using Remap.Core.Model;
using Remap.Core.Shapes;
using Remap.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Remap.Training.Tests;

public sealed class NetworkBuilderTests
{
    [Theory]
    [MemberData(nameof(ReferenceCases.Data), MemberType = typeof(ReferenceCases))]
    public void Build_ParameterCountMatchesReference(ReferenceCases.Case reference)
    {
        using var network = NetworkBuilder.Build(reference.Architecture);

        Assert.Equal(reference.TotalParameters, network.ParameterCount);
    }

    [Theory]
    [MemberData(nameof(ReferenceCases.Data), MemberType = typeof(ReferenceCases))]
    public void Build_LayerOutputsMatchReference(ReferenceCases.Case reference)
    {
        using var network = NetworkBuilder.Build(reference.Architecture);
        using var scope = NewDisposeScope();
        network.eval();
        long[] batch = [2, .. reference.Architecture.Input.Dimensions.Select(dimension => (long)dimension)];
        var output = randn(batch);

        Assert.Equal(reference.Layers.Length, network.Layers.Count);
        for (var index = 0; index < reference.Layers.Length; index++)
        {
            output = network.Layers[index].call(output);
            long[] expectedShape = [2, .. reference.Layers[index].Output.Select(dimension => (long)dimension)];
            Assert.Equal(expectedShape, output.shape);
            Assert.Equal(reference.Layers[index].Parameters, network.Layers[index].parameters().Sum(parameter => parameter.numel()));
        }
    }

    [Theory]
    [MemberData(nameof(ReferenceCases.Data), MemberType = typeof(ReferenceCases))]
    public void Build_AgreesWithShapeInference(ReferenceCases.Case reference)
    {
        var report = ShapeInference.Infer(reference.Architecture);
        using var network = NetworkBuilder.Build(reference.Architecture);

        Assert.True(report.IsValid, string.Join("; ", report.Problems.Select(problem => problem.Message)));
        Assert.Equal(report.TotalParameters, network.ParameterCount);
        Assert.Equal(report.Layers.Select(layer => layer.Parameters),
            network.Layers.Select(layer => layer.parameters().Sum(parameter => parameter.numel())));
    }

    [Fact]
    public void ReferenceCases_CoverEveryLayerKind()
    {
        var covered = ReferenceCases.All.SelectMany(reference => reference.Architecture.Layers).Select(layer => layer.Kind).ToHashSet();

        Assert.Equal(Enum.GetValues<LayerKind>().ToHashSet(), covered);
    }

    [Fact]
    public void Build_LeakyReluUsesSlope()
    {
        using var network = NetworkBuilder.Build(Layers.Network("leaky", TensorShape.Features(2), 2, Layers.LeakyRelu(0.1)));
        using var input = tensor(new float[] { -10f, 3f }).reshape(1, 2);
        using var output = network.call(input);

        Assert.Equal([-1f, 3f], output.data<float>().ToArray());
    }

    [Fact]
    public void Build_DenseOnImageThrowsClearError()
    {
        var architecture = Layers.Network("no-flatten", TensorShape.Image(1, 28, 28), 10, Layers.Dense(10));

        var error = Assert.Throws<ArgumentException>(() => NetworkBuilder.Build(architecture));

        Assert.Contains("put flatten or globalavgpool before it", error.Message);
    }

    [Fact]
    public void Build_KernelLargerThanInputThrows()
    {
        var architecture = Layers.Network("too-small", TensorShape.Image(1, 4, 4), 2, Layers.Conv(8, 5), Layers.Flatten, Layers.Dense(2));

        var error = Assert.Throws<ArgumentException>(() => NetworkBuilder.Build(architecture));

        Assert.Contains("window of 5", error.Message);
    }
}
