using Microsoft.Extensions.Logging.Abstractions;
using Remap.Core.Model;
using Remap.Training.Data;
using static Remap.Training.Tests.Layers;

namespace Remap.Training.Tests;

public sealed class TrainerTests
{
    private static readonly Architecture Mlp = Network("mlp", TensorShape.Image(1, 28, 28), 10, Flatten, Dense(32), Relu, Dense(10));

    private static readonly TrainingSettings FastSettings = new(3, 32, OptimizerKind.Adam, 0.003, 0, 7);

    private static readonly Trainer Trainer = new(NullLogger<Trainer>.Instance, new TrainerOptions { Threads = 2, EvaluationBatchSize = 256 });

    [Fact]
    public void Train_LossFallsOnSmallSet()
    {
        using var data = SmallDataset(480, 200, 300);

        var result = Trainer.Train(Mlp, data, FastSettings, null, CancellationToken.None);

        Assert.True(result.Epochs[^1].TrainLoss < result.Epochs[0].TrainLoss * 0.8,
            $"loss went from {result.Epochs[0].TrainLoss} to {result.Epochs[^1].TrainLoss}");
    }

    [Fact]
    public void Train_BeatsChanceOnTestSet()
    {
        using var data = SmallDataset(480, 200, 300);

        var result = Trainer.Train(Mlp, data, FastSettings, null, CancellationToken.None);

        Assert.True(result.TestAccuracy > 0.4, $"test accuracy {result.TestAccuracy}");
    }

    [Fact]
    public void Train_SameSeedSameLosses()
    {
        using var data = SmallDataset(320, 100, 100);

        var first = Trainer.Train(Mlp, data, FastSettings with { Epochs = 2 }, null, CancellationToken.None);
        var second = Trainer.Train(Mlp, data, FastSettings with { Epochs = 2 }, null, CancellationToken.None);

        Assert.Equal(first.Epochs.Select(epoch => epoch.TrainLoss), second.Epochs.Select(epoch => epoch.TrainLoss));
        Assert.Equal(first.TestCorrect, second.TestCorrect);
    }

    [Fact]
    public void Train_ResultHasConsistentShapes()
    {
        using var data = SmallDataset(320, 100, 150);

        var result = Trainer.Train(Mlp, data, FastSettings with { Epochs = 1 }, null, CancellationToken.None);

        Assert.Equal((784 * 32) + 32 + (32 * 10) + 10, result.ParameterCount);
        Assert.Equal(10, result.ConfusionMatrix.Count);
        Assert.Equal(150, result.ConfusionMatrix.Sum(row => row.Sum()));
        Assert.Equal(10, result.PerClassTestAccuracy.Count);
        Assert.Equal(13, result.ValidationCorrect.Length);
        Assert.Equal(19, result.TestCorrect.Length);
        Assert.Equal(result.TestAccuracy, CountBits(result.TestCorrect) / 150.0, 9);
        Assert.Equal(result.ValidationAccuracy, result.Epochs[^1].ValidationAccuracy);
        Assert.Equal(7, result.Seed);
    }

    [Fact]
    public void Train_ReportsEveryBatchAndEpoch()
    {
        using var data = SmallDataset(100, 50, 50);
        var reports = new List<TrainingProgress>();

        Trainer.Train(Mlp, data, FastSettings with { Epochs = 2, BatchSize = 32 }, new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.Equal(2 * (4 + 1), reports.Count);
        Assert.Equal(2, reports.Count(report => report.CompletedEpoch is not null));
        Assert.Equal(new TrainingProgress(1, 2, 4, 4, null), reports[3]);
    }

    [Fact]
    public void Train_CancellationStopsAtBatchBoundary()
    {
        using var data = SmallDataset(320, 50, 50);
        using var cancellation = new CancellationTokenSource();
        var batches = new List<int>();
        var progress = new SynchronousProgress(report =>
        {
            batches.Add(report.Batch);
            if (report.Batch == 3)
            {
                cancellation.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => Trainer.Train(Mlp, data, FastSettings, progress, cancellation.Token));

        Assert.Equal([1, 2, 3], batches);
    }

    [Fact]
    public void Train_ClassCountMismatchThrows()
    {
        using var data = SmallDataset(64, 10, 10);
        var architecture = Network("three-classes", TensorShape.Image(1, 28, 28), 3, Flatten, Dense(3));

        var error = Assert.Throws<ArgumentException>(() => Trainer.Train(architecture, data, FastSettings, null, CancellationToken.None));

        Assert.Contains("set `classes 10`", error.Message);
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.AdamW)]
    public void Train_OtherOptimizersLowerLoss(OptimizerKind optimizer)
    {
        using var data = SmallDataset(320, 50, 50);
        var settings = FastSettings with { Optimizer = optimizer, LearningRate = optimizer == OptimizerKind.Sgd ? 0.05 : 0.003, WeightDecay = 0.01 };

        var result = Trainer.Train(Mlp, data, settings, null, CancellationToken.None);

        Assert.True(result.Epochs[^1].TrainLoss < result.Epochs[0].TrainLoss, $"loss went from {result.Epochs[0].TrainLoss} to {result.Epochs[^1].TrainLoss}");
    }

    [Fact]
    public void Train_SmallCnnWithEveryImageLayerRuns()
    {
        using var data = SmallDataset(64, 32, 32);
        var architecture = Network("cnn", TensorShape.Image(1, 28, 28), 10,
            Conv(8, 3, padding: 1), BatchNorm, LeakyRelu(0.1), MaxPool(2), Conv(8, 3), Gelu, AvgPool(2), Dropout(0.2), GlobalAvgPool, Dense(10));

        var result = Trainer.Train(architecture, data, FastSettings with { Epochs = 1 }, null, CancellationToken.None);

        Assert.Single(result.Epochs);
        Assert.InRange(result.TestAccuracy, 0, 1);
    }

    /// <summary>The first images of each split of the sample, so tests train in about a second.</summary>
    internal static TrainingDataset SmallDataset(int train, int validation, int test)
    {
        var sample = SampleData.Load();
        static long[] First(int count) => [.. Enumerable.Range(0, count).Select(index => (long)index)];
        var info = sample.Info with { Name = "sample-subset", TrainCount = train, TestCount = test };
        return new TrainingDataset(info, sample.Train.Select(First(train)), sample.Validation.Select(First(validation)), sample.Test.Select(First(test)));
    }

    private static int CountBits(byte[] bits) => bits.Sum(value => System.Numerics.BitOperations.PopCount(value));

    internal sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
