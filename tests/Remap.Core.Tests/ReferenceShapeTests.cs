using Remap.Core.Diagnostics;
using Remap.Core.Language;
using Remap.Core.Shapes;

namespace Remap.Core.Tests;

/// <summary>
/// Eight architectures whose per-layer output shapes and parameter counts were computed with PyTorch 1.13,
/// and five architectures that cannot run, each rejected on the offending layer.
/// </summary>
public class ReferenceShapeTests
{
    private sealed record ExpectedLayer(int[] Output, long Parameters);

    private sealed record ExpectedCase(ExpectedLayer[] Layers, long TotalParameters);

    private static ExpectedLayer L(long parameters, params int[] output) => new(output, parameters);

    private static readonly Dictionary<string, ExpectedCase> Expected = new()
    {
        ["batchnorm-gelu"] = new(
            [L(240, 24, 28, 28), L(48, 24, 28, 28), L(0, 24, 28, 28), L(0, 24, 14, 14), L(10416, 48, 14, 14),
             L(96, 48, 14, 14), L(0, 48, 14, 14), L(0, 48), L(490, 10)],
            11290),
        ["cnn-same-padding"] = new(
            [L(160, 16, 28, 28), L(0, 16, 28, 28), L(0, 16, 14, 14), L(4640, 32, 14, 14), L(0, 32, 14, 14),
             L(0, 32, 7, 7), L(0, 1568), L(200832, 128), L(0, 128), L(0, 128), L(1290, 10)],
            206922),
        ["cnn-valid-odd-sizes"] = new(
            [L(208, 8, 24, 24), L(0, 8, 24, 24), L(0, 8, 11, 11), L(1168, 16, 9, 9), L(0, 16, 9, 9),
             L(0, 16, 4, 4), L(0, 256), L(2570, 10)],
            3946),
        ["mlp-tiny"] = new([L(0, 784), L(50240, 64), L(0, 64), L(650, 10)], 50890),
        ["pool-floor-7x7"] = new([L(0, 4, 3, 3), L(0, 4, 1, 1), L(0, 4), L(15, 3)], 15),
        ["remap-quickdraw-best"] = new(
            [L(416, 16, 24, 24), L(0, 16, 10, 10), L(0, 1600), L(409856, 256), L(0, 256), L(2570, 10)],
            412842),
        ["stride-two-convs"] = new(
            [L(896, 32, 16, 16), L(0, 32, 16, 16), L(18496, 64, 8, 8), L(0, 64, 8, 8), L(73856, 128, 4, 4),
             L(0, 128, 4, 4), L(0, 128), L(1290, 10)],
            94538),
        ["tabular-mlp"] = new([L(672, 32), L(0, 32), L(0, 32), L(528, 16), L(0, 16), L(34, 2)], 1234),
    };

    public static TheoryData<string> CaseNames() => [.. Expected.Keys];

    private static ShapeReport Shapes(string name)
    {
        var compilation = ArchitectureCompiler.Compile(TestFiles.Read(Path.Combine("TestData", "shapes", name + ".remap")));
        Assert.Empty(compilation.Diagnostics);
        return compilation.Shapes!;
    }

    [Fact]
    public void ReferenceCases_AllHaveAFile()
    {
        var files = TestFiles.All(Path.Combine("TestData", "shapes")).Select(Path.GetFileNameWithoutExtension);

        Assert.Equal(Expected.Keys.Order(), files);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ShapeInference_MatchesPyTorchOutputShapes(string name)
    {
        var report = Shapes(name);

        var expected = Expected[name].Layers.Select(layer => string.Join('×', layer.Output));
        var actual = report.Layers.Select(layer => layer.Output?.ToString() ?? "none");
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ShapeInference_MatchesPyTorchParameterCounts(string name)
    {
        var report = Shapes(name);

        Assert.Equal(Expected[name].Layers.Select(layer => layer.Parameters), report.Layers.Select(layer => layer.Parameters));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ShapeInference_MatchesPyTorchTotal(string name)
    {
        var report = Shapes(name);

        Assert.Equal(Expected[name].TotalParameters, report.TotalParameters);
    }

    [Theory]
    [InlineData("kernel-larger-than-input", DiagnosticCodes.KernelLargerThanInput, 5)]
    [InlineData("too-many-poolings", DiagnosticCodes.KernelLargerThanInput, 11)]
    [InlineData("pool-on-one-pixel", DiagnosticCodes.PoolLargerThanInput, 5)]
    [InlineData("dense-after-convolution", DiagnosticCodes.DenseOnImage, 7)]
    [InlineData("final-units-differ", DiagnosticCodes.UnitsDisagreeWithClasses, 9)]
    public void Compiler_RejectsUnrunnableArchitecture(string name, string code, int line)
    {
        var compilation = ArchitectureCompiler.Compile(TestFiles.Read(Path.Combine("TestData", "rejected", name + ".remap")));

        var diagnostic = Assert.Single(compilation.Diagnostics, diagnostic => diagnostic.IsError);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(line, diagnostic.Line);
    }

    [Fact]
    public void Compiler_ExplainsTooManyPoolings()
    {
        var compilation = ArchitectureCompiler.Compile(TestFiles.Read(Path.Combine("TestData", "rejected", "too-many-poolings.remap")));

        Assert.Contains("the input here is 1×1 after 4 poolings", compilation.Diagnostics[0].Message);
    }

    [Fact]
    public void Compiler_ExplainsPoolOnOnePixel()
    {
        var compilation = ArchitectureCompiler.Compile(TestFiles.Read(Path.Combine("TestData", "rejected", "pool-on-one-pixel.remap")));

        Assert.StartsWith("maxpool2d size 2 needs an input of at least 2×2; the input here is 1×1", compilation.Diagnostics[0].Message);
    }

    [Fact]
    public void Compiler_ExplainsFinalUnits()
    {
        var compilation = ArchitectureCompiler.Compile(TestFiles.Read(Path.Combine("TestData", "rejected", "final-units-differ.remap")));

        Assert.StartsWith("the last dense layer has 12 units but the classes line says 10: set units=10", compilation.Diagnostics[0].Message);
    }

    [Fact]
    public void Compiler_RejectedFileHasNoArchitecture()
    {
        var compilation = ArchitectureCompiler.Compile(TestFiles.Read(Path.Combine("TestData", "rejected", "dense-after-convolution.remap")));

        Assert.Null(compilation.Architecture);
    }
}
