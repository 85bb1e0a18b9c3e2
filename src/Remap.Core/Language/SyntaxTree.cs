using System.Collections.Immutable;
using Remap.Core.Diagnostics;

namespace Remap.Core.Language;

/// <summary>
/// A parsed .remap file: its top-level statements in source order (comment lines included), the syntax
/// diagnostics and the line map. Every token keeps its UTF-16 span, for editors and the language server.
/// </summary>
public sealed class SyntaxTree
{
    internal SyntaxTree(
        string text, LineMap lines, ImmutableArray<StatementSyntax> statements, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<bool> blockOpenAtLineStart)
    {
        Text = text;
        Lines = lines;
        Statements = statements;
        Diagnostics = diagnostics;
        BlockOpenAtLineStart = blockOpenAtLineStart;
    }

    public string Text { get; }

    public LineMap Lines { get; }

    public ImmutableArray<StatementSyntax> Statements { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>For each line (index 0 is line 1), whether the parser was inside a training block when the line started.</summary>
    internal ImmutableArray<bool> BlockOpenAtLineStart { get; }

    public bool HasErrors => Diagnostics.Any(diagnostic => diagnostic.IsError);

    public IEnumerable<HeaderSyntax> Headers => Statements.OfType<HeaderSyntax>();

    public IEnumerable<LayerSyntax> Layers => Statements.OfType<LayerSyntax>();

    public IEnumerable<TrainingBlockSyntax> TrainingBlocks => Statements.OfType<TrainingBlockSyntax>();

    /// <summary>Returns the top-level statement whose lines contain the offset, or null on a blank line.</summary>
    public StatementSyntax? FindStatement(int offset)
    {
        var line = Lines.GetLine(offset).Number;
        return Statements.FirstOrDefault(statement => statement.Line <= line && Lines.GetLine(statement.Span.End).Number >= line);
    }

    /// <summary>Returns the token that contains the offset or ends at it (the cursor just after a word), or null.</summary>
    public SyntaxToken? FindToken(int offset) =>
        FindStatement(offset)?.Tokens().LastOrDefault(token => token.Span.Start <= offset && offset <= token.Span.End);

    /// <summary>
    /// Parses a new version of this tree's text. Lines before and after the edited region are not parsed again: their
    /// statements and diagnostics are reused, moved to their new offsets and line numbers. The result equals
    /// <see cref="Parse"/> of <paramref name="newText"/>. Throws only <see cref="OperationCanceledException"/>.
    /// </summary>
    public SyntaxTree WithText(string newText, CancellationToken cancellationToken = default) =>
        Parser.Reparse(this, newText ?? "", cancellationToken);

    /// <summary>Parses a text. Throws only <see cref="OperationCanceledException"/>, checked once per line.</summary>
    public static SyntaxTree Parse(string text, CancellationToken cancellationToken = default) =>
        Parser.Parse(text ?? "", cancellationToken);
}
