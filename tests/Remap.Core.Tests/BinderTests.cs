using Remap.Core.Diagnostics;
using Remap.Core.Language;
using Remap.Core.Model;

namespace Remap.Core.Tests;

public class BinderTests
{
    private static readonly CompileOptions FashionMnist = new()
    {
        ResolveDataset = name => name == "fashion-mnist-sample" ? new DatasetShape(TensorShape.Image(1, 28, 28), 10) : null,
    };

    private static Architecture Bind(string text, CompileOptions? options = null)
    {
        var compilation = ArchitectureCompiler.Compile(text, options);
        Assert.Empty(compilation.Diagnostics);
        return compilation.Architecture!;
    }

    [Fact]
    public void Binder_ResolvesSamePaddingToPixels()
    {
        var architecture = Bind("input 1x28x28\nclasses 10\nconv2d kernel=5 padding=same\nflatten\ndense units=10\n");

        Assert.Equal(2, architecture.Layers[0].GetInt("padding"));
    }

    [Fact]
    public void Binder_ResolvesValidPaddingToZero()
    {
        var architecture = Bind("input 1x28x28\nclasses 10\nconv2d padding=valid\nflatten\ndense units=10\n");

        Assert.Equal(0, architecture.Layers[0].GetInt("padding"));
    }

    [Fact]
    public void Binder_DefaultsPoolingStrideToSize()
    {
        var architecture = Bind("input 1x28x28\nclasses 10\nmaxpool2d size=3\nflatten\ndense units=10\n");

        Assert.Equal(3, architecture.Layers[0].GetInt("stride"));
    }

    [Fact]
    public void Binder_FillsEveryDefaultInCatalogOrder()
    {
        var architecture = Bind("input 1x28x28\nclasses 10\nconv2d\nflatten\ndense units=10\n");

        Assert.Equal("conv2d filters=32 kernel=3 stride=1 padding=0", architecture.Layers[0].ToString());
    }

    [Fact]
    public void Binder_TakesShapesFromDataset()
    {
        var architecture = Bind("dataset fashion-mnist-sample\nflatten\ndense units=10\n", FashionMnist);

        Assert.Equal(TensorShape.Image(1, 28, 28), architecture.Input);
        Assert.Equal(10, architecture.Classes);
    }

    [Fact]
    public void Binder_TakesShapesFromOptions()
    {
        var options = new CompileOptions { DefaultInput = TensorShape.Features(8), DefaultClasses = 3 };

        var architecture = Bind("dense units=3\n", options);

        Assert.Equal(TensorShape.Features(8), architecture.Input);
        Assert.Equal(3, architecture.Classes);
    }

    [Fact]
    public void Binder_PrefersFileOverOptions()
    {
        var options = new CompileOptions { DefaultInput = TensorShape.Features(8), DefaultClasses = 3 };

        var architecture = Bind("input 5\nclasses 2\ndense units=2\n", options);

        Assert.Equal(TensorShape.Features(5), architecture.Input);
        Assert.Equal(2, architecture.Classes);
    }

    [Fact]
    public void Binder_DatasetWithoutResolverNeedsShapes()
    {
        var codes = ArchitectureCompiler.Compile("dataset anything\ndense units=10\n").Diagnostics.Select(diagnostic => diagnostic.Code);

        Assert.Equal([DiagnosticCodes.MissingInput, DiagnosticCodes.MissingClasses], codes);
    }

    [Fact]
    public void Binder_UnknownDatasetSuggestsClosestName()
    {
        var options = FashionMnist with { KnownDatasets = ["fashion-mnist-sample", "digits"] };

        var message = ArchitectureCompiler.Compile("dataset fashion-mnst-sample\nflatten\ndense units=10\n", options).Diagnostics.Single().Message;

        Assert.Contains("did you mean 'fashion-mnist-sample'?", message);
        Assert.Contains("fashion-mnist-sample, digits", message);
    }

    [Fact]
    public void Binder_UnknownDatasetListsRegisteredNames()
    {
        var options = FashionMnist with { KnownDatasets = ["fashion-mnist-sample", "digits"] };

        var message = ArchitectureCompiler.Compile("dataset cifar-100\nflatten\ndense units=10\n", options).Diagnostics.Single().Message;

        Assert.DoesNotContain("did you mean", message);
        Assert.Contains("fashion-mnist-sample, digits", message);
    }

    [Fact]
    public void Binder_UnknownDatasetIsTheOnlyHeaderError()
    {
        var codes = ArchitectureCompiler.Compile("dataset cifar-100\nflatten\ndense units=10\n", FashionMnist).Diagnostics.Select(diagnostic => diagnostic.Code);

        Assert.Equal([DiagnosticCodes.UnknownDataset], codes);
    }

    [Fact]
    public void Binder_ReadsTrainingSettings()
    {
        var architecture = Bind("input 4\nclasses 2\ndense units=2\ntraining {\n  epochs = 7\n  batch_size = 32\n  optimizer = sgd\n  learning_rate = 1e-2\n  weight_decay = 0.01\n  seed = 5\n}\n");

        Assert.Equal(new TrainingSettings(7, 32, OptimizerKind.Sgd, 0.01, 0.01, 5), architecture.Training);
    }

    [Fact]
    public void Binder_DefaultsTrainingSettings()
    {
        var architecture = Bind("input 4\nclasses 2\ndense units=2\n");

        Assert.Equal(TrainingSettings.Default, architecture.Training);
    }

    [Fact]
    public void Binder_RejectsZeroLearningRate()
    {
        var diagnostic = ArchitectureCompiler.Compile("input 4\nclasses 2\ndense units=2\ntraining {\n  learning_rate = 0\n}\n").Diagnostics.Single();

        Assert.Equal(DiagnosticCodes.InvalidSettingValue, diagnostic.Code);
        Assert.Equal(5, diagnostic.Line);
        Assert.Equal(19, diagnostic.Column);
    }

    [Fact]
    public void Binder_RejectsDropoutRateOfOne()
    {
        var diagnostic = ArchitectureCompiler.Compile("input 4\nclasses 2\ndropout rate=1\ndense units=2\n").Diagnostics.Single();

        Assert.Equal("rate 1 is out of range for dropout: use 0 to less than 1", diagnostic.Message);
    }

    [Fact]
    public void Binder_ExplainsSamePaddingWithStride()
    {
        var diagnostic = ArchitectureCompiler.Compile("input 1x28x28\nclasses 10\nconv2d stride=2 padding=same\nflatten\ndense units=10\n").Diagnostics.Single();

        Assert.Contains("the stride is 2", diagnostic.Message);
    }

    [Fact]
    public void Binder_KeepsShapesWhenValueIsBad()
    {
        var compilation = ArchitectureCompiler.Compile("input 1x28x28\nclasses 10\nconv2d filters=0\nflatten\ndense units=10\n");

        Assert.Equal("32×26×26", compilation.Shapes!.Layers[0].Output!.ToString());
    }

    [Fact]
    public void Binder_AlignsLayerSyntaxWithShapes()
    {
        var compilation = ArchitectureCompiler.Compile("input 20\nclasses 2\ndense units=4\nnope\nrelu\ndense units=2\n");

        Assert.Equal(["dense", "relu", "dense"], compilation.LayerSyntax.Select(layer => layer.Keyword.Text));
    }

    [Fact]
    public void ShapeInference_ContinuesAfterProblem()
    {
        var compilation = ArchitectureCompiler.Compile("input 1x4x4\nclasses 10\nconv2d filters=8 kernel=5\nflatten\ndense units=10\n");

        Assert.Equal("10", compilation.Shapes!.Layers[2].Output!.ToString());
    }
}
