using Remap.Core.Language;

namespace Remap.Core.Tests;

public class ExampleTests
{
    [Fact]
    public void Examples_FolderHasFourToSixFiles()
    {
        var count = TestFiles.All("examples").Count();

        Assert.InRange(count, 4, 6);
    }

    [Theory]
    [MemberData(nameof(TestFiles.Examples), MemberType = typeof(TestFiles))]
    public void Example_CompilesWithoutDiagnostics(string path)
    {
        var compilation = ArchitectureCompiler.Compile(TestFiles.Read(path));

        Assert.Empty(compilation.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(TestFiles.Examples), MemberType = typeof(TestFiles))]
    public void Example_MatchesFashionMnistSample(string path)
    {
        var options = new CompileOptions { ResolveDataset = name => name == "fashion-mnist-sample" ? new DatasetShape(Model.TensorShape.Image(1, 28, 28), 10) : null };

        var compilation = ArchitectureCompiler.Compile(TestFiles.Read(path), options);

        Assert.Equal("fashion-mnist-sample", compilation.Architecture?.Dataset);
    }
}
