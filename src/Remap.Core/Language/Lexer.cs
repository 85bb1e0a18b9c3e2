using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Remap.Core.Language;

/// <summary>Splits one line of a .remap file into tokens. Never throws: unusable characters become <see cref="TokenKind.Unknown"/> tokens.</summary>
public static partial class Lexer
{
    public static ImmutableArray<SyntaxToken> LexLine(string text, TextLine line)
    {
        var tokens = ImmutableArray.CreateBuilder<SyntaxToken>();
        var position = line.Start;

        // A byte order mark is not part of the first line's content.
        if (position == 0 && line.End > 0 && text[0] == '\uFEFF')
        {
            position = 1;
        }

        while (position < line.End)
        {
            var character = text[position];
            if (character is ' ' or '\t' || (char.IsWhiteSpace(character) && !char.IsSurrogate(character)))
            {
                position++;
                continue;
            }

            var start = position;
            switch (character)
            {
                case '#':
                    tokens.Add(Token(TokenKind.Comment, text, start, line.End));
                    return tokens.ToImmutable();
                case '=':
                    tokens.Add(Token(TokenKind.Equals, text, start, ++position));
                    continue;
                case '{':
                    tokens.Add(Token(TokenKind.OpenBrace, text, start, ++position));
                    continue;
                case '}':
                    tokens.Add(Token(TokenKind.CloseBrace, text, start, ++position));
                    continue;
            }

            var width = RunCharacterWidth(text, position, line.End);
            if (width == 0)
            {
                var unknownWidth = Rune.DecodeFromUtf16(text.AsSpan(position, line.End - position), out _, out var consumed) == OperationStatus.Done ? consumed : 1;
                tokens.Add(Token(TokenKind.Unknown, text, start, position + unknownWidth));
                position += unknownWidth;
                continue;
            }

            while (width > 0)
            {
                position += width;
                width = RunCharacterWidth(text, position, line.End);
            }

            var run = text[start..position];
            tokens.Add(new SyntaxToken(Classify(run), run, TextSpan.FromBounds(start, position)));
        }

        return tokens.ToImmutable();
    }

    /// <summary>Parses an <see cref="TokenKind.Integer"/> or <see cref="TokenKind.Decimal"/> token's text; false when it overflows.</summary>
    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static TokenKind Classify(string run)
    {
        // Numbers and shapes start with a digit, a sign or a point; anything else is a word, without running the patterns.
        if (run.Length > 0 && !char.IsAsciiDigit(run[0]) && run[0] is not ('+' or '-' or '.'))
        {
            return TokenKind.Word;
        }

        if (IntegerPattern().IsMatch(run))
        {
            return TokenKind.Integer;
        }

        if (DecimalPattern().IsMatch(run))
        {
            return TokenKind.Decimal;
        }

        return ShapePattern().IsMatch(run) ? TokenKind.Shape : TokenKind.Word;
    }

    // Returns how many UTF-16 code units the character at position takes when it can be part of a word, number or shape; 0 otherwise.
    private static int RunCharacterWidth(string text, int position, int end)
    {
        if (position >= end)
        {
            return 0;
        }

        if (text[position] is '_' or '-' or '.' or '+')
        {
            return 1;
        }

        // ASCII is most of every file: its letters and digits are the only name characters there.
        if (char.IsAscii(text[position]))
        {
            return char.IsAsciiLetterOrDigit(text[position]) ? 1 : 0;
        }

        if (Rune.DecodeFromUtf16(text.AsSpan(position, end - position), out var rune, out var consumed) != OperationStatus.Done)
        {
            return 0;
        }

        var category = Rune.GetUnicodeCategory(rune);
        var isNameCharacter = Rune.IsLetterOrDigit(rune)
            || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
        return isNameCharacter ? consumed : 0;
    }

    private static SyntaxToken Token(TokenKind kind, string text, int start, int end) =>
        new(kind, text[start..end], TextSpan.FromBounds(start, end));

    [GeneratedRegex("^[+-]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex("^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();

    [GeneratedRegex("^[0-9]+(x[0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ShapePattern();
}
