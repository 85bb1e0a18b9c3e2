using Remap.Core.Diagnostics;
using Remap.Core.Model;

namespace Remap.Core.Language;

/// <summary>Turns the training block into <see cref="TrainingSettings"/>, with defaults for settings left out.</summary>
internal static class TrainingBinder
{
    private static readonly string[] SettingNames = [.. TrainingSettingCatalog.All.Select(setting => setting.Name)];

    private static readonly string[] OptimizerNames = [.. TrainingSettingCatalog.OptimizerNames];

    public static TrainingSettings Bind(TrainingBlockSyntax? block, DiagnosticBag diagnostics)
    {
        var settings = TrainingSettings.Default;
        if (block is null)
        {
            return settings;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var setting in block.Settings)
        {
            var name = setting.Name.Text;
            if (!SettingNames.Contains(name))
            {
                diagnostics.Error(DiagnosticCodes.UnknownSetting, setting.Name.Span,
                    $"unknown training setting '{name}'{Suggestions.Hint(name, SettingNames)}");
                continue;
            }

            if (!seen.Add(name))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateSetting, setting.Span, $"training setting '{name}' is written twice: keep one");
                continue;
            }

            if (setting.Value is { } value)
            {
                settings = Apply(settings, name, value, diagnostics);
            }
        }

        return settings;
    }

    private static TrainingSettings Apply(TrainingSettings settings, string name, SyntaxToken value, DiagnosticBag diagnostics) => name switch
    {
        "epochs" => Integer(value, name, 1, 1000, diagnostics) is { } epochs ? settings with { Epochs = epochs } : settings,
        "batch_size" => Integer(value, name, 1, 65536, diagnostics) is { } batch ? settings with { BatchSize = batch } : settings,
        "seed" => Integer(value, name, 0, int.MaxValue, diagnostics) is { } seed ? settings with { Seed = seed } : settings,
        "learning_rate" => Number(value, name, 0, 10, minimumIsExclusive: true, diagnostics) is { } rate ? settings with { LearningRate = rate } : settings,
        "weight_decay" => Number(value, name, 0, 1, minimumIsExclusive: false, diagnostics) is { } decay ? settings with { WeightDecay = decay } : settings,
        _ => Optimizer(value, diagnostics) is { } optimizer ? settings with { Optimizer = optimizer } : settings,
    };

    private static int? Integer(SyntaxToken value, string name, int minimum, int maximum, DiagnosticBag diagnostics)
    {
        var range = $"a whole number from {minimum} to {maximum}";
        if (value.Kind != TokenKind.Integer || !Lexer.TryParseNumber(value.Text, out var number) || number < minimum || number > maximum)
        {
            diagnostics.Error(DiagnosticCodes.InvalidSettingValue, value.Span, $"{name} '{value.Text}' is not valid: use {range}");
            return null;
        }

        return (int)number;
    }

    private static double? Number(SyntaxToken value, string name, double minimum, double maximum, bool minimumIsExclusive, DiagnosticBag diagnostics)
    {
        var isNumber = value.Kind is TokenKind.Integer or TokenKind.Decimal && Lexer.TryParseNumber(value.Text, out _);
        Lexer.TryParseNumber(value.Text, out var number);
        var aboveMinimum = minimumIsExclusive ? number > minimum : number >= minimum;
        if (!isNumber || !aboveMinimum || number > maximum)
        {
            var range = minimumIsExclusive ? $"more than {Layer.FormatNumber(minimum)} and at most {Layer.FormatNumber(maximum)}" : $"from {Layer.FormatNumber(minimum)} to {Layer.FormatNumber(maximum)}";
            diagnostics.Error(DiagnosticCodes.InvalidSettingValue, value.Span, $"{name} '{value.Text}' is not valid: use a number {range}");
            return null;
        }

        return number;
    }

    private static OptimizerKind? Optimizer(SyntaxToken value, DiagnosticBag diagnostics)
    {
        switch (value.Text)
        {
            case "sgd":
                return OptimizerKind.Sgd;
            case "adam":
                return OptimizerKind.Adam;
            case "adamw":
                return OptimizerKind.AdamW;
            default:
                diagnostics.Error(DiagnosticCodes.InvalidSettingValue, value.Span,
                    $"optimizer '{value.Text}' is not known{Suggestions.Hint(value.Text, OptimizerNames)}");
                return null;
        }
    }
}
