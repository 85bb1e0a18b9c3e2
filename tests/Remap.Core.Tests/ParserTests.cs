using System.Text;
using Remap.Core.Diagnostics;
using Remap.Core.Language;

namespace Remap.Core.Tests;

public class ParserTests
{
    private const string Small = "model m # the name\ninput 1x28x28\nclasses 10\nconv2d filters=8  kernel = 3 padding=same\nflatten\ndense units=10\ntraining { # settings\n  epochs = 3\n}\n";

    private static string SpanText(string text, TextSpan span) => text[span.Start..span.End];

    [Fact]
    public void Parser_KeepsKeywordSpan()
    {
        var layer = SyntaxTree.Parse(Small).Layers.First();

        Assert.Equal("conv2d", SpanText(Small, layer.Keyword.Span));
    }

    [Fact]
    public void Parser_KeepsArgumentSpans()
    {
        var argument = SyntaxTree.Parse(Small).Layers.First().Arguments[1];

        Assert.Equal("kernel", SpanText(Small, argument.Name.Span));
        Assert.Equal("=", SpanText(Small, argument.EqualsToken!.Span));
        Assert.Equal("3", SpanText(Small, argument.Value!.Span));
        Assert.Equal("kernel = 3", SpanText(Small, argument.Span));
    }

    [Fact]
    public void Parser_KeepsLineSpan()
    {
        var layer = SyntaxTree.Parse(Small).Layers.First();

        Assert.Equal("conv2d filters=8  kernel = 3 padding=same", SpanText(Small, layer.Span));
    }

    [Fact]
    public void Parser_FullSpanIncludesTrailingComment()
    {
        var header = SyntaxTree.Parse(Small).Headers.First();

        Assert.Equal("model m # the name", SpanText(Small, header.FullSpan));
    }

    [Fact]
    public void Parser_KeepsTrainingBraces()
    {
        var block = SyntaxTree.Parse(Small).TrainingBlocks.Single();

        Assert.Equal("{", SpanText(Small, block.OpenBrace!.Span));
        Assert.Equal("}", SpanText(Small, block.CloseBrace!.Span));
    }

    [Fact]
    public void Parser_KeepsSettingSpans()
    {
        var setting = SyntaxTree.Parse(Small).TrainingBlocks.Single().Settings.Single();

        Assert.Equal("epochs", SpanText(Small, setting.Name.Span));
        Assert.Equal("3", SpanText(Small, setting.Value!.Span));
    }

    [Fact]
    public void Parser_KeepsTrailingComments()
    {
        var tree = SyntaxTree.Parse(Small);

        Assert.Equal(["# the name", "# settings"], tree.Statements.Select(statement => statement.TrailingComment?.Text).OfType<string>());
    }

    [Fact]
    public void Parser_ListsLayerTokensInOrder()
    {
        var layer = SyntaxTree.Parse(Small).Layers.First();

        Assert.Equal(["conv2d", "filters", "=", "8", "kernel", "=", "3", "padding", "=", "same"], layer.Tokens().Select(token => token.Text));
    }

    [Fact]
    public void Parser_ListsTrainingTokensInOrder()
    {
        var block = SyntaxTree.Parse(Small).TrainingBlocks.Single();

        Assert.Equal(["training", "{", "# settings", "epochs", "=", "3", "}"], block.Tokens().Select(token => token.Text));
    }

    [Fact]
    public void SyntaxTree_FindsTokenAtCursor()
    {
        var tree = SyntaxTree.Parse(Small);

        var token = tree.FindToken(Small.IndexOf("same", StringComparison.Ordinal) + 4);

        Assert.Equal("same", token?.Text);
    }

    [Fact]
    public void SyntaxTree_FindsSettingInsideTrainingBlock()
    {
        var tree = SyntaxTree.Parse(Small);

        var statement = tree.FindStatement(Small.IndexOf("epochs", StringComparison.Ordinal));

        Assert.IsType<TrainingBlockSyntax>(statement);
    }

    [Fact]
    public void Parser_ReadsShapeAsOneToken()
    {
        var header = SyntaxTree.Parse(Small).Headers.Single(header => header.Kind == HeaderKind.Input);

        Assert.Equal(TokenKind.Shape, header.Value!.Kind);
    }

