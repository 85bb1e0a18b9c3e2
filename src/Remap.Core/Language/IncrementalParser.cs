using System.Collections.Immutable;
using Remap.Core.Diagnostics;

namespace Remap.Core.Language;

/// <summary>
/// Reparses only the lines an edit touched. The parser's only state between lines is whether a training block is open,
/// so a line that starts outside a block parses the same wherever it sits: statements before the edit are kept, and
/// statements after it are moved to their new offsets once the parser is back outside a block on an unchanged line.
/// </summary>
internal sealed partial class Parser
{
    public static SyntaxTree Reparse(SyntaxTree old, string newText, CancellationToken cancellationToken)
    {
        var oldText = old.Text;
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return old;
        }

        // The edited region is what lies between the longest common prefix and the longest common suffix.
        var prefix = oldText.AsSpan().CommonPrefixLength(newText);
        var suffix = CommonSuffixLength(oldText, newText, Math.Min(oldText.Length, newText.Length) - prefix);
        var newEditEnd = newText.Length - suffix;
        var offsetDelta = newText.Length - oldText.Length;

        var lines = LineMap.Create(newText);
        var lineDelta = lines.Lines.Length - old.Lines.Lines.Length;

        // Start one line early when the edit begins a line: a '\n' typed after '\r' changes the line before.
        var firstLine = old.Lines.GetLine(Math.Max(0, prefix - 1)).Number;
        while (firstLine > 1 && old.BlockOpenAtLineStart[firstLine - 1])
        {
            firstLine--;
        }

        var parser = new Parser(newText, lines, old.Statements.Length + 8);
        parser.KeepBefore(old, firstLine);
        for (var index = firstLine - 1; index < lines.Lines.Length; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines.Lines[index];
            var oldIndex = index - lineDelta;
            if (parser.block is null && line.Start > newEditEnd && oldIndex >= 0 && oldIndex < old.Lines.Lines.Length && !old.BlockOpenAtLineStart[oldIndex])
            {
                parser.KeepFrom(old, oldIndex + 1, offsetDelta, lineDelta);
                return new SyntaxTree(newText, lines, [.. parser.statements], parser.diagnostics.ToSortedArray(), [.. parser.blockOpenAtLineStart]);
            }

            parser.ParseNextLine(line);
        }

        return parser.Finish(lines);
    }

    private static int CommonSuffixLength(string first, string second, int maximum)
    {
        var length = 0;
        while (length < maximum && first[first.Length - 1 - length] == second[second.Length - 1 - length])
        {
            length++;
        }

        return length;
    }

    // Keeps what the old parse produced before a line that started outside a training block: the text before it is unchanged.
    private void KeepBefore(SyntaxTree old, int line)
    {
        foreach (var statement in old.Statements)
        {
            if (statement.Line >= line)
            {
                break;
            }

            statements.Add(statement);
        }

        foreach (var diagnostic in old.Diagnostics)
        {
            if (diagnostic.Line < line)
            {
                diagnostics.Add(diagnostic);
            }
        }

        for (var index = 0; index < line - 1; index++)
        {
            blockOpenAtLineStart.Add(old.BlockOpenAtLineStart[index]);
        }
    }

    // Keeps what the old parse produced from an unchanged line on, moved by the edit's change in length and line count.
    private void KeepFrom(SyntaxTree old, int oldLine, int offsetDelta, int lineDelta)
    {
        foreach (var statement in old.Statements)
        {
            if (statement.Line >= oldLine)
            {
                statements.Add(statement.Move(offsetDelta, lineDelta));
            }
        }

        foreach (var diagnostic in old.Diagnostics)
        {
            if (diagnostic.Line >= oldLine)
            {
                diagnostics.Add(Move(diagnostic, offsetDelta, lineDelta));
            }
        }

        for (var index = oldLine - 1; index < old.BlockOpenAtLineStart.Length; index++)
        {
            blockOpenAtLineStart.Add(old.BlockOpenAtLineStart[index]);
        }
    }

    private static Diagnostic Move(Diagnostic diagnostic, int offsetDelta, int lineDelta) =>
        offsetDelta == 0 && lineDelta == 0
            ? diagnostic
            : diagnostic with { Start = diagnostic.Start + offsetDelta, Line = diagnostic.Line + lineDelta, EndLine = diagnostic.EndLine + lineDelta };
}
