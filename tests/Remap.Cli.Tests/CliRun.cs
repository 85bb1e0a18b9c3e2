using Remap.Cli.Commands;
using Remap.Cli.Output;
using Spectre.Console;

namespace Remap.Cli.Tests;

/// <summary>The exit code and the text of one <c>remap</c> invocation, standard output and standard error apart.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string AllText => Output + Error;
}

/// <summary>Runs the real command line in this process and captures what it prints.</summary>
internal static class CliRun
{
    // The commands print through shared consoles, so tests that capture them must not overlap.
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    public static async Task<CliResult> InvokeAsync(params string[] args)
    {
        await ConsoleLock.WaitAsync();
        var originalError = Console.Error;
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            Terminal.Output = CreateConsole(output);
            Terminal.Error = CreateConsole(error);

            // System.CommandLine's own parse errors and `serve` write to Console.Error directly.
            Console.SetError(error);
            var exitCode = await RemapCommandLine.InvokeAsync(args);
            return new CliResult(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetError(originalError);
            Terminal.Reset();
            ConsoleLock.Release();
        }
    }

    /// <summary>A console without colours or progress bars, 240 columns wide, writing to <paramref name="writer"/>.</summary>
    public static IAnsiConsole CreateConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        return console;
    }
}
