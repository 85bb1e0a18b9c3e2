using System.Globalization;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Features;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/diagnostic</c>, for clients that pull diagnostics. The result id is the document version and the settings
/// generation, so the report for an unchanged document is <c>unchanged</c>.
/// </summary>
internal sealed class DocumentDiagnosticHandler(TextDocumentStore documents, DocumentAnalyzer analyzer) : IRequestHandler<DocumentDiagnosticParams, DocumentDiagnosticReport>
{
    public string Method => "textDocument/diagnostic";

    public bool MutatesDocumentState => false;

    public async Task<DocumentDiagnosticReport> HandleAsync(DocumentDiagnosticParams parameters, CancellationToken cancellationToken)
    {
        await analyzer.Settings.WhenFirstReadAsync(cancellationToken).ConfigureAwait(false);
        if (documents.Find(parameters.TextDocument.Uri) is not { } snapshot)
        {
            return new DocumentDiagnosticReport(DocumentDiagnosticReportKind.Full, null, []);
        }

        var resultId = string.Create(CultureInfo.InvariantCulture, $"{snapshot.Version}.{analyzer.Settings.Generation}.{snapshot.Text.GetHashCode()}");
        if (parameters.PreviousResultId == resultId)
        {
            return new DocumentDiagnosticReport(DocumentDiagnosticReportKind.Unchanged, resultId, null);
        }

        var compilation = analyzer.Analyze(snapshot, cancellationToken);
        return new DocumentDiagnosticReport(DocumentDiagnosticReportKind.Full, resultId, DiagnosticConverter.Convert(compilation, snapshot));
    }
}
