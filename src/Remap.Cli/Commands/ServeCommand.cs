using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Remap.Api;

namespace Remap.Cli.Commands;

/// <summary><c>remap serve</c>: runs the Remap server (HTTP API and training worker) in the foreground.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Address to listen on (default http://127.0.0.1:5178). Any non-loopback address needs --api-key." };
        var database = new Option<string?>("--database") { Description = "Path of the SQLite database file (default: the user's data folder, remap/remap.db)." };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "Require `Authorization: Bearer KEY` on every API request; $REMAP_API_KEY sets the default and, unlike this option, is not visible in the process list.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REMAP_API_KEY"),
        };
        var datasets = new Option<string[]>("--dataset")
        {
            Description = "Register a folder of IDX files as a dataset: NAME=DIRECTORY. Repeat for more.",
            AllowMultipleArgumentsPerToken = false,
        };
        var noWorker = new Option<bool>("--no-worker") { Description = "Only serve the API and queue jobs; another process trains them." };
        var threads = new Option<int?>("--torch-threads") { Description = "CPU threads LibTorch uses for training (default: the processors divided among the concurrent jobs)." };

        var command = new Command(
            "serve",
            "Run the Remap server: the HTTP API under /api/v1, Swagger UI at /swagger, and a training worker. " +
            "Other server settings pass through as --Key=value, for example --Remap:WorkerConcurrency=2.")
        {
            urls, database, apiKey, datasets, noWorker, threads,
        };

        // Settings without an option of their own (Remap:WorkerConcurrency, Logging:…) go to the server's configuration.
        command.TreatUnmatchedTokensAsErrors = false;

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new List<string>();
            AddSetting(settings, "urls", parseResult.GetValue(urls));
            AddSetting(settings, "Remap:DatabasePath", parseResult.GetValue(database));
            AddSetting(settings, "Remap:ApiKey", parseResult.GetValue(apiKey));
            AddSetting(settings, "Remap:TorchThreads", parseResult.GetValue(threads)?.ToString());
            if (parseResult.GetValue(noWorker))
            {
                AddSetting(settings, "Remap:WorkerEnabled", "false");
            }

            foreach (var dataset in parseResult.GetValue(datasets) ?? [])
            {
                var separator = dataset.IndexOf('=');
                if (separator <= 0 || separator == dataset.Length - 1)
                {
                    Console.Error.WriteLine($"error: invalid --dataset '{dataset}': expected NAME=DIRECTORY, for example --dataset fashion-mnist=/usr/share/datasets/fashion-mnist");
                    return 2;
                }

                AddSetting(settings, $"Remap:Datasets:{dataset[..separator]}", dataset[(separator + 1)..]);
            }

            foreach (var token in parseResult.UnmatchedTokens)
            {
                if (!token.StartsWith("--", StringComparison.Ordinal) || !token.Contains('=', StringComparison.Ordinal))
                {
                    Console.Error.WriteLine($"error: unrecognized argument '{token}': server settings are passed as --Key=value, for example --Remap:WorkerConcurrency=2.");
                    return 2;
                }

                settings.Add(token);
            }

            try
            {
                await using var app = RemapServer.Build([.. settings]);
                await app.StartAsync(cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
                return 0;
            }
            catch (InvalidOperationException exception)
            {
                // Start-up checks (an exposed address without an API key, a failed native load) throw with the fix in the message.
                Console.Error.WriteLine($"error: {exception.Message}");
                return 1;
            }
        });
        return command;
    }

    private static void AddSetting(List<string> settings, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            settings.Add($"--{key}={value}");
        }
    }
}
