using System.CommandLine;

namespace Remap.Cli.Commands;

/// <summary>The <c>remap</c> command and its subcommands.</summary>
public static class RemapCommandLine
{
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
}
