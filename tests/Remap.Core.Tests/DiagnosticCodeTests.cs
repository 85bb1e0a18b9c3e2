using System.Reflection;
using Remap.Core.Diagnostics;
using Remap.Core.Language;
using Remap.Core.Model;
using Remap.Core.Shapes;

namespace Remap.Core.Tests;

/// <summary>Every diagnostic code, each triggered by a small file.</summary>
public class DiagnosticCodeTests
{
    private const string Header = "model m\ninput 1x28x28\nclasses 10\n";
    private const string Flat = "model m\ninput 20\nclasses 2\n";

    private static readonly CompileOptions FashionMnist = new()
    {
        ResolveDataset = name => name == "fashion-mnist-sample" ? new DatasetShape(TensorShape.Image(1, 28, 28), 10) : null,
    };

    /// <summary>Code, file text, whether the dataset resolver is given.</summary>
    public static TheoryData<string, string, bool> Cases() => new()
    {
        { DiagnosticCodes.UnexpectedCharacter, Flat + "dense units=2;\n", false },
        { DiagnosticCodes.ExpectedArgument, Flat + "dense units\n", false },
        { DiagnosticCodes.UnexpectedToken, "model m extra\ninput 20\nclasses 2\ndense units=2\n", false },
        { DiagnosticCodes.MissingHeaderValue, "model\ninput 20\nclasses 2\ndense units=2\n", false },
        { DiagnosticCodes.UnclosedTrainingBlock, Flat + "dense units=2\ntraining {\n  epochs = 3\n", false },
        { DiagnosticCodes.MissingOpenBrace, Flat + "dense units=2\ntraining\n  epochs = 3\n}\n", false },
        { DiagnosticCodes.UnexpectedCloseBrace, Flat + "dense units=2\n}\n", false },
        { DiagnosticCodes.InvalidSetting, Flat + "dense units=2\ntraining {\n  epochs 3\n}\n", false },
        { DiagnosticCodes.UnknownLayer, Flat + "conv2 filters=3\ndense units=2\n", false },
        { DiagnosticCodes.UnknownParameter, Header + "conv2d kernal=3\nflatten\ndense units=10\n", false },
        { DiagnosticCodes.DuplicateParameter, Flat + "dense units=2 units=2\n", false },
        { DiagnosticCodes.InvalidValue, Flat + "dense units=many\n", false },
        { DiagnosticCodes.NotWholeNumber, Header + "conv2d kernel=2.5\nflatten\ndense units=10\n", false },
        { DiagnosticCodes.ValueOutOfRange, Header + "conv2d kernel=0\nflatten\ndense units=10\n", false },
        { DiagnosticCodes.InvalidSamePadding, Header + "conv2d kernel=4 padding=same\nflatten\ndense units=10\n", false },
        { DiagnosticCodes.DuplicateHeader, Flat + "model n\ndense units=2\n", false },
        { DiagnosticCodes.InvalidName, "model a+b\ninput 20\nclasses 2\ndense units=2\n", false },
        { DiagnosticCodes.InvalidInputShape, "input 28x28\nclasses 2\ndense units=2\n", false },
        { DiagnosticCodes.InvalidClassCount, "input 20\nclasses 1\ndense units=1\n", false },
        { DiagnosticCodes.MissingInput, "classes 2\ndense units=2\n", false },
        { DiagnosticCodes.MissingClasses, "input 20\ndense units=2\n", false },
        { DiagnosticCodes.UnknownDataset, "dataset cifar-100\nflatten\ndense units=10\n", true },
        { DiagnosticCodes.InputDisagreesWithDataset, "dataset fashion-mnist-sample\ninput 3x32x32\nflatten\ndense units=10\n", true },
        { DiagnosticCodes.ClassesDisagreeWithDataset, "dataset fashion-mnist-sample\nclasses 12\nflatten\ndense units=12\n", true },
        { DiagnosticCodes.DuplicateTrainingBlock, Flat + "dense units=2\ntraining {\n}\ntraining {\n}\n", false },
        { DiagnosticCodes.UnknownSetting, Flat + "dense units=2\ntraining {\n  epoch = 3\n}\n", false },
        { DiagnosticCodes.DuplicateSetting, Flat + "dense units=2\ntraining {\n  seed = 1\n  seed = 2\n}\n", false },
        { DiagnosticCodes.InvalidSettingValue, Flat + "dense units=2\ntraining {\n  optimizer = rmsprop\n}\n", false },
        { DiagnosticCodes.NoLayers, Flat, false },
        { DiagnosticCodes.KernelLargerThanInput, "input 1x4x4\nclasses 2\nconv2d kernel=5\nflatten\ndense units=2\n", false },
        { DiagnosticCodes.PoolLargerThanInput, "input 1x1x1\nclasses 2\nmaxpool2d size=2\nflatten\ndense units=2\n", false },
        { DiagnosticCodes.ImageLayerOnFlatInput, Flat + "conv2d filters=8\ndense units=2\n", false },
        { DiagnosticCodes.DenseOnImage, Header + "dense units=10\n", false },
        { DiagnosticCodes.FinalLayerNotDense, Flat + "dense units=2\nrelu\n", false },
        { DiagnosticCodes.UnitsDisagreeWithClasses, Flat + "dense units=3\n", false },
        { DiagnosticCodes.ShapeTooLarge, "input 65536x65536x65536\nclasses 2\nflatten\ndense units=2\n", false },
        { DiagnosticCodes.RedundantFlatten, Flat + "flatten\ndense units=2\n", false },
        { DiagnosticCodes.RepeatedDropout, Flat + "dense units=8\ndropout\ndropout\ndense units=2\n", false },
        { DiagnosticCodes.RepeatedActivation, Flat + "dense units=8\nrelu\nrelu\ndense units=2\n", false },
        { DiagnosticCodes.WeightsTooLarge, Header + "conv2d filters=4096\nconv2d filters=4096\nflatten\ndense units=65536\ndense units=10\n", false },
    };

