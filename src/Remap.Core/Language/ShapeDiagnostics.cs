using Remap.Core.Diagnostics;
using Remap.Core.Shapes;

namespace Remap.Core.Language;

/// <summary>Turns shape problems into diagnostics on the span of the offending layer line.</summary>
internal static class ShapeDiagnostics
{
    /// <summary>
    /// Reports the problems of a report. When some layer lines were not bound (a syntax error or an unknown keyword),
    /// the checks of the network as a whole are left out: they would describe a network the author did not write.
    /// </summary>
    public static void Report(ShapeReport report, IReadOnlyList<LayerSyntax> layers, SyntaxTree syntax, bool isIncomplete, DiagnosticBag diagnostics)
    {
        foreach (var problem in report.Problems)
        {
            if (isIncomplete && problem.Code is DiagnosticCodes.NoLayers or DiagnosticCodes.FinalLayerNotDense or DiagnosticCodes.UnitsDisagreeWithClasses)
            {
                continue;
            }

            diagnostics.Error(problem.Code, SpanOf(problem, layers, syntax), problem.Message);
        }

        foreach (var warning in report.Warnings)
        {
            // A parameter count from substituted defaults would warn about a network the author did not write.
            if (isIncomplete && warning.Code == DiagnosticCodes.WeightsTooLarge)
            {
                continue;
            }

            diagnostics.Warning(warning.Code, SpanOf(warning, layers, syntax), warning.Message);
        }
    }

    private static TextSpan SpanOf(ShapeProblem problem, IReadOnlyList<LayerSyntax> layers, SyntaxTree syntax)
    {
        if (problem.LayerIndex >= 0 && problem.LayerIndex < layers.Count)
        {
            return layers[problem.LayerIndex].Span;
        }

        // A problem of the whole network goes on the model line, or on the first statement.
        var anchor = syntax.Headers.FirstOrDefault(header => header.Kind == HeaderKind.Model)
            ?? syntax.Statements.FirstOrDefault(statement => statement is not CommentLineSyntax);
        return anchor?.Span ?? new TextSpan(0, 0);
    }
}
