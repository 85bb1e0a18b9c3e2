using System.CommandLine;
using System.Globalization;
using Remap.Cli.Client;
using Remap.Cli.Output;
using Spectre.Console;

namespace Remap.Cli.Commands;

/// <summary><c>remap models</c>: lists the server's models, best validation accuracy first.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var server = new ServerOptions();
        var architectureHash = new Option<string?>("--architecture-hash") { Description = "Show only the models of this architecture hash." };
        var dataset = new Option<string?>("--dataset") { Description = "Show only the models trained on this dataset." };

        var command = new Command("models", "List the models of a running Remap server, best mean validation accuracy first (± the standard deviation between seeds for models trained with several runs).") { architectureHash, dataset };
        server.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = server.CreateClient(parseResult);
            try
            {
                var models = await client.ListModelsAsync(parseResult.GetValue(architectureHash), parseResult.GetValue(dataset), cancellationToken);
                var table = new Table().AddColumns("Model", "Name", "Dataset", "Parameters", "Runs", "Validation", "Status", "Parent", "Architecture hash");
                foreach (var model in models)
                {
                    table.AddRow(
                        model.Id.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(model.Name),
                        Markup.Escape(model.Dataset),
                        model.ParameterCount.ToString("N0", CultureInfo.InvariantCulture),
                        ModelOutput.Runs(model.RunCount),
                        ModelOutput.MeanAccuracy(model.ValidationAccuracy, model.ValidationAccuracyStd),
                        Markup.Escape(model.Status),
                        model.ParentId?.ToString(CultureInfo.InvariantCulture) ?? "",
                        model.ArchitectureHash[..12]);
                }

                var console = Terminal.Output;
                console.Write(table);
                console.MarkupLine(models.Count == 1 ? "1 model." : $"{models.Count} models.");
                return 0;
            }
            catch (RemapApiException exception)
            {
                ProblemOutput.Write(exception);
                return 1;
            }
        });
        return command;
    }
}
