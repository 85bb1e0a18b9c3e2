using Remap.Cli.Commands;
using Spectre.Console;

namespace Remap.Cli.Tests;

/// <summary>The exit code and the text of one <c>remap</c> invocation.</summary>
internal sealed record CliResult(int ExitCode, string Output);

/// <summary>Runs the real command line in this process and captures what it prints.</summary>
internal static class CliRun
{
    // The commands print through Spectre's shared console, so tests that capture it must not overlap.
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    public static async Task<CliResult> InvokeAsync(params string[] args)
    {
        await ConsoleLock.WaitAsync();
        var previous = AnsiConsole.Console;
        try
        {
            var writer = new StringWriter();
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(writer),
            });

            var errors = new StringWriter();
            var originalError = Console.Error;
            Console.SetError(errors);
            try
            {
                var exitCode = await RemapCommandLine.Create().Parse(args).InvokeAsync();
                return new CliResult(exitCode, writer.ToString() + errors);
            }
            finally
            {
                Console.SetError(originalError);
            }
        }
        finally
        {
            AnsiConsole.Console = previous;
            ConsoleLock.Release();
        }
    }
}
