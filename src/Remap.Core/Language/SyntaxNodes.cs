using System.Collections.Immutable;
using Remap.Core.Model;

namespace Remap.Core.Language;

/// <summary>
/// One line of a .remap file (or, for the training block, the lines from <c>training {</c> to <c>}</c>).
/// <see cref="Span"/> covers the statement without its trailing comment.
/// </summary>
public abstract class StatementSyntax(TextSpan span, int line, SyntaxToken? trailingComment)
{
    public TextSpan Span { get; } = span;

    /// <summary>The 1-based line the statement starts on.</summary>
    public int Line { get; } = line;

    /// <summary>A comment after the statement on the same line, kept for the formatter.</summary>
    public SyntaxToken? TrailingComment { get; } = trailingComment;

    /// <summary>The span of the statement and its trailing comment, or for the training block, through the closing brace's comment.</summary>
    public TextSpan FullSpan => TextSpan.FromBounds(Span.Start, Math.Max(Span.End, Tokens().LastOrDefault()?.Span.End ?? Span.End));

    /// <summary>Enumerates the statement's tokens in source order, comments included, for semantic highlighting.</summary>
    public IEnumerable<SyntaxToken> Tokens() => OwnTokens().OfType<SyntaxToken>().OrderBy(token => token.Span.Start);

    private protected abstract IEnumerable<SyntaxToken?> OwnTokens();

    /// <summary>Returns this statement moved by an edit before it: offsets by <paramref name="offsetDelta"/>, lines by <paramref name="lineDelta"/>.</summary>
    internal StatementSyntax Move(int offsetDelta, int lineDelta) =>
        offsetDelta == 0 && lineDelta == 0 ? this : MoveCore(offsetDelta, lineDelta);

    private protected abstract StatementSyntax MoveCore(int offsetDelta, int lineDelta);

    private protected TextSpan MovedSpan(int offsetDelta) => new(Span.Start + offsetDelta, Span.Length);
}

/// <summary>A line holding only a comment.</summary>
public sealed class CommentLineSyntax(SyntaxToken comment, int line) : StatementSyntax(comment.Span, line, null)
{
    public SyntaxToken Comment { get; } = comment;

    private protected override IEnumerable<SyntaxToken?> OwnTokens() => [Comment];

    private protected override StatementSyntax MoveCore(int offsetDelta, int lineDelta) => new CommentLineSyntax(Comment.Move(offsetDelta), Line + lineDelta);
}

public enum HeaderKind
{
    Model,
    Input,
    Classes,
    Dataset,
}

/// <summary>A header statement: <c>model NAME</c>, <c>input SHAPE</c>, <c>classes INT</c> or <c>dataset NAME</c>.</summary>
public sealed class HeaderSyntax(HeaderKind kind, SyntaxToken keyword, SyntaxToken? value, TextSpan span, int line, SyntaxToken? trailingComment)
    : StatementSyntax(span, line, trailingComment)
{
    public HeaderKind Kind { get; } = kind;

    public SyntaxToken Keyword { get; } = keyword;

    /// <summary>The value, or null when the line has none (a syntax error).</summary>
    public SyntaxToken? Value { get; } = value;

    private protected override IEnumerable<SyntaxToken?> OwnTokens() => [Keyword, Value, TrailingComment];

    private protected override StatementSyntax MoveCore(int offsetDelta, int lineDelta) =>
        new HeaderSyntax(Kind, Keyword.Move(offsetDelta), Value?.Move(offsetDelta), MovedSpan(offsetDelta), Line + lineDelta, TrailingComment?.Move(offsetDelta));
}

/// <summary>One <c>name=value</c> pair of a layer line. Equals and value are null when missing (a syntax error).</summary>
public sealed class ArgumentSyntax(SyntaxToken name, SyntaxToken? equalsToken, SyntaxToken? value)
{
    public SyntaxToken Name { get; } = name;

    public SyntaxToken? EqualsToken { get; } = equalsToken;

    public SyntaxToken? Value { get; } = value;

    public TextSpan Span => TextSpan.FromBounds(Name.Span.Start, (Value ?? EqualsToken ?? Name).Span.End);

    internal ArgumentSyntax Move(int offsetDelta) => new(Name.Move(offsetDelta), EqualsToken?.Move(offsetDelta), Value?.Move(offsetDelta));
}

