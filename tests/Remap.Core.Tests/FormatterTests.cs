using Remap.Core.Language;
using Remap.Core.Model;

namespace Remap.Core.Tests;

public class FormatterTests
{
    private const string Messy = """
        # A comment at the top
        conv2d   filters = 8 kernel=3   padding=same   # first block
        classes 10
        relu


        # pooling halves the size
        maxpool2d size=2
        input 1x28x28
        model   messy
        flatten
        dense units=10
        training    {   # how to train
            epochs=3
        # seed for repeatability
        seed   =   7
        }   # end
        # the end

        """;

    private const string MessyFormatted = """
        model messy
        input 1x28x28
        classes 10

        # A comment at the top
        conv2d filters=8 kernel=3 padding=same # first block
        relu

        # pooling halves the size
        maxpool2d size=2
        flatten
        dense units=10

        training { # how to train
          epochs = 3
          # seed for repeatability
          seed = 7
        } # end
        # the end

        """;

    [Fact]
    public void Formatter_WritesCanonicalLayout()
    {
        var formatted = RemapFormatter.Format(Messy);

        Assert.Equal(MessyFormatted, formatted);
    }

    [Fact]
    public void Formatter_KeepsArchitectureHashOfMessyFile()
    {
        var before = ArchitectureHash.Compute(ArchitectureCompiler.Compile(Messy).Architecture!);

        var after = ArchitectureHash.Compute(ArchitectureCompiler.Compile(RemapFormatter.Format(Messy)).Architecture!);

        Assert.Equal(before, after);
    }

    [Theory]
    [MemberData(nameof(TestFiles.ExamplesAndShapeCases), MemberType = typeof(TestFiles))]
    public void Formatter_IsIdempotent(string path)
    {
        var once = RemapFormatter.Format(TestFiles.Read(path));

        Assert.Equal(once, RemapFormatter.Format(once));
    }

    [Theory]
    [MemberData(nameof(TestFiles.ExamplesAndShapeCases), MemberType = typeof(TestFiles))]
    public void Formatter_KeepsArchitectureHash(string path)
    {
        var text = TestFiles.Read(path);

        var formatted = RemapFormatter.Format(text);

        Assert.Equal(Hash(text), Hash(formatted));
    }

    [Theory]
    [MemberData(nameof(TestFiles.ExamplesAndShapeCases), MemberType = typeof(TestFiles))]
    public void Formatter_KeepsEveryComment(string path)
    {
        var text = TestFiles.Read(path);

        var formatted = RemapFormatter.Format(text);

        Assert.Equal(Comments(text), Comments(formatted));
    }

    [Theory]
    [MemberData(nameof(TestFiles.Examples), MemberType = typeof(TestFiles))]
    public void Formatter_LeavesExamplesUnchanged(string path)
    {
        var text = TestFiles.Read(path);

        Assert.Equal(text, RemapFormatter.Format(text));
    }

    [Fact]
    public void Formatter_IsIdempotentOnMessyFile()
    {
        var once = RemapFormatter.Format(Messy);

        Assert.Equal(once, RemapFormatter.Format(once));
    }

    [Fact]
    public void Formatter_ReturnsTextWithSyntaxErrorUnchanged()
    {
        const string text = "input   20\nclasses 2\ndense units\n";

        Assert.Equal(text, RemapFormatter.Format(text));
    }

    [Fact]
    public void Formatter_ReturnsUnknownLayerWithBadArgumentsUnchanged()
    {
        const string text = "input  20\nclasses 2\nmodle foo bar\ndense units=2\n";

        Assert.Equal(text, RemapFormatter.Format(text));
    }

    [Fact]
    public void Formatter_NeverThrowsOnShuffledWords()
    {
        string[] pieces = ["conv2d", "modle", "x", "=", "3", "{", "}", "training", "# c", "\n", " ", "kernel", "same", "input", "20"];
        var random = new Random(7);
        for (var iteration = 0; iteration < 500; iteration++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => pieces[random.Next(pieces.Length)]));

            var once = RemapFormatter.Format(text);

            Assert.Equal(once, RemapFormatter.Format(once));
            Assert.Equal(ArchitectureCompiler.Compile(text).Diagnostics.Length, ArchitectureCompiler.Compile(once).Diagnostics.Length);
        }
    }

    [Fact]
    public void Formatter_KeepsUnresolvedDefaultsAsWritten()
    {
        const string text = "input 1x28x28\nclasses 10\n\nconv2d padding=same\nmaxpool2d\nflatten\ndense units=10\n";

        Assert.Equal(text, RemapFormatter.Format(text));
    }

    [Fact]
    public void Formatter_KeepsCrLfAndByteOrderMark()
    {
        const string text = "\uFEFFinput  20\r\nclasses 2\r\ndense units=2\r\n";

        Assert.Equal("\uFEFFinput 20\r\nclasses 2\r\n\r\ndense units=2\r\n", RemapFormatter.Format(text));
    }

    [Fact]
    public void Formatter_ReturnsEmptyForEmpty()
    {
        Assert.Equal("", RemapFormatter.Format(""));
    }

    private static string Hash(string text) => ArchitectureHash.Compute(ArchitectureCompiler.Compile(text).Architecture!);

    private static string[] Comments(string text) =>
        [.. SyntaxTree.Parse(text).Statements.SelectMany(CommentsOf).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> CommentsOf(StatementSyntax statement)
    {
        if (statement is CommentLineSyntax line)
        {
            yield return line.Comment.Text.TrimEnd();
        }

        if (statement.TrailingComment is { } trailing)
        {
            yield return trailing.Text.TrimEnd();
        }

        if (statement is TrainingBlockSyntax block)
        {
            foreach (var comment in block.Items.SelectMany(CommentsOf))
            {
                yield return comment;
            }

            if (block.CloseBraceComment is { } closing)
            {
                yield return closing.Text.TrimEnd();
            }
        }
    }
}
