using Remap.Core.Diagnostics;
using Remap.Core.Language;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Protocol;
using CoreDiagnostic = Remap.Core.Diagnostics.Diagnostic;
using CoreSeverity = Remap.Core.Diagnostics.DiagnosticSeverity;
using Diagnostic = Remap.LanguageServer.Protocol.Diagnostic;
using DiagnosticSeverity = Remap.LanguageServer.Protocol.DiagnosticSeverity;

namespace Remap.LanguageServer.Features;

/// <summary>Turns Remap.Core's diagnostics into LSP diagnostics on the same UTF-16 spans.</summary>
internal static class DiagnosticConverter
{
    public const string Source = "remap";

    public static Diagnostic[] Convert(Compilation compilation, DocumentSnapshot snapshot) =>
        [.. compilation.Diagnostics.Select(diagnostic => Convert(diagnostic, snapshot))];

    public static Diagnostic Convert(CoreDiagnostic diagnostic, DocumentSnapshot snapshot)
    {
        var severity = diagnostic.Severity switch
        {
            CoreSeverity.Error => DiagnosticSeverity.Error,
            CoreSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Information,
        };
        var range = snapshot.GetRange(new TextSpan(diagnostic.Start, diagnostic.Length));

        // Editors fade a layer that does nothing, as they fade unused code.
        var unnecessary = diagnostic.Code is DiagnosticCodes.RedundantFlatten or DiagnosticCodes.RepeatedActivation;
        return new Diagnostic(range, severity, diagnostic.Code, Source, diagnostic.Message) { Tags = unnecessary ? [DiagnosticTag.Unnecessary] : null };
    }
}
