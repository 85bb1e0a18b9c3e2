using System.Collections.Immutable;
using System.Text;
using Remap.Core.Diagnostics;
using Remap.Core.Model;
using Remap.Core.Shapes;

namespace Remap.Core.Language;

/// <summary>Binds a syntax tree to an <see cref="Architecture"/> and runs shape inference on it.</summary>
internal static class Binder
{
    private const int MaximumDimension = 65536;
    private const int MaximumClasses = 100000;

    /// <summary>Binds a tree; with <paramref name="layerCache"/>, layer lines already bound in an earlier version are not bound again.</summary>
    public static Compilation Bind(SyntaxTree syntax, CompileOptions options, CancellationToken cancellationToken, LayerBindingCache? layerCache = null)
    {
        var diagnostics = new DiagnosticBag(syntax.Lines);
        diagnostics.AddRange(syntax.Diagnostics);
        var headers = FindHeaders(syntax, diagnostics);

        var name = headers.GetValueOrDefault(HeaderKind.Model) is { Value: { } nameToken } ? BindName(nameToken, "model", diagnostics) : options.DefaultName;
        var dataset = headers.GetValueOrDefault(HeaderKind.Dataset) is { Value: { } datasetToken } ? BindName(datasetToken, "dataset", diagnostics) : null;
        var input = headers.GetValueOrDefault(HeaderKind.Input) is { Value: { } inputToken } ? BindInput(inputToken, diagnostics) : null;
        var classes = headers.GetValueOrDefault(HeaderKind.Classes) is { Value: { } classesToken } ? BindClasses(classesToken, diagnostics) : null;
        var datasetErrors = diagnostics.Count;
        var classesFromFile = classes;
        (input, classes, var datasetUnchecked) = ApplyDataset(headers, dataset, input, classes, options, diagnostics);
        var classesFromDataset = classes is not null && classesFromFile is null;
        input ??= headers.ContainsKey(HeaderKind.Input) ? null : options.DefaultInput;
        classes ??= headers.ContainsKey(HeaderKind.Classes) ? null : options.DefaultClasses;

        // An unknown dataset already explains why the shapes are missing, and so does a line dropped for an unexpected
        // character, which may be the input or classes line itself.
        if (diagnostics.Count == datasetErrors && datasetUnchecked)
        {
            ReportUncheckedDataset(headers, dataset!, input, classes, options.DatasetCheckUnavailable!, options.KnownDatasets, diagnostics);
        }
        else if (diagnostics.Count == datasetErrors && !syntax.Diagnostics.Any(diagnostic => diagnostic.Code == DiagnosticCodes.UnexpectedCharacter))
        {
            ReportMissingHeader(syntax, headers, input, classes, options, diagnostics);
        }

        var diagnosticsBeforeLayers = diagnostics.Count;
        var layers = ImmutableArray.CreateBuilder<Layer>();
        var layerSyntax = ImmutableArray.CreateBuilder<LayerSyntax>();
        foreach (var statement in syntax.Layers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bound = layerCache is null ? LayerBinder.Bind(statement, diagnostics) : layerCache.Bind(statement, syntax.Text, diagnostics);
            if (bound is { } layer)
            {
                layers.Add(layer);
                layerSyntax.Add(statement);
            }
        }

        var layersHaveErrors = diagnostics.Count > diagnosticsBeforeLayers;
        var blocks = syntax.TrainingBlocks.ToList();
        foreach (var extra in blocks.Skip(1))
        {
            diagnostics.Error(DiagnosticCodes.DuplicateTrainingBlock, extra.Keyword.Span, "a second training block: merge its settings into the first one");
        }

        var training = TrainingBinder.Bind(blocks.FirstOrDefault(), diagnostics);

        ShapeReport? shapes = null;
        Architecture? architecture = null;
        if (input is not null && classes is { } classCount)
        {
            var classesSource = classesFromFile is not null ? $"the classes line says {classCount}"
                : classesFromDataset ? $"dataset '{dataset}' has {classCount} classes"
                : $"the default class count{SettingNote(options.DefaultClassesSetting)} is {classCount}";
            shapes = ShapeInference.Infer(input, classCount, layers, classesSource);
            var isIncomplete = syntax.HasErrors || layersHaveErrors;
            ShapeDiagnostics.Report(shapes, layerSyntax, syntax, isIncomplete, diagnostics);
            architecture = new Architecture(name ?? options.DefaultName, input, classCount, layers.ToImmutable(), dataset, training);
        }

        return new Compilation(syntax, diagnostics.ToSortedArray(), architecture, shapes, layerSyntax.ToImmutable(), classes);
    }

