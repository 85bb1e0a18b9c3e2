using Spectre.Console;

namespace Remap.Cli.Output;

/// <summary>
/// The two consoles the commands write to: results on standard output, errors and diagnostics on
/// standard error, so errors still reach the user when a script pipes the results elsewhere.
/// </summary>
public static class Terminal
{
    // Width used when output goes to a file or a pipe and COLUMNS is not set: wide enough that
    // tables and compiler-style diagnostics stay one line each for tools that read them.
    private const int RedirectedWidth = 240;

    private static IAnsiConsole? output;
    private static IAnsiConsole? error;

    public static IAnsiConsole Output
    {
        get => output ??= Create(Console.Out, Console.IsOutputRedirected);
        set => output = value;
    }

    public static IAnsiConsole Error
    {
        get => error ??= Create(Console.Error, Console.IsErrorRedirected);
        set => error = value;
    }

    /// <summary>Forgets the consoles, so the next use creates them again from the current standard streams.</summary>
    public static void Reset()
    {
        output = null;
        error = null;
    }

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0
                ? columns
                : RedirectedWidth;
        }

        return console;
    }
}
