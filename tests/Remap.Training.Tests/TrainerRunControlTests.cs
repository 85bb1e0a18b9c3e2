using Microsoft.Extensions.Logging.Abstractions;
using Remap.Core.Exploration;
using Remap.Core.Model;
using Remap.Training.Checkpoints;
using static Remap.Training.Tests.Layers;
using static Remap.Training.Tests.TrainerTests;

namespace Remap.Training.Tests;

/// <summary>Checkpoints, divergence, early stopping, warm start and TensorBoard files.</summary>
public sealed class TrainerRunControlTests : IDisposable
{
    private static readonly Architecture Mlp = Network("mlp", TensorShape.Image(1, 28, 28), 10, Flatten, Dense(32), Relu, Dense(16), Relu, Dense(10));

    private static readonly TrainingSettings Settings = new(3, 32, OptimizerKind.Adam, 0.003, 0, 7);

    private static readonly Trainer Trainer = new(NullLogger<Trainer>.Instance, new TrainerOptions { Threads = 2, EvaluationBatchSize = 256 });

    private readonly string folder = Directory.CreateTempSubdirectory("remap-trainer-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Checkpoint_ResumesAfterLastEpoch()
    {
        using var data = SmallDataset(320, 100, 100);
        var checkpoints = Path.Combine(folder, "checkpoints");
        using var cancellation = new CancellationTokenSource();
        var stopAfterFirstEpoch = new SynchronousProgress(report =>
        {
            if (report.CompletedEpoch is { Epoch: 1 })
            {
                cancellation.Cancel();
            }
        });
        var interrupted = new TrainingRequest(Mlp, data, Settings) { CheckpointDirectory = checkpoints, Progress = stopAfterFirstEpoch };

        Assert.ThrowsAny<OperationCanceledException>(() => Trainer.Train(interrupted, cancellation.Token));
        var saved = TrainingCheckpoint.FindLatest(checkpoints);
        var resumed = Trainer.Train(new TrainingRequest(Mlp, data, Settings) { CheckpointDirectory = checkpoints }, CancellationToken.None);

        Assert.Equal(1, saved?.Epoch);
        Assert.Equal(1, resumed.ResumedFromEpoch);
        Assert.Equal([1, 2, 3], resumed.Epochs.Select(epoch => epoch.Epoch));
        Assert.Equal(saved!.Epochs[0], resumed.Epochs[0]);
    }

    [Fact]
    public void Checkpoint_ResumedRunLearnsLikeUninterrupted()
    {
        using var data = SmallDataset(320, 100, 100);
        var checkpoints = Path.Combine(folder, "checkpoints");
        using var cancellation = new CancellationTokenSource();
        var stopAfterSecondEpoch = new SynchronousProgress(report =>
        {
            if (report.CompletedEpoch is { Epoch: 2 })
            {
                cancellation.Cancel();
            }
        });

        var uninterrupted = Trainer.Train(new TrainingRequest(Mlp, data, Settings), CancellationToken.None);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Trainer.Train(new TrainingRequest(Mlp, data, Settings) { CheckpointDirectory = checkpoints, Progress = stopAfterSecondEpoch }, cancellation.Token));
        var resumed = Trainer.Train(new TrainingRequest(Mlp, data, Settings) { CheckpointDirectory = checkpoints }, CancellationToken.None);

        // The network has no dropout, so the weights, the optimizer state and the batch order restore exactly.
        Assert.Equal(uninterrupted.Epochs[2].TrainLoss, resumed.Epochs[2].TrainLoss, 5);
    }

    [Fact]
    public void HugeLearningRate_ThrowsDiverged()
    {
        using var data = SmallDataset(320, 50, 50);
        // Without activations the layers multiply, so a learning rate of 10 grows the weights geometrically until the loss overflows.
        var deepLinear = Network("deep-linear", TensorShape.Image(1, 28, 28), 10, Flatten, Dense(64), Dense(64), Dense(10));
        var settings = Settings with { Optimizer = OptimizerKind.Sgd, LearningRate = 10, Epochs = 5 };

        var error = Assert.Throws<TrainingDivergedException>(() => Trainer.Train(deepLinear, data, settings, null, CancellationToken.None));

        Assert.InRange(error.Epoch, 1, 5);
        Assert.Equal(error.Epoch - 1, error.FinishedEpochs.Count);
        Assert.Contains("lower the learning rate", error.Message);
    }

