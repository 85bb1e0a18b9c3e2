using Microsoft.Extensions.Logging.Abstractions;
using Remap.Core.Model;
using static Remap.Training.Tests.Layers;
using static Remap.Training.Tests.TrainerTests;

namespace Remap.Training.Tests;

/// <summary>
/// The time budget on a clock that moves one second per trained batch, so every epoch of 10 batches
/// takes 10 s whatever the machine's load.
/// </summary>
public sealed class TimeBudgetTests
{
    private static readonly Architecture Mlp = Network("mlp", TensorShape.Image(1, 28, 28), 10, Flatten, Dense(32), Relu, Dense(10));

    // 320 training samples in batches of 32 give 10 batches per epoch.
    private static readonly TrainingSettings Settings = new(3, 32, OptimizerKind.Adam, 0.003, 0, 7);

    [Fact]
    public void TimeBudget_StopsBeforeUnfittingEpoch()
    {
        var (trainer, progress, _) = BatchClockTrainer();
        using var data = SmallDataset(320, 50, 50);

        // After two epochs 20 s are used, and a third of 10 s would end at 30 s, past the 25 s budget.
        var result = trainer.Train(new TrainingRequest(Mlp, data, Settings) { TimeBudget = TimeSpan.FromSeconds(25), Progress = progress }, CancellationToken.None);

        Assert.Equal(TrainingStopReason.TimeBudget, result.StopReason);
        Assert.Equal(2, result.Epochs.Count);
    }

    [Fact]
    public void TimeBudget_SkipsBatchesOfUnfittingEpoch()
    {
        var (trainer, progress, reports) = BatchClockTrainer();
        using var data = SmallDataset(320, 50, 50);

        trainer.Train(new TrainingRequest(Mlp, data, Settings) { TimeBudget = TimeSpan.FromSeconds(25), Progress = progress }, CancellationToken.None);

        Assert.DoesNotContain(reports, report => report.Epoch == 3);
    }

    [Fact]
    public void TimeBudget_CutEpochNotCounted()
    {
        var (trainer, progress, reports) = BatchClockTrainer();
        using var data = SmallDataset(320, 50, 50);

        // The first epoch has no measured time to judge by, so it starts and the budget cuts it after 6 of its 10 batches.
        var result = trainer.Train(new TrainingRequest(Mlp, data, Settings) { TimeBudget = TimeSpan.FromSeconds(5.5), Progress = progress }, CancellationToken.None);

        Assert.Equal(TrainingStopReason.TimeBudget, result.StopReason);
        Assert.Empty(result.Epochs);
        Assert.DoesNotContain(reports, report => report.CompletedEpoch is not null);
    }

    [Fact]
    public void TimeBudget_FittingEpochsComplete()
    {
        var (trainer, progress, _) = BatchClockTrainer();
        using var data = SmallDataset(320, 50, 50);

        var result = trainer.Train(new TrainingRequest(Mlp, data, Settings) { TimeBudget = TimeSpan.FromSeconds(30), Progress = progress }, CancellationToken.None);

        Assert.Equal(TrainingStopReason.Completed, result.StopReason);
        Assert.Equal(3, result.Epochs.Count);
    }

    private static (Trainer Trainer, IProgress<TrainingProgress> Progress, List<TrainingProgress> Reports) BatchClockTrainer()
    {
        var clock = new BatchClock();
        var reports = new List<TrainingProgress>();
        var progress = new SynchronousProgress(report =>
        {
            reports.Add(report);
            if (report.CompletedEpoch is null)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        });
        var trainer = new Trainer(NullLogger<Trainer>.Instance, new TrainerOptions { Threads = 2, EvaluationBatchSize = 256, TimeProvider = clock });
        return (trainer, progress, reports);
    }

    /// <summary>A clock that moves only when the test advances it. Its timestamps are its ticks.</summary>
    private sealed class BatchClock : TimeProvider
    {
        private DateTimeOffset now = DateTimeOffset.UnixEpoch;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow() => now;

        public override long GetTimestamp() => now.UtcTicks;

        public void Advance(TimeSpan span) => now += span;
    }
}
