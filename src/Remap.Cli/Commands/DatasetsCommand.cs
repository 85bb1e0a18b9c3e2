using System.CommandLine;
using System.Globalization;
using Remap.Cli.Client;
using Remap.Cli.Output;
using Spectre.Console;

namespace Remap.Cli.Commands;

/// <summary><c>remap datasets</c>: lists the datasets registered on the server.</summary>
internal static class DatasetsCommand
{
    public static Command Create()
    {
        var server = new ServerOptions();
        var command = new Command("datasets", "List the datasets a running Remap server can train on, with their input shape and classes.");
        server.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = server.CreateClient(parseResult);
            try
            {
                var datasets = await client.ListDatasetsAsync(cancellationToken);
                var table = new Table().AddColumns("Name", "Input", "Classes", "Training images", "Test images", "Description");
                foreach (var dataset in datasets)
                {
                    table.AddRow(
                        Markup.Escape(dataset.Name),
                        Markup.Escape(dataset.Input),
                        dataset.Classes.ToString(CultureInfo.InvariantCulture),
                        dataset.TrainCount.ToString("N0", CultureInfo.InvariantCulture),
                        dataset.TestCount.ToString("N0", CultureInfo.InvariantCulture),
                        Markup.Escape(dataset.Description));
                }

                Terminal.Output.Write(table);
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
