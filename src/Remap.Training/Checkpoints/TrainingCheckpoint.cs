using System.Globalization;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace Remap.Training.Checkpoints;

/// <summary>The run's bookkeeping at the end of an epoch, stored beside the tensors of a checkpoint.</summary>
public sealed record CheckpointState(
    int Epoch,
    int Seed,
    IReadOnlyList<EpochMetrics> Epochs,
    double BestValidationAccuracy,
    int EpochsWithoutImprovement,
    double ElapsedSeconds);

/// <summary>
/// Saves and finds per-epoch checkpoints in one folder: module weights, optimizer state, the batch
/// order generator's state and <see cref="CheckpointState"/>. Each checkpoint is written to a
/// temporary folder and renamed into place, so a crash mid-write leaves the previous one intact.
/// </summary>
public static class TrainingCheckpoint
{
    private const string WeightsFile = "weights.dat";
    private const string OptimizerFile = "optimizer.dat";
    private const string GeneratorFile = "generator.bin";
    private const string StateFile = "state.json";
    private const string EpochPrefix = "epoch-";

    /// <summary>Writes the checkpoint of <paramref name="state"/>'s epoch and deletes the older ones.</summary>
    public static void Save(string directory, CheckpointState state, nn.Module network, optim.Optimizer optimizer, Generator generator)
    {
        Directory.CreateDirectory(directory);
        var partial = Path.Combine(directory, $".partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(partial);

        network.save(Path.Combine(partial, WeightsFile));
        AsHelper(optimizer).save_state_dict(Path.Combine(partial, OptimizerFile));
        using (var generatorState = generator.get_state())
        {
            File.WriteAllBytes(Path.Combine(partial, GeneratorFile), generatorState.data<byte>().ToArray());
        }

        // The state file goes last: a folder without it is never treated as a checkpoint.
        File.WriteAllText(Path.Combine(partial, StateFile), JsonSerializer.Serialize(state));

        var target = Path.Combine(directory, EpochPrefix + state.Epoch.ToString("D6", CultureInfo.InvariantCulture));
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(partial, target);
        foreach (var older in ListCheckpoints(directory).Where(path => path != target))
        {
            Directory.Delete(older, recursive: true);
        }
    }

    /// <summary>Returns the state of the latest complete checkpoint in <paramref name="directory"/>, or null when there is none.</summary>
    public static CheckpointState? FindLatest(string directory) =>
        LatestFolder(directory) is { } folder ? ReadState(folder) : null;

    /// <summary>Loads the latest checkpoint's tensors into the module, the optimizer and the generator and returns its state.</summary>
    public static CheckpointState? LoadLatest(string directory, nn.Module network, optim.Optimizer optimizer, Generator generator)
    {
        if (LatestFolder(directory) is not { } folder)
        {
            return null;
        }

        network.load(Path.Combine(folder, WeightsFile));
        AsHelper(optimizer).load_state_dict(Path.Combine(folder, OptimizerFile));
        using var generatorState = torch.tensor(File.ReadAllBytes(Path.Combine(folder, GeneratorFile)), dtype: ScalarType.Byte);
        generator.set_state(generatorState);
        return ReadState(folder);
    }

    /// <summary>Deletes every checkpoint in the folder, because the run they belong to has finished.</summary>
    public static void Delete(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string? LatestFolder(string directory) =>
        ListCheckpoints(directory).Where(folder => File.Exists(Path.Combine(folder, StateFile))).OrderDescending(StringComparer.Ordinal).FirstOrDefault();

    private static IEnumerable<string> ListCheckpoints(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateDirectories(directory, EpochPrefix + "*") : [];

    private static CheckpointState ReadState(string folder) =>
        JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(Path.Combine(folder, StateFile)))
            ?? throw new InvalidDataException($"Checkpoint {folder} has an empty {StateFile}; delete the folder to train from the first epoch.");

    // Every optimizer TorchSharp creates (SGD, Adam, AdamW) derives from OptimizerHelper, which owns the state file methods.
    private static TorchSharp.Modules.OptimizerHelper AsHelper(optim.Optimizer optimizer) =>
        optimizer as TorchSharp.Modules.OptimizerHelper
            ?? throw new NotSupportedException($"Optimizer {optimizer.GetType().Name} cannot save its state; use sgd, adam or adamw.");
}
