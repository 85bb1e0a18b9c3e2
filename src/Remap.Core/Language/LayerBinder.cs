using System.Collections.Immutable;
using Remap.Core.Diagnostics;
using Remap.Core.Model;

namespace Remap.Core.Language;

/// <summary>Turns a layer line into a normalised <see cref="Layer"/>: defaults filled, padding in pixels, values checked against the catalog.</summary>
internal static class LayerBinder
{
    private static readonly string[] LayerKeywords = [.. LayerCatalog.All.Select(definition => definition.Keyword)];

    private static readonly string[] HeaderKeywords = ["model", "input", "classes", "dataset", "training"];

    private static readonly string[] StatementKeywords = [.. LayerKeywords, .. HeaderKeywords];

    // A close match may be a header keyword, but the list of choices names the layers and then the header keywords apart.
    private static string UnknownKeywordHint(string word) =>
        Suggestions.Closest(word, StatementKeywords) is { } closest
            ? $"; did you mean '{closest}'?"
            : $": use a layer ({string.Join(", ", LayerKeywords)}); a line may also start with a header keyword ({string.Join(", ", HeaderKeywords)})";

    /// <summary>Binds a layer; returns null only when the keyword is unknown. A layer with bad values still binds, with defaults in their place, so shape inference can go on.</summary>
    public static Layer? Bind(LayerSyntax syntax, DiagnosticBag diagnostics)
    {
        var definition = syntax.Definition;
        if (definition is null)
        {
            diagnostics.Error(DiagnosticCodes.UnknownLayer, syntax.Keyword.Span,
                $"unknown layer '{syntax.Keyword.Text}'{UnknownKeywordHint(syntax.Keyword.Text)}");
            return null;
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        ArgumentSyntax? paddingArgument = null;
        foreach (var argument in syntax.Arguments)
        {
            var schema = definition.FindParameter(argument.Name.Text);
            if (schema is null)
            {
                ReportUnknownParameter(definition, argument, diagnostics);
                continue;
            }

            if (values.ContainsKey(schema.Name))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateParameter, argument.Span,
                    $"parameter '{schema.Name}' is written twice on {definition.Keyword}: keep one");
                continue;
            }

            if (argument.Value is null)
            {
                continue;
            }

            if (schema.ValueKind == ParameterValueKind.Padding && argument.Value.Text is "same")
            {
                paddingArgument = argument;
                values[schema.Name] = double.NaN;
                continue;
            }

            if (BindNumber(definition.Keyword, schema, argument.Value, diagnostics) is { } value)
            {
                values[schema.Name] = value;
            }
        }

        var parameters = definition.Parameters.Select(schema => new LayerParameter(schema.Name, Resolve(schema, values)));
        var layer = new Layer(definition.Kind, [.. parameters]);
        return paddingArgument is null ? layer : ResolveSamePadding(layer, paddingArgument, diagnostics);
    }

    private static void ReportUnknownParameter(LayerDefinition definition, ArgumentSyntax argument, DiagnosticBag diagnostics)
    {
        var names = definition.Parameters.Select(schema => schema.Name).ToArray();
        var message = names.Length == 0
            ? $"{definition.Keyword} takes no parameters: remove '{argument.Name.Text}'"
            : $"{definition.Keyword} has no parameter '{argument.Name.Text}'{Suggestions.Hint(argument.Name.Text, names)}";
        diagnostics.Error(DiagnosticCodes.UnknownParameter, argument.Name.Span, message);
    }

    private static double? BindNumber(string keyword, ParameterSchema schema, SyntaxToken token, DiagnosticBag diagnostics)
    {
        if (schema.ValueKind == ParameterValueKind.Padding && token.Text == "valid")
        {
            return 0;
        }

        if (token.Kind is not (TokenKind.Integer or TokenKind.Decimal) || !Lexer.TryParseNumber(token.Text, out var value))
        {
            var expected = schema.ValueKind switch
            {
                ParameterValueKind.Integer => $"a whole number from {schema.RangeText}",
                ParameterValueKind.Number => $"a number from {schema.RangeText}",
                _ => $"a whole number from {schema.RangeText}, 'same' or 'valid'",
            };
            diagnostics.Error(DiagnosticCodes.InvalidValue, token.Span, $"{schema.Name} '{token.Text}' is not valid for {keyword}: use {expected}");
            return null;
        }

        if (schema.ValueKind != ParameterValueKind.Number && value != Math.Floor(value))
        {
            diagnostics.Error(DiagnosticCodes.NotWholeNumber, token.Span,
                $"{schema.Name} {token.Text} is not a whole number: {keyword} needs an integer from {schema.RangeText}");
            return null;
        }

        if (!schema.IsInRange(value))
        {
            diagnostics.Error(DiagnosticCodes.ValueOutOfRange, token.Span,
                $"{schema.Name} {token.Text} is out of range for {keyword}: use {schema.RangeText}");
            return null;
        }

        return value;
    }

    private static double Resolve(ParameterSchema schema, Dictionary<string, double> values)
    {
        if (values.TryGetValue(schema.Name, out var value))
        {
            return value;
        }

        // A pooling stride left out equals the pooling size; the catalog marks it with a null default.
        return schema.Default ?? values.GetValueOrDefault("size", 2);
    }

    private static Layer ResolveSamePadding(Layer layer, ArgumentSyntax argument, DiagnosticBag diagnostics)
    {
        var kernel = layer.GetInt("kernel");
        var stride = layer.GetInt("stride");
        if (kernel % 2 == 0 || stride != 1)
        {
            var reason = kernel % 2 == 0 ? $"the kernel {kernel} is even" : $"the stride is {stride}";
            diagnostics.Error(DiagnosticCodes.InvalidSamePadding, argument.Span,
                $"padding=same keeps the size only with an odd kernel and stride 1, but {reason}: write padding as a number of pixels");
        }

        return layer.With("padding", (kernel - 1) / 2);
    }
}