    [Fact]
    public void Patience_StopsWhenValidationStalls()
    {
        using var data = SmallDataset(320, 100, 100);
        var frozen = Settings with { LearningRate = 1e-12, Epochs = 6 };

        var result = Trainer.Train(new TrainingRequest(Mlp, data, frozen) { Patience = 2 }, CancellationToken.None);

        Assert.Equal(TrainingStopReason.EarlyStopping, result.StopReason);
        Assert.Equal(3, result.Epochs.Count);
    }

    [Fact]
    public void WarmStart_CopiesSharedLayers()
    {
        using var data = SmallDataset(320, 100, 100);
        var weights = Path.Combine(folder, "parent.dat");
        Trainer.Train(new TrainingRequest(Mlp, data, Settings) { FinalWeightsPath = weights }, CancellationToken.None);

        // Removing the second dense layer and its relu keeps dense(32) and the last dense, whose input grows from 16 to 32.
        var child = Mlp.WithLayers([Flatten, Dense(32), Relu, Dense(10)], "child");
        var kept = ArchitectureDiff.Compare(Mlp, child).Alignment.Where(pair => pair.IsKept)
            .Select(pair => (pair.BeforeIndex!.Value, pair.AfterIndex!.Value)).ToList();
        var result = Trainer.Train(
            new TrainingRequest(child, data, Settings with { Epochs = 1 }) { WarmStart = new WarmStartSource(Mlp, weights, kept) }, CancellationToken.None);

        Assert.True(File.Exists(weights));
        Assert.Equal(1, result.WarmStartedLayers);
    }

    [Fact]
    public void WarmStart_SameArchitectureStartsTrained()
    {
        using var data = SmallDataset(320, 100, 100);
        var weights = Path.Combine(folder, "parent.dat");
        var parent = Trainer.Train(new TrainingRequest(Mlp, data, Settings) { FinalWeightsPath = weights }, CancellationToken.None);
        var kept = Enumerable.Range(0, Mlp.Layers.Length).Select(index => (index, index)).ToList();

        var warm = Trainer.Train(
            new TrainingRequest(Mlp, data, Settings with { Epochs = 1, LearningRate = 1e-12 }) { WarmStart = new WarmStartSource(Mlp, weights, kept) },
            CancellationToken.None);

        Assert.Equal(3, warm.WarmStartedLayers);
        Assert.Equal(parent.ValidationAccuracy, warm.ValidationAccuracy, 6);
    }

    [Fact]
    public void TensorBoard_WritesEventFile()
    {
        using var data = SmallDataset(100, 50, 50);
        var board = Path.Combine(folder, "tensorboard");

        Trainer.Train(new TrainingRequest(Mlp, data, Settings with { Epochs = 2 }) { TensorBoardDirectory = board }, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(board, "events.out.tfevents.*", SearchOption.AllDirectories));
        Assert.True(new FileInfo(file).Length > 0);
    }

    [Fact]
    public void TensorBoard_FileClosedAfterTraining()
    {
        using var data = SmallDataset(100, 50, 50);
        var board = Path.Combine(folder, "tensorboard-closed");

        Trainer.Train(new TrainingRequest(Mlp, data, Settings with { Epochs = 2 }) { TensorBoardDirectory = board }, CancellationToken.None);

        // A long-running worker trains many jobs, so a handle left open per job would pile up.
        var file = Path.GetFullPath(Assert.Single(Directory.GetFiles(board, "events.out.tfevents.*", SearchOption.AllDirectories)));
        var openFiles = Directory.GetFiles("/proc/self/fd").Select(link => new FileInfo(link).LinkTarget).ToList();
        Assert.DoesNotContain(file, openFiles);
        using var exclusive = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.True(exclusive.Length > 0);
    }

    [Fact]
    public void Train_LeavesNoLiveTensorOnItsThread()
    {
        // A handle that escapes the trainer keeps its storage until a finalizer runs: the worker's memory then grows
        // by that storage with every job (the float copy of the training set did, about 36 MiB per job).
        using var data = SmallDataset(320, 100, 100);
        var weights = Path.Combine(folder, "parent.dat");
        var kept = Enumerable.Range(0, Mlp.Layers.Length).Select(index => (index, index)).ToList();
        Trainer.Train(new TrainingRequest(Mlp, data, Settings with { Epochs = 1 }) { FinalWeightsPath = weights }, CancellationToken.None);
        var before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        Trainer.Train(
            new TrainingRequest(Mlp, data, Settings)
            {
                CheckpointDirectory = Path.Combine(folder, "checkpoints"),
                FinalWeightsPath = Path.Combine(folder, "final.dat"),
                TensorBoardDirectory = Path.Combine(folder, "board"),
                WarmStart = new WarmStartSource(Mlp, weights, kept),
            },
            CancellationToken.None);

        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