    private static Compilation Compile(string text, bool withDataset = false) =>
        ArchitectureCompiler.Compile(text, withDataset ? FashionMnist : null);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compiler_ReportsCode(string code, string text, bool withDataset)
    {
        var compilation = Compile(text, withDataset);

        Assert.Contains(code, compilation.Diagnostics.Select(diagnostic => diagnostic.Code));
    }

    [Fact]
    public void DiagnosticCodes_AllHaveACase()
    {
        var covered = Cases().Select(row => (string)row[0]).Append(DiagnosticCodes.NonPositiveDimension).ToHashSet();
        var declared = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => (string)field.GetValue(null)!);

        Assert.Equal([], declared.Where(code => !covered.Contains(code)).ToArray());
    }

    [Fact]
    public void DiagnosticCodes_AreUnique()
    {
        var declared = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => (string)field.GetValue(null)!).ToList();

        Assert.Equal(declared.Count, declared.Distinct().Count());
    }

    [Fact]
    public void Compiler_NamesTheWeightSizeOfAHugeNetwork()
    {
        var compilation = Compile(Header + "conv2d filters=4096\nconv2d filters=4096\nflatten\ndense units=65536\ndense units=10\n");

        Assert.Contains("take 619.1 GB", compilation.Diagnostics.Single(diagnostic => diagnostic.Code == DiagnosticCodes.WeightsTooLarge).Message);
    }

    [Fact]
    public void Compiler_NoWarningUnderOneGigabyte()
    {
        // 4096·784 + 4096 + 4096·10 + 10 ≈ 3.3M parameters: 13 MB of weights.
        var compilation = Compile(Header + "flatten\ndense units=4096\ndense units=10\n");

        Assert.DoesNotContain(DiagnosticCodes.WeightsTooLarge, compilation.Diagnostics.Select(diagnostic => diagnostic.Code));
    }

    [Fact]
    public void ShapeInference_ReportsNonPositiveDimension()
    {
        Layer[] layers = [new Layer(LayerKind.Dense, [new LayerParameter("units", 2)])];

        var report = ShapeInference.Infer(TensorShape.Features(0), 2, layers);

        Assert.Equal(DiagnosticCodes.NonPositiveDimension, Assert.Single(report.Problems).Code);
    }

    [Fact]
    public void Parser_ReportsUnknownLayerWithSuggestion()
    {
        var diagnostic = Compile(Flat + "conv2 filters=3\ndense units=2\n").Diagnostics[0];

        Assert.Equal("unknown layer 'conv2'; did you mean 'conv2d'?", diagnostic.Message);
    }

    [Fact]
    public void Parser_ReportsUnknownLayerPosition()
    {
        var diagnostic = Compile(Flat + "  conv2 filters=3\ndense units=2\n").Diagnostics[0];

        Assert.Equal(4, diagnostic.Line);
        Assert.Equal(3, diagnostic.Column);
        Assert.Equal(4, diagnostic.EndLine);
        Assert.Equal(8, diagnostic.EndColumn);
    }

    [Fact]
    public void Binder_ReportsKernelRange()
    {
        var diagnostic = Compile(Header + "conv2d kernel=0\nflatten\ndense units=10\n").Diagnostics[0];

        Assert.Equal("kernel 0 is out of range for conv2d: use 1 to 15", diagnostic.Message);
    }

    [Fact]
    public void Binder_ReportsKernelRangePosition()
    {
        var diagnostic = Compile(Header + "conv2d kernel=0\nflatten\ndense units=10\n").Diagnostics[0];

        Assert.Equal(4, diagnostic.Line);
        Assert.Equal(15, diagnostic.Column);
    }

    [Fact]
    public void Binder_ReportsUnknownParameterSuggestion()
    {
        var diagnostic = Compile(Header + "conv2d kernal=3\nflatten\ndense units=10\n").Diagnostics[0];

        Assert.Equal("conv2d has no parameter 'kernal'; did you mean 'kernel'?", diagnostic.Message);
    }

    [Fact]
    public void Binder_ReportsUnknownLayerWithoutCloseMatch()
    {
        var diagnostic = Compile(Flat + "transformer\ndense units=2\n").Diagnostics[0];

        Assert.StartsWith("unknown layer 'transformer': use a layer (conv2d, maxpool2d", diagnostic.Message);
    }

    [Fact]
    public void UnknownLayer_ListsHeaderKeywordsApart()
    {
        var message = Compile(Flat + "transformer\ndense units=2\n").Diagnostics[0].Message;
        var layers = message[..message.IndexOf(')', StringComparison.Ordinal)];

        Assert.DoesNotContain("dataset", layers, StringComparison.Ordinal);
        Assert.DoesNotContain("training", layers, StringComparison.Ordinal);
        Assert.EndsWith("a line may also start with a header keyword (model, input, classes, dataset, training)", message);
    }

    [Fact]
    public void UnexpectedCharacter_NamesControlCharacterByCodePoint()
    {
        var diagnostic = Compile(Flat + "dense units=2\u0000\n").Diagnostics[0];

        Assert.Equal(DiagnosticCodes.UnexpectedCharacter, diagnostic.Code);
        Assert.StartsWith("unexpected character U+0000:", diagnostic.Message);
    }

    [Fact]
    public void UnexpectedCharacter_QuotesPrintableCharacter()
    {
        var diagnostic = Compile(Flat + "dense units=2;\n").Diagnostics[0];

        Assert.StartsWith("unexpected character ';':", diagnostic.Message);
    }

    [Fact]
    public void UnexpectedCharacter_OnInputLineIsTheOnlyError()
    {
        var diagnostics = Compile("input 784\u0007\nclasses 10\ndense units=10\n").Diagnostics;

        Assert.Equal(DiagnosticCodes.UnexpectedCharacter, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Column_CountsAccentedAndChinese()
    {
        var diagnostic = Compile("model é中 extra\ninput 20\nclasses 2\ndense units=2\n").Diagnostics[0];

        Assert.Equal(DiagnosticCodes.UnexpectedToken, diagnostic.Code);
        Assert.Equal(1, diagnostic.Line);
        Assert.Equal(10, diagnostic.Column);
    }

    [Fact]
    public void Column_CountsSurrogatePairAsTwoUnits()
    {
        // U+1D400 is a letter outside the Basic Multilingual Plane: two UTF-16 code units.
        var diagnostics = Compile(Flat + "dense \U0001D400=1 units=0\n").Diagnostics;

        var outOfRange = Assert.Single(diagnostics, diagnostic => diagnostic.Code == DiagnosticCodes.ValueOutOfRange);
        Assert.Equal(4, outOfRange.Line);
        Assert.Equal(18, outOfRange.Column);
    }

    [Fact]
    public void Column_CountsEmojiAsTwoUnits()
    {
        var diagnostic = Compile(Flat + "dense units=2 \U0001F600\n").Diagnostics[0];

        Assert.Equal(DiagnosticCodes.UnexpectedCharacter, diagnostic.Code);
        Assert.Equal(4, diagnostic.Line);
        Assert.Equal(15, diagnostic.Column);
        Assert.Equal(2, diagnostic.Length);
    }

    [Fact]
    public void Offset_CountsEmojiOnEarlierLines()
    {
        var text = "# \U0001F600 é 中\n" + Flat + "dense units=3\n";

        var diagnostic = Compile(text).Diagnostics.Single(diagnostic => diagnostic.Code == DiagnosticCodes.UnitsDisagreeWithClasses);

        Assert.Equal(text.IndexOf("dense", StringComparison.Ordinal), diagnostic.Start);
    }

    [Fact]
    public void Diagnostics_AreSortedByPosition()
    {
        var diagnostics = Compile(Flat + "dense units=0\nconv2 x=1\ndense unit=2\n").Diagnostics;

        Assert.Equal(diagnostics.Select(diagnostic => diagnostic.Start).Order(), diagnostics.Select(diagnostic => diagnostic.Start));
    }

    [Fact]
    public void ShapeInference_SaturatesHugeParameterCount()
    {
        var report = ArchitectureCompiler.Compile("input 65536x65536x65536\nclasses 65536\ndense units=65536\n").Shapes!;

        Assert.Equal(long.MaxValue, report.TotalParameters);
    }

    [Fact]
    public void Warnings_DoNotBlockTheArchitecture()
    {
        var compilation = Compile(Flat + "flatten\ndense units=2\n");

        Assert.NotNull(compilation.Architecture);
    }
}