    private static Dictionary<HeaderKind, HeaderSyntax> FindHeaders(SyntaxTree syntax, DiagnosticBag diagnostics)
    {
        var headers = new Dictionary<HeaderKind, HeaderSyntax>();
        foreach (var header in syntax.Headers)
        {
            if (!headers.TryAdd(header.Kind, header))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateHeader, header.Span,
                    $"'{header.Keyword.Text}' is written twice (first on line {headers[header.Kind].Line}): keep one");
            }
        }

        return headers;
    }

    private static string? BindName(SyntaxToken token, string headerKeyword, DiagnosticBag diagnostics)
    {
        var valid = token.Text.Length <= 100 && token.Text.EnumerateRunes().All(rune =>
            Rune.IsLetterOrDigit(rune) || rune.Value is '_' or '-' or '.'
            || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark);
        if (!valid)
        {
            diagnostics.Error(DiagnosticCodes.InvalidName, token.Span,
                $"{headerKeyword} name '{token.Text}' is not valid: use at most 100 letters, digits, '_', '-' and '.'");
            return null;
        }

        return token.Text;
    }

    private static TensorShape? BindInput(SyntaxToken token, DiagnosticBag diagnostics)
    {
        var parts = token.Kind is TokenKind.Integer or TokenKind.Shape ? token.Text.Split('x') : [];
        var dimensions = parts.Select(part => int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : -1).ToArray();
        var valid = dimensions.Length is 1 or 3 && dimensions.All(dimension => dimension is >= 1 and <= MaximumDimension);
        if (!valid)
        {
            diagnostics.Error(DiagnosticCodes.InvalidInputShape, token.Span,
                $"input '{token.Text}' is not a valid shape: write CHANNELSxHEIGHTxWIDTH such as 1x28x28, or one number of features such as 784, each from 1 to {MaximumDimension}");
            return null;
        }

        return TensorShape.FromDimensions(dimensions);
    }

    private static int? BindClasses(SyntaxToken token, DiagnosticBag diagnostics)
    {
        if (token.Kind != TokenKind.Integer || !int.TryParse(token.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < 2 || value > MaximumClasses)
        {
            diagnostics.Error(DiagnosticCodes.InvalidClassCount, token.Span, $"classes '{token.Text}' is not valid: use a whole number from 2 to {MaximumClasses}");
            return null;
        }

        return value;
    }

    private static string UnknownDatasetMessage(string dataset, IReadOnlyCollection<string>? knownDatasets)
    {
        if (knownDatasets is null || knownDatasets.Count == 0)
        {
            return $"unknown dataset '{dataset}': use the name of a dataset registered on the server";
        }

        var registered = string.Join(", ", knownDatasets);
        return Suggestions.Closest(dataset, knownDatasets) is { } closest
            ? $"unknown dataset '{dataset}'; did you mean '{closest}'? The registered datasets are {registered}"
            : $"unknown dataset '{dataset}': use one of the registered datasets, {registered}";
    }

    private static (TensorShape? Input, int? Classes, bool Unchecked) ApplyDataset(
        Dictionary<HeaderKind, HeaderSyntax> headers, string? dataset, TensorShape? input, int? classes, CompileOptions options, DiagnosticBag diagnostics)
    {
        if (dataset is null || (options.ResolveDataset is null && options.DatasetCheckUnavailable is null))
        {
            return (input, classes, false);
        }

        var datasetHeader = headers[HeaderKind.Dataset];
        if (options.ResolveDataset?.Invoke(dataset) is not { } shape)
        {
            if (options.DatasetCheckUnavailable is not null)
            {
                return (input, classes, true);
            }

            diagnostics.Error(DiagnosticCodes.UnknownDataset, datasetHeader.Value!.Span, UnknownDatasetMessage(dataset, options.KnownDatasets));
            return (input, classes, false);
        }

        if (input is not null && !input.Equals(shape.Input))
        {
            diagnostics.Error(DiagnosticCodes.InputDisagreesWithDataset, headers[HeaderKind.Input].Value!.Span,
                $"input {input.ToSourceText()} differs from dataset '{dataset}', whose images are {shape.Input.ToSourceText()}: write 'input {shape.Input.ToSourceText()}' or remove the input line");
        }

        if (classes is not null && classes != shape.Classes)
        {
            diagnostics.Error(DiagnosticCodes.ClassesDisagreeWithDataset, headers[HeaderKind.Classes].Value!.Span,
                $"classes {classes} differs from dataset '{dataset}', which has {shape.Classes} classes: write 'classes {shape.Classes}' or remove the classes line");
        }

        return (input ?? (headers.ContainsKey(HeaderKind.Input) ? null : shape.Input), classes ?? (headers.ContainsKey(HeaderKind.Classes) ? null : shape.Classes), false);
    }

    // One error on the dataset line, because the line exists and only its check failed; the code stays RM0112 or RM0113.
    private static void ReportUncheckedDataset(
        Dictionary<HeaderKind, HeaderSyntax> headers, string dataset, TensorShape? input, int? classes, DatasetCheckUnavailable unavailable,
        IReadOnlyCollection<string>? knownDatasets, DiagnosticBag diagnostics)
    {
        var inputMissing = input is null && !headers.ContainsKey(HeaderKind.Input);
        var classesMissing = classes is null && !headers.ContainsKey(HeaderKind.Classes);
        if (!inputMissing && !classesMissing)
        {
            return;
        }

        var unknown = (inputMissing, classesMissing) switch
        {
            (true, true) => "its input shape and class count are",
            (true, false) => "its input shape is",
            _ => "its class count is",
        };
        // A misspelt name of a dataset known without the check, such as a built-in one, is the likelier cause.
        var closest = knownDatasets is null ? null : Suggestions.Closest(dataset, knownDatasets);
        var fix = closest is null ? unavailable.Fix : $"did you mean '{closest}'? Otherwise {unavailable.Fix}";
        diagnostics.Error(inputMissing ? DiagnosticCodes.MissingInput : DiagnosticCodes.MissingClasses, headers[HeaderKind.Dataset].Value!.Span,
            $"dataset '{dataset}' could not be checked because {unavailable.Reason}, so {unknown} unknown: {fix}");
    }

    private static string SettingNote(string? setting) => setting is null ? "" : $" (setting {setting})";

    private static void ReportMissingHeader(
        SyntaxTree syntax, Dictionary<HeaderKind, HeaderSyntax> headers, TensorShape? input, int? classes, CompileOptions options, DiagnosticBag diagnostics)
    {
        var at = syntax.Statements.FirstOrDefault(statement => statement is not CommentLineSyntax)?.Span ?? new TextSpan(0, 0);
        at = new TextSpan(at.Start, 0);
        if (input is null && !headers.ContainsKey(HeaderKind.Input))
        {
            diagnostics.Error(DiagnosticCodes.MissingInput, at, "the input shape is missing: add a line such as 'input 1x28x28', or a 'dataset' line naming a registered dataset"
                + (options.DefaultInputSetting is { } setting ? $", or set {setting}" : ""));
        }

        if (classes is null && !headers.ContainsKey(HeaderKind.Classes))
        {
            diagnostics.Error(DiagnosticCodes.MissingClasses, at, "the class count is missing: add a line such as 'classes 10', or a 'dataset' line naming a registered dataset"
                + (options.DefaultClassesSetting is { } setting ? $", or set {setting}" : ""));
        }
    }
}
