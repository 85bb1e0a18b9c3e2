using Remap.Core.Diagnostics;
using Remap.Core.Language;
using Remap.Core.Model;

namespace Remap.Core.Tests;

/// <summary>Messages that name the real cause of a problem, once.</summary>
public class DiagnosticWordingTests
{
    private const string Header = "model m\ninput 1x28x28\nclasses 10\n";

    private static readonly DatasetCheckUnavailable NoServer = new("no Remap server is configured", "set remap.server.url");

    private static Diagnostic[] Diagnostics(string text, CompileOptions? options = null) => [.. ArchitectureCompiler.Compile(text, options).Diagnostics];

    [Fact]
    public void UnitsDisagreeWithClasses_NamesTheClassesLine()
    {
        var diagnostic = Assert.Single(Diagnostics(Header + "flatten\ndense units=5\n"));

        Assert.Equal("the last dense layer has 5 units but the classes line says 10: set units=10", diagnostic.Message);
    }

    [Fact]
    public void UnitsDisagreeWithClasses_NamesTheDataset()
    {
        var options = new CompileOptions { ResolveDataset = name => name == "digits" ? new DatasetShape(TensorShape.Image(1, 28, 28), 10) : null };

        var diagnostic = Assert.Single(Diagnostics("dataset digits\nflatten\ndense units=5\n", options));

        Assert.Contains("but dataset 'digits' has 10 classes", diagnostic.Message);
    }

    [Fact]
    public void UnitsDisagreeWithClasses_NamesTheDefaultSetting()
    {
        var options = new CompileOptions { DefaultInput = TensorShape.Features(4), DefaultClasses = 3, DefaultClassesSetting = "remap.defaults.classes" };

        var diagnostic = Assert.Single(Diagnostics("dense units=5\n", options));

        Assert.Contains("but the default class count (setting remap.defaults.classes) is 3", diagnostic.Message);
    }

    [Fact]
    public void OneLineTrainingBlock_ReportsOneError()
    {
        var codes = Diagnostics(Header + "flatten\ndense units=10\ntraining { epochs = 2 }\n").Select(diagnostic => diagnostic.Code);

        Assert.Equal([DiagnosticCodes.UnexpectedToken], codes);
    }

    [Fact]
    public void UnknownParameterWithoutValue_ReportsOneError()
    {
        var diagnostic = Assert.Single(Diagnostics(Header + "flatten\ndense units=10 foo\n"));

        Assert.Equal(DiagnosticCodes.UnknownParameter, diagnostic.Code);
    }

    [Fact]
    public void MissingInput_NamesTheDefaultSetting()
    {
        var options = new CompileOptions { DefaultInputSetting = "remap.defaults.input" };

        var diagnostic = Diagnostics("classes 10\ndense units=10\n", options).Single(diagnostic => diagnostic.Code == DiagnosticCodes.MissingInput);

        Assert.EndsWith(", or set remap.defaults.input", diagnostic.Message);
    }

    [Fact]
    public void MissingClasses_NamesTheDefaultSetting()
    {
        var options = new CompileOptions { DefaultClassesSetting = "remap.defaults.classes" };

        var diagnostic = Diagnostics("input 4\ndense units=10\n", options).Single(diagnostic => diagnostic.Code == DiagnosticCodes.MissingClasses);

        Assert.EndsWith(", or set remap.defaults.classes", diagnostic.Message);
    }

    [Fact]
    public void UncheckedDataset_SuggestsAKnownName()
    {
        var options = new CompileOptions
        {
            ResolveDataset = name => name == "fashion-mnist-sample" ? new DatasetShape(TensorShape.Image(1, 28, 28), 10) : null,
            KnownDatasets = ["fashion-mnist-sample"],
            DatasetCheckUnavailable = NoServer,
        };

        var diagnostic = Assert.Single(Diagnostics("dataset fashion-mnist-smple\nflatten\ndense units=10\n", options));

        Assert.Contains("did you mean 'fashion-mnist-sample'? Otherwise set remap.server.url", diagnostic.Message);
    }
}
