using System.CommandLine;
using System.Text.Json;
using Remap.Api.Models;
using Remap.Cli.Client;
using Remap.Cli.Demo;
using Remap.Cli.Output;
using Remap.Training;
using Spectre.Console;

namespace Remap.Cli.Commands;

/// <summary><c>remap demo</c>: the whole workflow on the bundled sample, with the server in this process.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var examples = new Option<DirectoryInfo?>("--examples") { Description = "Folder of .remap files to train (default: the repository's examples folder)." };
        var database = new Option<string?>("--database") { Description = "SQLite file to keep the results in (default: a temporary file, deleted at the end)." };
        var epochs = new Option<int?>("--epochs") { Description = "Train every model for this many epochs instead of each file's setting." };
        OptionRanges.Require(epochs, 1, TrainingOverridesValidator.MaxEpochs);
        var summary = new Option<FileInfo?>("--summary") { Description = "Also write the results as JSON to this file." };

        var command = new Command("demo", "Train the example architectures on the bundled Fashion-MNIST sample, ablate the best one and print the results.")
        {
            examples, database, epochs, summary,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = Terminal.Output;
            var folder = parseResult.GetValue(examples) ?? FindExamplesFolder();
            if (folder is null || !folder.Exists)
            {
                ProblemOutput.WriteError("examples folder not found; run the demo from the repository or pass --examples DIRECTORY.");
                return 2;
            }

            var files = folder.GetFiles("*.remap").OrderBy(file => file.Name, StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                ProblemOutput.WriteError($"no .remap files in {folder.FullName}.");
                return 2;
            }

            // Without LibTorch the worker cannot train and the demo would wait for ever: fail now, with the fix.
            try
            {
                TorchRuntime.EnsureLoaded();
            }
            catch (TorchRuntimeException exception)
            {
                ProblemOutput.WriteError(exception.Message);
                return 1;
            }

            try
            {
                await using var server = await DemoServer.StartAsync(parseResult.GetValue(database), cancellationToken);
                using var client = new RemapApiClient(server.Address, apiKey: null);
                var result = await new DemoRunner(console, client).RunAsync(files, parseResult.GetValue(epochs), cancellationToken);

                if (parseResult.GetValue(summary) is { } summaryFile)
                {
                    await File.WriteAllTextAsync(summaryFile.FullName, JsonSerializer.Serialize(result, DemoSummary.JsonOptions), cancellationToken);
                }

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

    /// <summary>Finds examples/ beside Remap.sln, looking up from the working folder and then from the program's folder.</summary>
    private static DirectoryInfo? FindExamplesFolder()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Remap.sln")))
                {
                    return new DirectoryInfo(Path.Combine(folder.FullName, "examples"));
                }
            }
        }

        return null;
    }
}
