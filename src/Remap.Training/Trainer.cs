using Microsoft.Extensions.Logging;
using Remap.Core.Model;
using Remap.Training.Checkpoints;
using Remap.Training.Data;
using Remap.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Remap.Training;

/// <summary>Trains a network built from an Architecture on a dataset and evaluates it on the validation and test sets.</summary>
public sealed partial class Trainer(ILogger<Trainer> logger, TrainerOptions options)
{
    private static readonly Lock SeedLock = new();

    public Trainer(ILogger<Trainer> logger)
        : this(logger, new TrainerOptions())
    {
    }

    /// <summary>Trains every epoch with no checkpoints, warm start or stopping rule.</summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested; checked at every batch boundary.</exception>
    /// <exception cref="ArgumentException">The architecture's input or class count does not match the dataset.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public TrainingResult Train(Architecture architecture, TrainingDataset data, TrainingSettings settings,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken) =>
        Train(new TrainingRequest(architecture, data, settings) { Progress = progress }, cancellationToken);

    /// <summary>Trains the request's network, resuming from its checkpoint folder when that contains a checkpoint.</summary>
    /// <exception cref="OperationCanceledException">Cancellation was requested; checked at every batch boundary.</exception>
    /// <exception cref="ArgumentException">The architecture's input or class count does not match the dataset.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public TrainingResult Train(TrainingRequest request, CancellationToken cancellationToken)
    {
        var (architecture, data, settings) = (request.Architecture, request.Data, request.Settings);
        CheckCompatible(architecture, data);
        TorchRuntime.EnsureLoaded();
        // NOTE: the thread count and the generator that dropout draws from are process-wide in LibTorch,
        // so two runs at once share the threads and, with dropout, are not reproducible.
        torch.set_num_threads(options.Threads);
        var started = options.TimeProvider.GetTimestamp();

        using var network = BuildSeeded(architecture, settings.Seed);
        using var optimizer = CreateOptimizer(network, settings);
        using var generator = new Generator((ulong)settings.Seed);
        using var batches = new BatchSource(data.Train, architecture.Input);
        using var validationSet = new BatchSource(data.Validation, architecture.Input);
        TrainerLog.Started(logger, architecture.Name, data.Info.Name, network.ParameterCount, settings.Epochs, settings.BatchSize,
            settings.Optimizer.ToString(), settings.LearningRate, settings.Seed, options.Threads);

        var run = Prepare(request, network, optimizer, generator);
        var stopReason = TrainingStopReason.Completed;
        var validation = default(Evaluation);
        var board = request.TensorBoardDirectory is null ? null : torch.utils.tensorboard.SummaryWriter(request.TensorBoardDirectory);
        var elapsed = () => run.ElapsedBefore + options.TimeProvider.GetElapsedTime(started);
        for (var epoch = run.ResumedFromEpoch + 1; epoch <= settings.Epochs; epoch++)
        {
            if (!NextEpochFits(request.TimeBudget, run, elapsed()))
            {
                stopReason = TrainingStopReason.TimeBudget;
                TrainerLog.NoTimeForEpoch(logger, architecture.Name, epoch, run.Epochs[^1].Seconds, (request.TimeBudget!.Value - elapsed()).TotalSeconds);
                break;
            }

            var outOfTime = () => request.TimeBudget is { } budget && elapsed() >= budget;
            var context = new EpochContext(network, optimizer, generator, batches, settings, epoch, request.Progress, outOfTime, run.Epochs, cancellationToken);
            var (metrics, epochValidation, cutShort) = RunEpoch(context, validationSet);
            validation = epochValidation;

            // The weights keep what the cut epoch trained, but an epoch that did not see every batch is not an epoch: it is neither recorded nor reported.
            if (cutShort)
            {
                stopReason = TrainingStopReason.TimeBudget;
                TrainerLog.TimeBudgetUsed(logger, architecture.Name, epoch, request.TimeBudget!.Value.TotalSeconds);
                break;
            }

            run.Record(metrics);
            TrainerLog.EpochFinished(logger, architecture.Name, epoch, settings.Epochs, metrics.TrainLoss, metrics.TrainAccuracy, metrics.ValidationAccuracy, metrics.Seconds);
            WriteEpoch(board, metrics);

            // The checkpoint is written before the epoch is reported, so a recorded epoch always has its checkpoint.
            if (request.CheckpointDirectory is { } directory && epoch < settings.Epochs)
            {
                var state = new CheckpointState(epoch, settings.Seed, [.. run.Epochs], run.BestValidationAccuracy, run.EpochsWithoutImprovement,
                    elapsed().TotalSeconds);
                TrainingCheckpoint.Save(directory, state, network, optimizer, generator);
            }

            request.Progress?.Report(new TrainingProgress(epoch, settings.Epochs, batches.BatchCount(settings.BatchSize), batches.BatchCount(settings.BatchSize), metrics));

            if (request.Patience is { } patience && run.EpochsWithoutImprovement >= patience && epoch < settings.Epochs)
            {
                stopReason = TrainingStopReason.EarlyStopping;
                TrainerLog.StoppedEarly(logger, architecture.Name, epoch, patience, run.BestValidationAccuracy);
                break;
            }
        }

        validation ??= Evaluate(network, validationSet, cancellationToken);
        var test = EvaluateTest(network, data.Test, architecture, cancellationToken);
        SaveFinalWeights(request.FinalWeightsPath, network);
        var duration = elapsed();
        var result = ResultBuilder.Build(run.Epochs, validation, test, data.Test, network.ParameterCount, duration, settings.Seed) with
        {
            StopReason = stopReason,
            ResumedFromEpoch = run.ResumedFromEpoch,
            WarmStartedLayers = run.WarmStartedLayers,
        };
        TrainerLog.Finished(logger, architecture.Name, result.TestAccuracy, result.ValidationAccuracy, duration.TotalSeconds);
        return result;
    }