/// <summary>A layer line: a keyword and its arguments. The keyword may be unknown; the binder reports that.</summary>
public sealed class LayerSyntax(SyntaxToken keyword, ImmutableArray<ArgumentSyntax> arguments, bool isComplete, TextSpan span, int line, SyntaxToken? trailingComment)
    : StatementSyntax(span, line, trailingComment)
{
    public SyntaxToken Keyword { get; } = keyword;

    public ImmutableArray<ArgumentSyntax> Arguments { get; } = arguments;

    /// <summary>
    /// Whether every token of the line is a complete <c>name=value</c> argument. The parser stops at the first malformed
    /// argument, and it reports that only for known keywords, so a line with an unknown keyword can be incomplete without a syntax error.
    /// </summary>
    public bool IsComplete { get; } = isComplete;

    /// <summary>The catalog entry for the keyword, or null when the keyword is not a layer.</summary>
    public LayerDefinition? Definition => LayerCatalog.Find(Keyword.Text);

    private protected override IEnumerable<SyntaxToken?> OwnTokens() =>
        [Keyword, .. Arguments.SelectMany(argument => new[] { argument.Name, argument.EqualsToken, argument.Value }), TrailingComment];

    private protected override StatementSyntax MoveCore(int offsetDelta, int lineDelta)
    {
        var arguments = ImmutableArray.CreateBuilder<ArgumentSyntax>(Arguments.Length);
        foreach (var argument in Arguments)
        {
            arguments.Add(argument.Move(offsetDelta));
        }

        return new LayerSyntax(Keyword.Move(offsetDelta), arguments.MoveToImmutable(), IsComplete, MovedSpan(offsetDelta), Line + lineDelta, TrailingComment?.Move(offsetDelta));
    }
}

/// <summary>A <c>name = value</c> line inside the training block.</summary>
public sealed class SettingSyntax(SyntaxToken name, SyntaxToken? equalsToken, SyntaxToken? value, TextSpan span, int line, SyntaxToken? trailingComment)
    : StatementSyntax(span, line, trailingComment)
{
    public SyntaxToken Name { get; } = name;

    public SyntaxToken? EqualsToken { get; } = equalsToken;

    public SyntaxToken? Value { get; } = value;

    private protected override IEnumerable<SyntaxToken?> OwnTokens() => [Name, EqualsToken, Value, TrailingComment];

    private protected override StatementSyntax MoveCore(int offsetDelta, int lineDelta) =>
        new SettingSyntax(Name.Move(offsetDelta), EqualsToken?.Move(offsetDelta), Value?.Move(offsetDelta), MovedSpan(offsetDelta), Line + lineDelta, TrailingComment?.Move(offsetDelta));
}

/// <summary>
/// The <c>training { ... }</c> block. <see cref="Items"/> holds settings and own-line comments in source order;
/// the trailing comment of the <c>training {</c> line is <see cref="StatementSyntax.TrailingComment"/>.
/// </summary>
public sealed class TrainingBlockSyntax(
    SyntaxToken keyword,
    SyntaxToken? openBrace,
    ImmutableArray<StatementSyntax> items,
    SyntaxToken? closeBrace,
    SyntaxToken? closeBraceComment,
    TextSpan span,
    int line,
    SyntaxToken? trailingComment)
    : StatementSyntax(span, line, trailingComment)
{
    public SyntaxToken Keyword { get; } = keyword;

    /// <summary>The opening brace, or null when the line lacks it (a syntax error).</summary>
    public SyntaxToken? OpenBrace { get; } = openBrace;

    public ImmutableArray<StatementSyntax> Items { get; } = items;

    public IEnumerable<SettingSyntax> Settings => Items.OfType<SettingSyntax>();

    /// <summary>The closing brace, or null when the file ends inside the block (a syntax error).</summary>
    public SyntaxToken? CloseBrace { get; } = closeBrace;

    public SyntaxToken? CloseBraceComment { get; } = closeBraceComment;

    private protected override IEnumerable<SyntaxToken?> OwnTokens() =>
        [Keyword, OpenBrace, TrailingComment, .. Items.SelectMany(item => item.Tokens()), CloseBrace, CloseBraceComment];

    private protected override StatementSyntax MoveCore(int offsetDelta, int lineDelta) =>
        new TrainingBlockSyntax(
            Keyword.Move(offsetDelta),
            OpenBrace?.Move(offsetDelta),
            [.. Items.Select(item => item.Move(offsetDelta, lineDelta))],
            CloseBrace?.Move(offsetDelta),
            CloseBraceComment?.Move(offsetDelta),
            MovedSpan(offsetDelta),
            Line + lineDelta,
            TrailingComment?.Move(offsetDelta));
}
