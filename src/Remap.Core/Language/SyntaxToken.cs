namespace Remap.Core.Language;

public enum TokenKind
{
    /// <summary>A keyword, a parameter name or a name: letters, digits, <c>_</c>, <c>-</c>, <c>.</c> and <c>+</c>.</summary>
    Word,

    /// <summary>A whole number such as <c>32</c>.</summary>
    Integer,

    /// <summary>A decimal number such as <c>0.25</c> or <c>1e-3</c>.</summary>
    Decimal,

    /// <summary>An image shape such as <c>1x28x28</c>, read as one token.</summary>
    Shape,

    Equals,
    OpenBrace,
    CloseBrace,

    /// <summary>A <c>#</c> comment up to the end of the line.</summary>
    Comment,

    /// <summary>A character the language does not use.</summary>
    Unknown,
}

/// <summary>A token with its text and its span in the source.</summary>
public sealed record SyntaxToken(TokenKind Kind, string Text, TextSpan Span)
{
    public bool IsValue => Kind is TokenKind.Word or TokenKind.Integer or TokenKind.Decimal or TokenKind.Shape;

    /// <summary>Returns this token moved by an edit before it.</summary>
    internal SyntaxToken Move(int offsetDelta) => this with { Span = new TextSpan(Span.Start + offsetDelta, Span.Length) };
}
