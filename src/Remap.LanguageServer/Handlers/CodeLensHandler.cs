using System.Globalization;
using System.Text.Json;
using Remap.Core.Language;
using Remap.Core.Model;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Features;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/codeLens</c>: "Train", "Ablate", "Vary" and "Open in Overview" above the model, running the client
/// commands <c>remap.train</c>, <c>remap.ablate</c>, <c>remap.vary</c> and <c>remap.openOverview</c> with one argument
/// <c>{ "uri", "model" }</c>. With a Remap server configured, one more lens shows whether this architecture is already trained.
/// </summary>
internal sealed class CodeLensHandler(TextDocumentStore documents, DocumentAnalyzer analyzer, RemapServerClient serverClient) : IRequestHandler<CodeLensParams, CodeLens[]>
{
    public static readonly (string Title, string Command)[] Commands =
        [("Train", "remap.train"), ("Ablate", "remap.ablate"), ("Vary", "remap.vary"), ("Open in Overview", "remap.openOverview")];

    public string Method => "textDocument/codeLens";

    public bool MutatesDocumentState => false;

    public async Task<CodeLens[]> HandleAsync(CodeLensParams parameters, CancellationToken cancellationToken)
    {
        await analyzer.Settings.WhenFirstReadAsync(cancellationToken).ConfigureAwait(false);
        if (documents.Find(parameters.TextDocument.Uri) is not { } snapshot)
        {
            return [];
        }

        var compilation = analyzer.Analyze(snapshot, cancellationToken);
        var anchor = compilation.Syntax.Headers.FirstOrDefault(header => header.Kind == HeaderKind.Model)
            ?? compilation.Syntax.Statements.FirstOrDefault(statement => statement is not CommentLineSyntax);
        if (anchor is null)
        {
            return [];
        }

        var line = snapshot.GetPosition(anchor.Span.Start).Line;
        var range = new Range(new Position(line, 0), new Position(line, 0));
        var argument = JsonSerializer.SerializeToElement(new { uri = snapshot.Uri, model = ModelNames.Of(compilation, snapshot.Uri) });
        var lenses = Commands.Select(command => new CodeLens(range, new Command(command.Title, command.Command, [argument]))).ToList();

        var settings = analyzer.Settings.Current;
        if (settings.ServerUrl is { } server && compilation.Architecture is { } architecture)
        {
            var hash = ArchitectureHash.Compute(architecture);
            var model = await serverClient.FindAsync(server, settings.ApiKey, hash, architecture.Dataset, cancellationToken).ConfigureAwait(false);
            if (model is not null)
            {
                // A lens with an empty command is a label: VS Code shows it without a link.
                lenses.Add(new CodeLens(range, new Command(Describe(model), "")));
            }
        }

        return [.. lenses];
    }

    private static string Describe(TrainedModel model)
    {
        var id = model.Id.ToString(CultureInfo.InvariantCulture);
        if (model.Status != "succeeded")
        {
            return $"already {model.Status}: model {id}";
        }

        var accuracy = model.TestAccuracy is { } test
            ? $"test accuracy {Percent(test)}"
            : $"validation accuracy {(model.ValidationAccuracy is { } validation ? Percent(validation) : "unknown")}";
        return $"already trained: {accuracy} · model {id}";
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