    /// <summary>
    /// Whether another epoch fits in what is left of the time budget, judged by the last epoch's time. The
    /// first epoch of a run always starts: nothing is measured yet, and the budget still cuts it at a batch.
    /// </summary>
    private static bool NextEpochFits(TimeSpan? budget, RunState run, TimeSpan elapsed) =>
        budget is not { } limit || run.Epochs.Count == 0 || elapsed + TimeSpan.FromSeconds(run.Epochs[^1].Seconds) <= limit;

    /// <summary>Restores the latest checkpoint or, without one, copies the warm-start weights.</summary>
    private RunState Prepare(TrainingRequest request, SequentialNetwork network, optim.Optimizer optimizer, Generator generator)
    {
        var run = new RunState();
        if (request.CheckpointDirectory is { } directory && TrainingCheckpoint.LoadLatest(directory, network, optimizer, generator) is { } checkpoint)
        {
            run.Restore(checkpoint);
            TrainerLog.Resumed(logger, request.Architecture.Name, checkpoint.Epoch, directory);

            // Dropout draws from the process-wide generator; reseed it so a resumed run does not repeat the first epoch's masks.
            lock (SeedLock)
            {
                torch.manual_seed(request.Settings.Seed + checkpoint.Epoch);
            }

            return run;
        }

        if (request.WarmStart is { } warmStart)
        {
            var copied = WeightTransfer.Apply(warmStart, request.Architecture, network);
            run.WarmStartedLayers = copied.Count;
            TrainerLog.WarmStarted(logger, request.Architecture.Name, copied.Count, warmStart.Parent.Name);
        }

        return run;
    }

    private Evaluation EvaluateTest(SequentialNetwork network, LabeledImages test, Architecture architecture, CancellationToken cancellationToken)
    {
        using var source = new BatchSource(test, architecture.Input);
        return Evaluate(network, source, cancellationToken);
    }

