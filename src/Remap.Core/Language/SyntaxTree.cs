using System.Collections.Immutable;
using Remap.Core.Diagnostics;

namespace Remap.Core.Language;

/// <summary>
/// A parsed .remap file: its top-level statements in source order (comment lines included), the syntax
/// diagnostics and the line map. Every token keeps its UTF-16 span, for editors and the language server.
/// </summary>
public sealed class SyntaxTree
{
    internal SyntaxTree(string text, LineMap lines, ImmutableArray<StatementSyntax> statements, ImmutableArray<Diagnostic> diagnostics)
    {
        Text = text;
        Lines = lines;
        Statements = statements;
        Diagnostics = diagnostics;
    }

    public string Text { get; }

    public LineMap Lines { get; }

    public ImmutableArray<StatementSyntax> Statements { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

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

    /// <summary>Parses a text. Throws only <see cref="OperationCanceledException"/>, checked once per line.</summary>
    public static SyntaxTree Parse(string text, CancellationToken cancellationToken = default) =>
        Parser.Parse(text ?? "", cancellationToken);
}
