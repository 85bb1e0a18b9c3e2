using Remap.Core.Language;
using Remap.Core.Model;

namespace Remap.Core.Tests;

public class HashTests
{
    private const string Header = "input 1x28x28\nclasses 10\n";

    private static string Hash(string text)
    {
        var compilation = ArchitectureCompiler.Compile(text);
        Assert.Empty(compilation.Diagnostics);
        return ArchitectureHash.Compute(compilation.Architecture!);
    }

    [Theory]
    [InlineData("conv2d filters=8 kernel=3 padding=same", "conv2d filters=8 kernel=3 padding=1")]
    [InlineData("conv2d filters=8 kernel=3", "conv2d filters=8 kernel=3 stride=1 padding=valid")]
    [InlineData("conv2d", "conv2d filters=32 kernel=3 stride=1 padding=0")]
    [InlineData("conv2d kernel=3 filters=8", "conv2d filters=8 kernel=3")]
    [InlineData("conv2d filters=8", "conv2d filters = 8   # a comment")]
    public void Hash_IsEqualForEquivalentLayer(string first, string second)
    {
        string Text(string layer) => Header + layer + "\nflatten\ndense units=10\n";

        Assert.Equal(Hash(Text(first)), Hash(Text(second)));
    }

    [Theory]
    [InlineData("maxpool2d", "maxpool2d size=2 stride=2")]
    [InlineData("dropout", "dropout rate=0.5")]
    [InlineData("dropout rate=0.5", "dropout rate=5e-1")]
    [InlineData("leaky_relu", "leaky_relu slope=0.01")]
    public void Hash_IsEqualForWrittenDefaults(string first, string second)
    {
        string Text(string layer) => Header + "conv2d\n" + layer + "\nflatten\ndense units=10\n";

        Assert.Equal(Hash(Text(first)), Hash(Text(second)));
    }

    [Fact]
    public void Hash_IgnoresNameDatasetAndTraining()
    {
        const string plain = "input 20\nclasses 2\ndense units=2\n";
        const string decorated = "model other\ndataset tabular\ninput 20\nclasses 2\ndense units=2\ntraining {\n  epochs = 9\n}\n";

        Assert.Equal(Hash(plain), Hash(decorated));
    }

    [Theory]
    [InlineData("dense units=2", "dense units=3\ndense units=2")]
    [InlineData("relu\ndense units=2", "tanh\ndense units=2")]
    [InlineData("dense units=4\nrelu\ndense units=2", "relu\ndense units=4\ndense units=2")]
    [InlineData("dropout rate=0.5\ndense units=2", "dropout rate=0.25\ndense units=2")]
    public void Hash_DiffersForRealChange(string first, string second)
    {
        Assert.NotEqual(Hash("input 20\nclasses 2\n" + first + "\n"), Hash("input 20\nclasses 2\n" + second + "\n"));
    }

    [Fact]
    public void Hash_DiffersForInputShape()
    {
        Assert.NotEqual(Hash("input 20\nclasses 2\ndense units=2\n"), Hash("input 21\nclasses 2\ndense units=2\n"));
    }

    [Fact]
    public void Hash_IsLowercaseSha256Hex()
    {
        var hash = Hash("input 20\nclasses 2\ndense units=2\n");

        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void TrainingHash_IsEqualForWrittenDefaults()
    {
        var written = new TrainingSettings(5, 64, OptimizerKind.Adam, 1e-3, 0, 42);

        Assert.Equal(ArchitectureHash.ComputeTraining(TrainingSettings.Default), ArchitectureHash.ComputeTraining(written));
    }

    [Fact]
    public void TrainingHash_DiffersForLearningRate()
    {
        var changed = TrainingSettings.Default with { LearningRate = 0.01 };

        Assert.NotEqual(ArchitectureHash.ComputeTraining(TrainingSettings.Default), ArchitectureHash.ComputeTraining(changed));
    }

    [Theory]
    [MemberData(nameof(TestFiles.ExamplesAndShapeCases), MemberType = typeof(TestFiles))]
    public void Writer_RoundTripsToEqualArchitecture(string path)
    {
        var original = ArchitectureCompiler.Compile(TestFiles.Read(path)).Architecture!;

        var written = ArchitectureCompiler.Compile(ArchitectureWriter.Write(original));

        var copy = written.Architecture!;
        Assert.Equal(original.Name, copy.Name);
        Assert.Equal(original.Input, copy.Input);
        Assert.Equal(original.Classes, copy.Classes);
        Assert.Equal(original.Dataset, copy.Dataset);
        Assert.Equal(original.Training, copy.Training);
        Assert.Equal(original.Layers.ToArray(), copy.Layers.ToArray());
    }

    [Theory]
    [MemberData(nameof(TestFiles.ExamplesAndShapeCases), MemberType = typeof(TestFiles))]
    public void Writer_KeepsHash(string path)
    {
        var original = ArchitectureCompiler.Compile(TestFiles.Read(path)).Architecture!;

        var written = ArchitectureCompiler.Compile(ArchitectureWriter.Write(original)).Architecture!;

        Assert.Equal(ArchitectureHash.Compute(original), ArchitectureHash.Compute(written));
    }

    [Fact]
    public void Writer_ReplacesCharactersOutsideNames()
    {
        var architecture = new Architecture("my model/v2", TensorShape.Features(4), 2, [new Layer(LayerKind.Dense, [new LayerParameter("units", 2)])]);

        var compiled = ArchitectureCompiler.Compile(ArchitectureWriter.Write(architecture));

        Assert.Equal("my_model_v2", compiled.Architecture!.Name);
    }

    [Fact]
    public void ShortForm_JoinsLayers()
    {
        var architecture = ArchitectureCompiler.Compile(TestFiles.Read(Path.Combine("TestData", "shapes", "remap-quickdraw-best.remap"))).Architecture!;

        Assert.Equal("conv16k5 → max5s2 → flat → dense256 → tanh → dense10", LayerShortForm.Format(architecture.Layers));
    }

    [Theory]
    [InlineData("conv2d filters=32 kernel=3", "conv32k3")]
    [InlineData("conv2d filters=8 kernel=3 stride=2 padding=1", "conv8k3s2p1")]
    [InlineData("maxpool2d size=2", "max2")]
    [InlineData("avgpool2d size=3 stride=1", "avg3s1")]
    [InlineData("dropout rate=0.5", "drop0.5")]
    [InlineData("leaky_relu slope=0.1", "lrelu0.1")]
    [InlineData("batchnorm2d", "bn")]
    [InlineData("globalavgpool", "gap")]
    [InlineData("gelu", "gelu")]
    public void ShortForm_FormatsLayer(string line, string expected)
    {
        var compilation = ArchitectureCompiler.Compile(Header + line + "\nflatten\ndense units=10\n");

        Assert.Equal(expected, LayerShortForm.Format(compilation.Architecture!.Layers[0]));
    }
}