    [Fact]
    public void Parser_ReportsEveryBadLine()
    {
        var text = "input 20\nclasses 2\ndense units\ndense units=2 ;\n}\ndense units=2\n";

        var codes = ArchitectureCompiler.Compile(text).Diagnostics.Select(diagnostic => diagnostic.Code);

        Assert.Equal([DiagnosticCodes.ExpectedArgument, DiagnosticCodes.UnexpectedCharacter, DiagnosticCodes.UnexpectedCloseBrace], codes);
    }

    [Fact]
    public void Parser_ClosesForgottenTrainingBlockAtNextLayer()
    {
        var text = "input 20\nclasses 2\ntraining {\n  epochs = 2\ndense units=2\n";

        var compilation = ArchitectureCompiler.Compile(text);

        Assert.Equal([DiagnosticCodes.UnclosedTrainingBlock], compilation.Diagnostics.Select(diagnostic => diagnostic.Code));
    }

    [Fact]
    public void Parser_AcceptsEmptyText()
    {
        var tree = SyntaxTree.Parse("");

        Assert.Empty(tree.Statements);
    }

    [Fact]
    public void Parser_ReadsByteOrderMarkAndCrLf()
    {
        var lf = "model m\ninput 20\nclasses 2\ndense units=2\n";
        var crlf = "\uFEFF" + lf.Replace("\n", "\r\n", StringComparison.Ordinal);

        var compilation = ArchitectureCompiler.Compile(crlf);

        Assert.Equal(Model.ArchitectureHash.Compute(ArchitectureCompiler.Compile(lf).Architecture!), Model.ArchitectureHash.Compute(compilation.Architecture!));
    }

    [Fact]
    public void Parser_ColumnsAfterByteOrderMarkCountIt()
    {
        var diagnostic = ArchitectureCompiler.Compile("\uFEFFdense units=0\r\ninput 20\r\nclasses 2\r\n").Diagnostics.Single();

        Assert.Equal(1, diagnostic.Line);
        Assert.Equal(14, diagnostic.Column);
    }

    [Fact]
    public void Parser_NeverThrowsOnRandomBytes()
    {
        var random = new Random(1234);
        for (var iteration = 0; iteration < 300; iteration++)
        {
            var bytes = new byte[random.Next(0, 3000)];
            random.NextBytes(bytes);
            var text = Encoding.UTF8.GetString(bytes);

            var compilation = ArchitectureCompiler.Compile(text);

            Assert.NotNull(compilation.Syntax);
        }
    }

    [Fact]
    public void Parser_NeverThrowsOnShuffledTokens()
    {
        string[] pieces = ["conv2d", "=", "{", "}", "training", "input", "1x28x28", "x", "#", "\n", "\r\n", "\r", " ", "3", "-1", "1e999", "same", "\t", "model", "dense", "units", "\uFEFF", "\uD800", "é"];
        var random = new Random(99);
        for (var iteration = 0; iteration < 300; iteration++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 200)).Select(_ => pieces[random.Next(pieces.Length)]));

            var formatted = RemapFormatter.Format(text);

            Assert.NotNull(formatted);
        }
    }

    [Fact]
    public void Parser_HandlesTwoThousandLines()
    {
        var builder = new StringBuilder("model big\ninput 64\nclasses 2\n");
        for (var line = 0; line < 1997; line++)
        {
            builder.Append(line % 2 == 0 ? "dense units=64\n" : "relu  # hidden\n");
        }

        builder.Append("dense units=2\n");

        var compilation = ArchitectureCompiler.Compile(builder.ToString());

        Assert.Equal(1998, compilation.Architecture!.Layers.Length);
    }

    [Fact]
    public void Parser_HandlesHugeFile()
    {
        var builder = new StringBuilder("input 8\nclasses 2\n");
        for (var line = 0; line < 50_000; line++)
        {
            builder.Append("dropout rate=0.1 # keep\n");
        }

        builder.Append("dense units=2\n");

        var compilation = ArchitectureCompiler.Compile(builder.ToString());

        Assert.Equal(50_001, compilation.Shapes!.Layers.Length);
    }

    [Fact]
    public void Parser_StopsWhenCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => ArchitectureCompiler.Compile(Small, null, cancellation.Token));
    }

    [Fact]
    public void Parser_ReadsUnicodeModelName()
    {
        var compilation = ArchitectureCompiler.Compile("model réseau_中文\ninput 20\nclasses 2\ndense units=2\n");

        Assert.Equal("réseau_中文", compilation.Architecture!.Name);
    }
}
