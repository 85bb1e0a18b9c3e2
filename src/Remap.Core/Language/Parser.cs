using System.Collections.Immutable;
using System.Text;
using Remap.Core.Diagnostics;

namespace Remap.Core.Language;

/// <summary>
/// Parses a .remap text line by line. A line with a syntax error is reported once and skipped,
/// so every error of a file is reported in one pass.
/// </summary>
internal sealed partial class Parser
{
    private readonly string text;
    private readonly DiagnosticBag diagnostics;
    private readonly List<StatementSyntax> statements;
    private readonly List<bool> blockOpenAtLineStart;
    private OpenBlock? block;

    private Parser(string text, LineMap lines, int statementCapacity)
    {
        this.text = text;
        diagnostics = new DiagnosticBag(lines);
        statements = new List<StatementSyntax>(statementCapacity);
        blockOpenAtLineStart = new List<bool>(lines.Lines.Length);
    }

    public static SyntaxTree Parse(string text, CancellationToken cancellationToken)
    {
        var lines = LineMap.Create(text);
        var parser = new Parser(text, lines, lines.Lines.Length);
        foreach (var line in lines.Lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            parser.ParseNextLine(line);
        }

        return parser.Finish(lines);
    }

    // Records the state a line starts in before parsing it, so a later reparse can find where it may resume.
    private void ParseNextLine(TextLine line)
    {
        blockOpenAtLineStart.Add(block is not null);
        ParseLine(line);
    }

    private SyntaxTree Finish(LineMap lines)
    {
        FinishOpenBlock();
        return new SyntaxTree(text, lines, [.. statements], diagnostics.ToSortedArray(), [.. blockOpenAtLineStart]);
    }

