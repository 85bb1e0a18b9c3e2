using System.Text;
using Remap.Core.Language;
using Remap.Core.Model;

namespace Remap.Core.Tests;

/// <summary>
/// The incremental compiler must give exactly what a whole-file compile gives. These tests apply many seeded random edits
/// (inserted lines, braces, line breaks, comments, invalid characters, deletions across lines) and compare every version.
/// </summary>
public class IncrementalCompilerTests
{
    private const string Training = "model t\r\ninput 1x28x28\r\nclasses 10\r\nconv2d filters=8 kernel=3 padding=same # c\r\nrelu\r\nmaxpool2d size=2\r\n"
        + "training { # settings\r\n  epochs = 3\r\n  # between\r\n  optimizer = adam\r\n}\r\nflatten\r\ndense units=10\r\n";

    private const string Broken = "\uFEFFmodel b@d\ninput 1x28\nconv2d filter=8 kernel=40\ntraining\n  epochs = x\nrelu relu\ndense units=10\ntraining {\n  seed = 1\n";

    private static readonly string[] Fragments =
    [
        "\n", "\r\n", "\r", " ", "=", "x", "3", "#", "# note\n", "}", "}\n", "{", "training {\n", "training {", "epochs = 2\n",
        "dense units=10\n", "relu\n", "conv2d filters=4 kernel=3\n", "maxpool2d size=2\n", "flatten\n", "input 1x28x28\n",
        "classes 10\n", "model m\n", "dataset d\n", "@", "é", "\uFEFF", "\t", "dense", "units=", "kernel=3 ", "padding=same",
    ];

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void IncrementalCompiler_MatchesWholeFileCompileAfterRandomEdits(int seed)
    {
        var random = new Random(seed);
        var options = seed % 2 == 0 ? new CompileOptions() : new CompileOptions { DefaultInput = TensorShape.Image(1, 28, 28), DefaultClasses = 10 };
        var starts = new[] { Training, Broken, "", ExampleText(seed), LongText(120) };
        var text = starts[seed % starts.Length];
        var compiler = new IncrementalCompiler();

        for (var step = 0; step < 400; step++)
        {
            var actual = compiler.Compile(text, options);
            var expected = ArchitectureCompiler.Compile(text, options);

            Assert.Equal(Describe(expected), Describe(actual));
            text = Edit(text, random);
        }
    }

    [Fact]
    public void IncrementalCompiler_MatchesAfterOutOfOrderVersions()
    {
        var compiler = new IncrementalCompiler();
        var first = LongText(60);
        var second = first.Replace("units=64", "units=65", StringComparison.Ordinal);
        compiler.Compile(second, new CompileOptions());

        var actual = compiler.Compile(first, new CompileOptions());

        Assert.Equal(Describe(ArchitectureCompiler.Compile(first)), Describe(actual));
    }

    [Fact]
    public void SyntaxTree_WithSameTextReturnsSameTree()
    {
        var tree = SyntaxTree.Parse(Training);

        Assert.Same(tree, tree.WithText(new string(Training.AsSpan())));
    }

    [Fact]
    public void SyntaxTree_WithTextKeepsStatementsBeforeEdit()
    {
        var tree = SyntaxTree.Parse(LongText(40));
        var edited = tree.WithText(tree.Text + "relu\n");

        Assert.Same(tree.Statements[10], edited.Statements[10]);
    }

    private static string Edit(string text, Random random)
    {
        var start = random.Next(text.Length + 1);
        var kind = random.Next(4);
        if (kind == 0 && text.Length > 0)
        {
            // Delete up to 40 characters, which may join lines or cut a training block.
            var length = random.Next(1, Math.Min(40, text.Length - start) + 1);
            return start == text.Length ? text[..^1] : text.Remove(start, Math.Min(length, text.Length - start));
        }

        var fragment = Fragments[random.Next(Fragments.Length)];
        if (kind == 1 && start < text.Length)
        {
            var length = Math.Min(random.Next(1, 4), text.Length - start);
            return text.Remove(start, length).Insert(start, fragment);
        }

        return text.Insert(start, fragment);
    }

    private static string ExampleText(int seed)
    {
        var examples = TestFiles.All("examples").ToArray();
        return File.ReadAllText(examples[seed % examples.Length]);
    }

    private static string LongText(int blocks)
    {
        var builder = new StringBuilder("model long\ninput 784\nclasses 10\n");
        for (var block = 0; block < blocks; block++)
        {
            builder.Append("# block ").Append(block).Append("\ndense units=64\nrelu\ndropout rate=0.1\n");
        }

        return builder.Append("dense units=10\ntraining {\n  epochs = 2\n}\n").ToString();
    }

    // Everything a consumer of a compilation reads, written out so that two compilations compare as two strings.
    private static string Describe(Compilation compilation)
    {
        var builder = new StringBuilder();
        builder.AppendLine(string.Join(" ", compilation.Syntax.Lines.Lines));
        foreach (var statement in compilation.Syntax.Statements)
        {
            Describe(statement, builder);
        }

        foreach (var diagnostic in compilation.Syntax.Diagnostics)
        {
            builder.Append("syntax ").AppendLine(diagnostic.ToString() + " " + diagnostic.Start + "+" + diagnostic.Length + " to " + diagnostic.EndLine + ":" + diagnostic.EndColumn);
        }

        foreach (var diagnostic in compilation.Diagnostics)
        {
            builder.AppendLine(diagnostic.ToString() + " " + diagnostic.Start + "+" + diagnostic.Length + " to " + diagnostic.EndLine + ":" + diagnostic.EndColumn);
        }

        builder.AppendLine(compilation.Architecture is { } architecture ? ArchitectureHash.CanonicalText(architecture) + " " + architecture.Name + " " + architecture.Dataset : "no architecture");
        builder.AppendLine(string.Join(" ", compilation.LayerSyntax.Select(layer => layer.Span)));
        if (compilation.Shapes is { } shapes)
        {
            builder.AppendLine(string.Join(" ", shapes.Layers) + " total " + shapes.TotalParameters);
            builder.AppendLine(string.Join(" ", shapes.Problems.Concat(shapes.Warnings)));
        }

        return builder.ToString();
    }

    private static void Describe(StatementSyntax statement, StringBuilder builder)
    {
        builder.Append(statement.GetType().Name).Append(" line ").Append(statement.Line).Append(' ').Append(statement.Span).Append(' ').Append(statement.FullSpan);
        if (statement is LayerSyntax layer)
        {
            builder.Append(" complete ").Append(layer.IsComplete).Append(" arguments ").Append(string.Join(",", layer.Arguments.Select(argument => argument.Span)));
        }

        builder.AppendLine();
        foreach (var token in statement.Tokens())
        {
            builder.Append("  ").AppendLine(token.ToString());
        }

        if (statement is TrainingBlockSyntax block)
        {
            foreach (var item in block.Items)
            {
                Describe(item, builder);
            }
        }
    }
}
