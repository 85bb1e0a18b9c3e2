using Remap.Core.Language;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Features;

/// <summary>
/// Encodes a syntax tree as LSP semantic tokens: five integers per token (line delta, start delta, length, type, modifiers),
/// positions in UTF-16 code units. Every token of the language sits on one line, so none needs splitting.
/// </summary>
internal static class SemanticTokenEncoder
{
    private const int Keyword = 0;
    private const int LayerType = 1;
    private const int Parameter = 2;
    private const int Property = 3;
    private const int Number = 4;
    private const int EnumMember = 5;
    private const int Comment = 6;
    private const int Operator = 7;
    private const int Variable = 8;

    public static SemanticTokensLegend Legend { get; } =
        new(["keyword", "type", "parameter", "property", "number", "enumMember", "comment", "operator", "variable"], ["declaration"]);

    public static int[] Encode(Compilation compilation, DocumentSnapshot snapshot)
    {
        var data = new List<int>();
        var previousLine = 0;
        var previousCharacter = 0;
        foreach (var statement in compilation.Syntax.Statements)
        {
            foreach (var token in statement.Tokens())
            {
                if (Classify(statement, token) is not { } type || token.Span.Length == 0)
                {
                    continue;
                }

                var position = snapshot.GetPosition(token.Span.Start);
                var lineDelta = position.Line - previousLine;
                data.Add(lineDelta);
                data.Add(lineDelta == 0 ? position.Character - previousCharacter : position.Character);
                data.Add(token.Span.Length);
                data.Add(type.Type);
                data.Add(type.Modifiers);
                previousLine = position.Line;
                previousCharacter = position.Character;
            }
        }

        return [.. data];
    }

    private static (int Type, int Modifiers)? Classify(StatementSyntax statement, SyntaxToken token)
    {
        switch (token.Kind)
        {
            case TokenKind.Comment:
                return (Comment, 0);
            case TokenKind.Equals:
                return (Operator, 0);
            case TokenKind.Integer or TokenKind.Decimal or TokenKind.Shape:
                return (Number, 0);
            case TokenKind.OpenBrace or TokenKind.CloseBrace or TokenKind.Unknown:
                return null;
        }

        return statement switch
        {
            LayerSyntax layer when token == layer.Keyword => layer.Definition is null ? null : (LayerType, 0),
            LayerSyntax => ArgumentWord(token),
            HeaderSyntax header when token == header.Keyword => (Keyword, 0),
            HeaderSyntax header when header.Kind == HeaderKind.Model => (Variable, 1),
            HeaderSyntax => (Variable, 0),
            TrainingBlockSyntax block when token == block.Keyword => (Keyword, 0),
            TrainingBlockSyntax block => block.Settings.Any(setting => setting.Name == token) ? (Property, 0) : (EnumMember, 0),
            _ => null,
        };

        // A word on a layer line is a parameter name, or one of padding's keyword values.
        static (int, int)? ArgumentWord(SyntaxToken token) =>
            token.Text is "same" or "valid" ? (EnumMember, 0) : (Parameter, 0);
    }
}