    private static void WriteEpoch(TorchSharp.Modules.SummaryWriter? board, EpochMetrics metrics)
    {
        if (board is null)
        {
            return;
        }

        board.add_scalar("loss/train", (float)metrics.TrainLoss, metrics.Epoch);
        board.add_scalar("accuracy/train", (float)metrics.TrainAccuracy, metrics.Epoch);
        board.add_scalar("accuracy/validation", (float)metrics.ValidationAccuracy, metrics.Epoch);
        board.add_scalar("seconds/epoch", (float)metrics.Seconds, metrics.Epoch);
    }

    private static void SaveFinalWeights(string? path, SequentialNetwork network)
    {
        if (path is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var partial = path + ".partial";
        network.save(partial);
        File.Move(partial, path, overwrite: true);
    }

    // Seeding and weight initialisation happen under one lock, so runs started together still start from their own seed's weights.
    private static SequentialNetwork BuildSeeded(Architecture architecture, int seed)
    {
        lock (SeedLock)
        {
            torch.manual_seed(seed);
            return NetworkBuilder.Build(architecture);
        }
    }

    private static optim.Optimizer CreateOptimizer(SequentialNetwork network, TrainingSettings settings) => settings.Optimizer switch
    {
        OptimizerKind.Sgd => optim.SGD(network.parameters(), settings.LearningRate, momentum: 0.9, weight_decay: settings.WeightDecay),
        OptimizerKind.Adam => optim.Adam(network.parameters(), settings.LearningRate, weight_decay: settings.WeightDecay),
        OptimizerKind.AdamW => optim.AdamW(network.parameters(), settings.LearningRate, weight_decay: settings.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Optimizer, $"Optimizer {settings.Optimizer} is not supported; use sgd, adam or adamw."),
    };

    private static void CheckCompatible(Architecture architecture, TrainingDataset data)
    {
        if (architecture.Input.ElementCount != data.Info.Input.ElementCount)
        {
            throw new ArgumentException(
                $"Architecture '{architecture.Name}' takes input {architecture.Input} but dataset '{data.Info.Name}' has samples of {data.Info.Input}; set `input {data.Info.Input.ToSourceText()}`.",
                nameof(architecture));
        }

        if (architecture.Classes != data.Info.Classes)
        {
            throw new ArgumentException(
                $"Architecture '{architecture.Name}' has {architecture.Classes} classes but dataset '{data.Info.Name}' has {data.Info.Classes}; set `classes {data.Info.Classes}`.",
                nameof(architecture));
        }
    }

    /// <summary>The epochs finished so far and the early-stopping bookkeeping of one run.</summary>
    private sealed class RunState
    {
        public List<EpochMetrics> Epochs { get; } = [];

        public double BestValidationAccuracy { get; private set; } = double.NegativeInfinity;

        public int EpochsWithoutImprovement { get; private set; }

        public TimeSpan ElapsedBefore { get; private set; }

        public int ResumedFromEpoch { get; private set; }

        public int WarmStartedLayers { get; set; }

        public void Record(EpochMetrics metrics)
        {
            Epochs.Add(metrics);
            if (metrics.ValidationAccuracy > BestValidationAccuracy)
            {
                BestValidationAccuracy = metrics.ValidationAccuracy;
                EpochsWithoutImprovement = 0;
            }
            else
            {
                EpochsWithoutImprovement++;
            }
        }

        public void Restore(CheckpointState checkpoint)
        {
            Epochs.AddRange(checkpoint.Epochs);
            BestValidationAccuracy = checkpoint.BestValidationAccuracy;
            EpochsWithoutImprovement = checkpoint.EpochsWithoutImprovement;
            ElapsedBefore = TimeSpan.FromSeconds(checkpoint.ElapsedSeconds);
            ResumedFromEpoch = checkpoint.Epoch;
        }
    }
}
