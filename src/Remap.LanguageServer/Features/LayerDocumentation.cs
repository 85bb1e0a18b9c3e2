using System.Globalization;
using System.Text;
using Remap.Core.Diagnostics;
using Remap.Core.Language;
using Remap.Core.Model;
using Remap.Core.Shapes;

namespace Remap.LanguageServer.Features;

/// <summary>The Markdown that completion and hover show for layers, parameters, headers and training settings.</summary>
internal static class LayerDocumentation
{
    public static string Layer(LayerDefinition definition)
    {
        var builder = new StringBuilder();
        builder.Append("**").Append(definition.Keyword).Append("** — ").Append(definition.Summary).Append("\n\n");
        builder.Append(definition.Documentation);
        if (!definition.Parameters.IsEmpty)
        {
            builder.Append("\n\n| parameter | default | range |\n| --- | --- | --- |\n");
            foreach (var parameter in definition.Parameters)
            {
                builder.Append("| `").Append(parameter.Name).Append("` | ").Append(parameter.DefaultText).Append(" | ").Append(RangeOf(parameter)).Append(" |\n");
            }
        }

        return builder.ToString().TrimEnd();
    }

    public static string Parameter(LayerDefinition definition, ParameterSchema parameter) =>
        $"**{parameter.Name}** ({definition.Keyword}) — {parameter.Documentation}\n\nDefault: {parameter.DefaultText} · Range: {RangeOf(parameter)}";

    public static string Setting(TrainingSettingSchema setting) =>
        $"**{setting.Name}** (training) — {setting.Documentation}\n\nDefault: {setting.DefaultText} · Range: {setting.RangeText}";

    public static string Header(HeaderKind kind) => kind switch
    {
        HeaderKind.Model => "**model** NAME — the model's name, shown in listings: letters, digits, `_`, `-` and `.`; without it the file name is used.",
        HeaderKind.Input => "**input** SHAPE — the shape of one sample: CHANNELSxHEIGHTxWIDTH such as `1x28x28`, or one number of features such as `784`. Optional when the dataset or the `remap.defaults.input` setting gives it.",
        HeaderKind.Classes => "**classes** N — the number of classes, from 2 to 100000; the last dense layer has one unit per class. Optional when the dataset or the `remap.defaults.classes` setting gives it.",
        _ => "**dataset** NAME — a dataset registered on the Remap server, such as `fashion-mnist-sample`; never a path.",
    };

    public const string TrainingBlock =
        "**training** { … } — how the model is trained: one `name = value` setting per line (`epochs`, `batch_size`, `optimizer`, `learning_rate`, `weight_decay`, `seed`). Settings left out take their defaults.";

    /// <summary>Formats the shapes line of a layer, for example <c>1×28×28 → 32×28×28 · 320 parameters</c>.</summary>
    public static string Shapes(LayerShape shape)
    {
        var output = shape.Output?.ToString() ?? "cannot run on this input";
        return $"{shape.Input} → {output} · {CountFormat.Parameters(shape.Parameters)} parameters";
    }

    private static string RangeOf(ParameterSchema parameter) =>
        parameter.Keywords.IsEmpty ? parameter.RangeText : $"{parameter.RangeText}, {string.Join(" or ", parameter.Keywords.Select(keyword => $"`{keyword}`"))}";
}

/// <summary>Short parameter counts for inlay hints: <c>320</c>, <c>9.2k</c>, <c>1.4M</c>, <c>2.1B</c>.</summary>
internal static class CountFormat
{
    public static string Parameters(long count) => count switch
    {
        < 1_000 => count.ToString(CultureInfo.InvariantCulture),
        < 999_950 => Scaled(count / 1e3, "k"),
        < 999_950_000 => Scaled(count / 1e6, "M"),
        _ => Scaled(count / 1e9, "B"),
    };

    private static string Scaled(double value, string suffix) => value.ToString("0.#", CultureInfo.InvariantCulture) + suffix;
}

/// <summary>
/// Finds a layer line's shapes in a compilation. From the first layer line with an error on, the shapes are unknown: the
/// binder substitutes defaults for bad values and inference clamps sizes, so the numbers would describe a network the
/// author did not write. The checks of the last layer (RM1007, RM1008) do not count, as they change no number.
/// </summary>
internal static class LayerShapes
{
    public static LayerShape? Find(Compilation compilation, LayerSyntax layer)
    {
        var index = compilation.LayerSyntax.IndexOf(layer);
        return index >= 0 && index < KnownCount(compilation) ? compilation.Shapes!.Layers[index] : null;
    }

    /// <summary>How many layers, from the first, have shapes that can be trusted.</summary>
    public static int KnownCount(Compilation compilation)
    {
        if (compilation.Shapes is not { } shapes)
        {
            return 0;
        }

        var firstError = FirstLayerError(compilation);
        var count = 0;
        while (count < shapes.Layers.Length && count < compilation.LayerSyntax.Length && compilation.LayerSyntax[count].Span.End < firstError)
        {
            count++;
        }

        return count;
    }

    /// <summary>Whether every layer's shapes, and so the total parameter count, can be trusted.</summary>
    public static bool AllKnown(Compilation compilation) =>
        compilation.Shapes is { } shapes && KnownCount(compilation) == shapes.Layers.Length && compilation.LayerSyntax.Length == compilation.Syntax.Layers.Count();

    // The offset of the first error on any layer line, bound or not: a line dropped for an unknown keyword changes the network too.
    private static int FirstLayerError(Compilation compilation)
    {
        var first = int.MaxValue;
        foreach (var diagnostic in compilation.Diagnostics)
        {
            if (!diagnostic.IsError || diagnostic.Code is DiagnosticCodes.FinalLayerNotDense or DiagnosticCodes.UnitsDisagreeWithClasses || diagnostic.Start >= first)
            {
                continue;
            }

            var lines = compilation.Syntax.Lines;
            if (compilation.Syntax.Layers.Any(layer => layer.Span.Start <= diagnostic.Start && diagnostic.Start <= lines.GetLine(layer.Span.Start).End))
            {
                first = Math.Min(first, diagnostic.Start);
            }
        }

        return first;
    }
}