    // Quotes a printable character and names any other by its code point, such as U+0007, which would show as blank.
    private static string DescribeCharacter(string text)
    {
        if (!Rune.TryGetRuneAt(text, 0, out var rune))
        {
            return $"U+{(int)text[0]:X4}";
        }

        var category = Rune.GetUnicodeCategory(rune);
        var invisible = Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)
            || category is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Surrogate
                or System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.OtherNotAssigned;
        return invisible ? $"U+{rune.Value:X4}" : $"'{text}'";
    }

    private void ParseLine(TextLine line)
    {
        var tokens = Lexer.LexLine(text, line);
        var unknown = tokens.FirstOrDefault(token => token.Kind == TokenKind.Unknown);
        if (unknown is not null)
        {
            diagnostics.Error(DiagnosticCodes.UnexpectedCharacter, unknown.Span,
                $"unexpected character {DescribeCharacter(unknown.Text)}: a line holds a keyword and name=value pairs; put other text after '#'");
            return;
        }

        SyntaxToken? comment = null;
        if (!tokens.IsEmpty && tokens[^1].Kind == TokenKind.Comment)
        {
            comment = tokens[^1];
            tokens = tokens.RemoveAt(tokens.Length - 1);
        }

        if (tokens.IsEmpty)
        {
            if (comment is not null)
            {
                Add(new CommentLineSyntax(comment, line.Number));
            }

            return;
        }

        if (block is not null)
        {
            ParseBlockLine(tokens, comment, line);
            return;
        }

        ParseStatement(tokens, comment, line);
    }

    private void ParseStatement(ImmutableArray<SyntaxToken> tokens, SyntaxToken? comment, TextLine line)
    {
        var first = tokens[0];
        if (first.Kind == TokenKind.CloseBrace)
        {
            diagnostics.Error(DiagnosticCodes.UnexpectedCloseBrace, first.Span, "unexpected '}': there is no open training block to close; remove it");
            return;
        }

        if (first.Kind != TokenKind.Word)
        {
            diagnostics.Error(DiagnosticCodes.UnexpectedToken, first.Span,
                $"unexpected '{first.Text}' at the start of a line: a line starts with a layer keyword such as conv2d, a header keyword (model, input, classes, dataset) or training");
            return;
        }

        var span = TextSpan.FromBounds(first.Span.Start, tokens[^1].Span.End);
        if (TryGetHeaderKind(first.Text, out var kind))
        {
            ParseHeader(kind, tokens, comment, span, line);
        }
        else if (first.Text == "training")
        {
            ParseTrainingStart(tokens, comment, line);
        }
        else
        {
            ParseLayer(tokens, comment, span, line);
        }
    }

    private void ParseHeader(HeaderKind kind, ImmutableArray<SyntaxToken> tokens, SyntaxToken? comment, TextSpan span, TextLine line)
    {
        var keyword = tokens[0];
        if (tokens.Length == 1 || !tokens[1].IsValue)
        {
            var at = tokens.Length == 1 ? new TextSpan(keyword.Span.End, 0) : tokens[1].Span;
            diagnostics.Error(DiagnosticCodes.MissingHeaderValue, at, $"'{keyword.Text}' needs a value: {HeaderExample(kind)}");
            Add(new HeaderSyntax(kind, keyword, null, span, line.Number, comment));
            return;
        }

        if (tokens.Length > 2)
        {
            diagnostics.Error(DiagnosticCodes.UnexpectedToken, TextSpan.FromBounds(tokens[2].Span.Start, span.End),
                $"unexpected '{tokens[2].Text}' after '{keyword.Text} {tokens[1].Text}': a header takes one value; remove the rest of the line");
        }

        Add(new HeaderSyntax(kind, keyword, tokens[1], span, line.Number, comment));
    }

    private void ParseLayer(ImmutableArray<SyntaxToken> tokens, SyntaxToken? comment, TextSpan span, TextLine line)
    {
        var keyword = tokens[0];

        // An unknown keyword gets one diagnostic from the binder, not a second one about its arguments.
        var definition = Model.LayerCatalog.Find(keyword.Text);
        var reportErrors = definition is not null;
        var arguments = ImmutableArray.CreateBuilder<ArgumentSyntax>();
        var index = 1;
        while (index < tokens.Length)
        {
            var name = tokens[index];
            if (name.Kind != TokenKind.Word)
            {
                Report(reportErrors, name.Span, $"expected a parameter name such as kernel=3, found '{name.Text}'; write each parameter as name=value");
                break;
            }

            // An unknown parameter name gets one diagnostic from the binder, which suggests the closest name.
            var equalsToken = index + 1 < tokens.Length && tokens[index + 1].Kind == TokenKind.Equals ? tokens[index + 1] : null;
            var nameIsKnown = definition?.FindParameter(name.Text) is not null;
            if (equalsToken is null)
            {
                Report(reportErrors && nameIsKnown, name.Span, $"parameter '{name.Text}' has no value: write {name.Text}=VALUE");
                arguments.Add(new ArgumentSyntax(name, null, null));
                break;
            }

            var value = index + 2 < tokens.Length && tokens[index + 2].IsValue ? tokens[index + 2] : null;
            arguments.Add(new ArgumentSyntax(name, equalsToken, value));
            if (value is null)
            {
                Report(reportErrors && nameIsKnown, TextSpan.FromBounds(name.Span.Start, equalsToken.Span.End), $"parameter '{name.Text}' has no value after '=': write {name.Text}=VALUE");
                break;
            }

            index += 3;
        }

        var isComplete = index >= tokens.Length;
        Add(new LayerSyntax(keyword, arguments.ToImmutable(), isComplete, span, line.Number, comment));
    }

    private void Report(bool report, TextSpan span, string message)
    {
        if (report)
        {
            diagnostics.Error(DiagnosticCodes.ExpectedArgument, span, message);
        }
    }

    private void ParseTrainingStart(ImmutableArray<SyntaxToken> tokens, SyntaxToken? comment, TextLine line)
    {
        var keyword = tokens[0];
        var openBrace = tokens.Length > 1 && tokens[1].Kind == TokenKind.OpenBrace ? tokens[1] : null;
        if (openBrace is null)
        {
            diagnostics.Error(DiagnosticCodes.MissingOpenBrace, keyword.Span, "'training' needs '{' on the same line: write 'training {', one setting per line, then '}'");
        }
        else if (tokens.Length > 2)
        {
            diagnostics.Error(DiagnosticCodes.UnexpectedToken, TextSpan.FromBounds(tokens[2].Span.Start, tokens[^1].Span.End),
                $"unexpected '{tokens[2].Text}' after 'training {{': put each setting on its own line, and '}}' on the line after the last one");
        }

        block = new OpenBlock(keyword, openBrace, comment, line.Number);

        // 'training { epochs = 2 }' closes on its own line: the error above is the only problem, not an unclosed block.
        if (openBrace is not null && tokens.Length > 2 && tokens[^1].Kind == TokenKind.CloseBrace)
        {
            CloseBlock(tokens[^1], null);
        }
    }

    private void ParseBlockLine(ImmutableArray<SyntaxToken> tokens, SyntaxToken? comment, TextLine line)
    {
        var first = tokens[0];
        if (first.Kind == TokenKind.CloseBrace)
        {
            if (tokens.Length > 1)
            {
                diagnostics.Error(DiagnosticCodes.UnexpectedToken, TextSpan.FromBounds(tokens[1].Span.Start, tokens[^1].Span.End),
                    $"unexpected '{tokens[1].Text}' after '}}': put the next statement on its own line");
            }

            CloseBlock(first, comment);
            return;
        }

        // A statement keyword means the author forgot the '}': close the block there and go on.
        var startsStatement = first.Kind == TokenKind.Word && (tokens.Length == 1 || tokens[1].Kind != TokenKind.Equals)
            && (Model.LayerCatalog.Find(first.Text) is not null || first.Text == "training" || TryGetHeaderKind(first.Text, out _));
        if (startsStatement)
        {
            FinishOpenBlock();
            ParseStatement(tokens, comment, line);
            return;
        }

        var span = TextSpan.FromBounds(first.Span.Start, tokens[^1].Span.End);
        var isSetting = tokens.Length == 3 && first.Kind == TokenKind.Word && tokens[1].Kind == TokenKind.Equals && tokens[2].IsValue;
        if (!isSetting)
        {
            diagnostics.Error(DiagnosticCodes.InvalidSetting, span,
                $"'{text[span.Start..span.End]}' is not a setting: write one 'name = value' per line, such as 'epochs = 5', and close the block with '}}'");
            return;
        }

        block!.Items.Add(new SettingSyntax(first, tokens[1], tokens[2], span, line.Number, comment));
    }

    private void CloseBlock(SyntaxToken? closeBrace, SyntaxToken? closeBraceComment)
    {
        var current = block!;
        block = null;
        var end = closeBrace?.Span.End ?? (current.Items.Count > 0 ? current.Items[^1].Span.End : (current.OpenBrace ?? current.Keyword).Span.End);
        var span = TextSpan.FromBounds(current.Keyword.Span.Start, end);
        Add(new TrainingBlockSyntax(current.Keyword, current.OpenBrace, [.. current.Items], closeBrace, closeBraceComment, span, current.Line, current.Comment));
    }

    private void FinishOpenBlock()
    {
        if (block is null)
        {
            return;
        }

        diagnostics.Error(DiagnosticCodes.UnclosedTrainingBlock, block.Keyword.Span, "the training block is never closed: add '}' on a line after its last setting");
        CloseBlock(null, null);
    }

    private void Add(StatementSyntax statement)
    {
        if (block is not null && statement is CommentLineSyntax)
        {
            block.Items.Add(statement);
            return;
        }

        statements.Add(statement);
    }

    private static bool TryGetHeaderKind(string keyword, out HeaderKind kind)
    {
        kind = keyword switch
        {
            "model" => HeaderKind.Model,
            "input" => HeaderKind.Input,
            "classes" => HeaderKind.Classes,
            "dataset" => HeaderKind.Dataset,
            _ => (HeaderKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    private static string HeaderExample(HeaderKind kind) => kind switch
    {
        HeaderKind.Model => "write 'model NAME', such as 'model small_cnn'",
        HeaderKind.Input => "write 'input CHANNELSxHEIGHTxWIDTH' such as 'input 1x28x28', or 'input 784' for flat features",
        HeaderKind.Classes => "write 'classes COUNT', such as 'classes 10'",
        _ => "write 'dataset NAME', such as 'dataset fashion-mnist-sample'",
    };

    private sealed class OpenBlock(SyntaxToken keyword, SyntaxToken? openBrace, SyntaxToken? comment, int line)
    {
        public SyntaxToken Keyword { get; } = keyword;

        public SyntaxToken? OpenBrace { get; } = openBrace;

        public SyntaxToken? Comment { get; } = comment;

        public int Line { get; } = line;

        public List<StatementSyntax> Items { get; } = [];
    }
}
