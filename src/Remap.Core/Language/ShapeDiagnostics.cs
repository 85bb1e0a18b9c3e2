using System.Collections.Immutable;
using Remap.Core.Diagnostics;
using Remap.Core.Shapes;

namespace Remap.Core.Language;

/// <summary>Turns shape problems into diagnostics on the span of the offending layer line.</summary>
internal static class ShapeDiagnostics
{
    public static void Report(ShapeReport report, IReadOnlyList<LayerSyntax> layers, SyntaxTree syntax, DiagnosticBag diagnostics)
    {
        foreach (var problem in report.Problems)
        {
            diagnostics.Error(problem.Code, SpanOf(problem, layers, syntax), problem.Message);
        }

        foreach (var warning in report.Warnings)
        {
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
