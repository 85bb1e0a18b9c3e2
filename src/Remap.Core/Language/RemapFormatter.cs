using System.Text;

namespace Remap.Core.Language;

/// <summary>
/// Lays a .remap file out canonically: header lines first (model, input, classes, dataset), one blank line,
/// one layer per line as <c>keyword name=value</c>, then the training block with two-space indented
/// <c>name = value</c> lines. Comments move with the statement they precede; values stay as written.
/// </summary>
public static class RemapFormatter
{
    /// <summary>
    /// Formats a text. A text with syntax errors comes back unchanged, because its meaning is not certain, and so does
    /// a text with an unknown layer keyword followed by malformed arguments.
    /// </summary>
    public static string Format(string text, CancellationToken cancellationToken = default) => Format(text, "  ", cancellationToken);

    /// <summary>Formats a text as <see cref="Format(string, CancellationToken)"/> does, indenting training settings with <paramref name="indent"/>.</summary>
    public static string Format(string text, string indent, CancellationToken cancellationToken = default)
    {
        text ??= "";
        var syntax = SyntaxTree.Parse(text, cancellationToken);
        if (syntax.HasErrors || syntax.Layers.Any(layer => !layer.IsComplete))
        {
            return text;
        }

        var groups = GroupStatements(syntax, out var endComments);
        var headers = groups.Where(group => group.Statement is HeaderSyntax).OrderBy(group => ((HeaderSyntax)group.Statement).Kind).ToList();
        var layers = groups.Where(group => group.Statement is LayerSyntax).ToList();
        var blocks = groups.Where(group => group.Statement is TrainingBlockSyntax).ToList();

        var lines = new List<string>();
        foreach (var group in headers)
        {
            AddGroup(lines, group, blankBefore: false, indent);
        }

        for (var index = 0; index < layers.Count; index++)
        {
            var blankBefore = lines.Count > 0 && (index == 0 || layers[index].BlankBefore);
            AddGroup(lines, layers[index], blankBefore, indent);
        }

        foreach (var group in blocks)
        {
            AddGroup(lines, group, blankBefore: lines.Count > 0, indent);
        }

        if (endComments.Comments.Count > 0)
        {
            AddGroup(lines, endComments, blankBefore: lines.Count > 0 && endComments.BlankBefore, indent);
        }

        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var bom = text.StartsWith('\uFEFF') ? "\uFEFF" : "";
        return lines.Count == 0 ? bom : bom + string.Join(newline, lines) + newline;
    }

    // Attaches each run of own-line comments to the statement after it; comments after the last statement stay at the end.
    private static List<Group> GroupStatements(SyntaxTree syntax, out Group endComments)
    {
        var groups = new List<Group>();
        var pending = new List<CommentLineSyntax>();
        var previousEndLine = 0;
        var firstLine = 0;
        foreach (var statement in syntax.Statements)
        {
            if (firstLine == 0)
            {
                firstLine = statement.Line;
            }

            if (statement is CommentLineSyntax comment)
            {
                pending.Add(comment);
                continue;
            }

            groups.Add(new Group([.. pending], statement, previousEndLine > 0 && firstLine - previousEndLine > 1));
            previousEndLine = syntax.Lines.GetLine(statement.Span.End).Number;
            pending.Clear();
            firstLine = 0;
        }

        endComments = new Group([.. pending], null!, previousEndLine > 0 && firstLine - previousEndLine > 1);
        return groups;
    }

    private static void AddGroup(List<string> lines, Group group, bool blankBefore, string indent)
    {
        if (blankBefore)
        {
            lines.Add("");
        }

        lines.AddRange(group.Comments.Select(comment => comment.Comment.Text.TrimEnd()));
        switch (group.Statement)
        {
            case HeaderSyntax header:
                lines.Add(WithComment($"{header.Keyword.Text} {header.Value!.Text}", header.TrailingComment));
                break;
            case LayerSyntax layer:
                lines.Add(WithComment(FormatLayer(layer), layer.TrailingComment));
                break;
            case TrainingBlockSyntax block:
                AddTrainingBlock(lines, block, indent);
                break;
        }
    }

    private static string FormatLayer(LayerSyntax layer)
    {
        var builder = new StringBuilder(layer.Keyword.Text);
        foreach (var argument in layer.Arguments)
        {
            builder.Append(' ').Append(argument.Name.Text).Append('=').Append(argument.Value!.Text);
        }

        return builder.ToString();
    }

    private static void AddTrainingBlock(List<string> lines, TrainingBlockSyntax block, string indent)
    {
        lines.Add(WithComment("training {", block.TrailingComment));
        foreach (var item in block.Items)
        {
            var line = item switch
            {
                SettingSyntax setting => WithComment($"{setting.Name.Text} = {setting.Value!.Text}", setting.TrailingComment),
                CommentLineSyntax comment => comment.Comment.Text.TrimEnd(),
                _ => "",
            };
            lines.Add(indent + line);
        }

        lines.Add(WithComment("}", block.CloseBraceComment));
    }

    private static string WithComment(string line, SyntaxToken? comment) =>
        comment is null ? line : $"{line} {comment.Text.TrimEnd()}";

    private sealed record Group(List<CommentLineSyntax> Comments, StatementSyntax Statement, bool BlankBefore);
}
