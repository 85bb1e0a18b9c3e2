using System.CommandLine;
using System.Text.RegularExpressions;
using Remap.Cli.Output;
using Spectre.Console;

namespace Remap.Cli.Commands;

/// <summary>The <c>remap</c> command and its subcommands.</summary>
public static partial class RemapCommandLine
{
    /// <summary>Exit code of a command line that could not be parsed.</summary>
    public const int UsageError = 2;

    public static RootCommand Create()
    {
        var root = new RootCommand("Remap: train, ablate and compare neural network architectures written as .remap files.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(AblateCommand.Create());
        root.Subcommands.Add(ExplorationCommands.CreateVary());
        root.Subcommands.Add(ExplorationCommands.CreatePopulation());
        root.Subcommands.Add(ExplorationCommands.CreateDiff());
        root.Subcommands.Add(ModelsCommand.Create());
        root.Subcommands.Add(JobsCommand.Create());
        root.Subcommands.Add(CancelCommand.Create());
        root.Subcommands.Add(PriorityCommand.Create());
        root.Subcommands.Add(DatasetsCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs a command line. A parse error prints only the errors and where the help is: the whole help
    /// text in front of them buried the one line that said what was wrong.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args)
    {
        var parseResult = Create().Parse(args);
        if (parseResult.Errors.Count == 0)
        {
            return await parseResult.InvokeAsync();
        }

        foreach (var error in parseResult.Errors)
        {
            ProblemOutput.WriteError(PlainTypeNames(error.Message));
        }

        var command = parseResult.CommandResult.Parent is null ? "remap" : $"remap {parseResult.CommandResult.Command.Name}";
        Terminal.Error.MarkupLine($"  [grey]`{command} --help` lists the options.[/]");
        return UsageError;
    }

    // The parser names the .NET type an argument failed to convert to ("as expected type 'System.Nullable`1[System.Int32]'");
    // a user needs the kind of value instead.
    private static string PlainTypeNames(string message) => ExpectedType().Replace(message, match => match.Groups["type"].Value switch
    {
        "Int32" or "Int64" => "as a whole number",
        "Double" or "Single" or "Decimal" => "as a number",
        "Boolean" => "as true or false",
        _ => match.Value,
    });

    [GeneratedRegex(@"as expected type 'System\.(Nullable`1\[System\.)?(?<type>\w+)\]?'")]
    private static partial Regex ExpectedType();
}
