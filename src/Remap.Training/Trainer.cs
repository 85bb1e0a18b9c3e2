using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Remap.Core.Model;
using Remap.Training.Data;
using Remap.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Remap.Training;

/// <summary>Trains a network built from an Architecture on a dataset and evaluates it on the validation and test sets.</summary>
public sealed class Trainer(ILogger<Trainer> logger, TrainerOptions options)
{
    private static readonly Lock SeedLock = new();

    public Trainer(ILogger<Trainer> logger)
        : this(logger, new TrainerOptions())
    {
    }

    /// <exception cref="OperationCanceledException">Cancellation was requested; checked at every batch boundary.</exception>
    /// <exception cref="ArgumentException">The architecture's input or class count does not match the dataset.</exception>
    public TrainingResult Train(Architecture architecture, TrainingDataset data, TrainingSettings settings,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        CheckCompatible(architecture, data);
        TorchRuntime.EnsureLoaded();
        // NOTE: the thread count and the generator that dropout draws from are process-wide in LibTorch,
        // so two runs at once share the threads and, with dropout, are not reproducible.
        torch.set_num_threads(options.Threads);
        var stopwatch = Stopwatch.StartNew();

        using var network = BuildSeeded(architecture, settings.Seed);
        using var optimizer = CreateOptimizer(network, settings);
        using var generator = new Generator((ulong)settings.Seed);
        var batches = new BatchSource(data.Train, architecture.Input);
        TrainerLog.Started(logger, architecture.Name, data.Info.Name, network.ParameterCount, settings.Epochs, settings.BatchSize,
            settings.Optimizer.ToString(), settings.LearningRate, settings.Seed, options.Threads);

        var epochs = new List<EpochMetrics>();
        var validation = default(Evaluation);
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            var context = new EpochContext(network, optimizer, generator, batches, settings, epoch, progress, cancellationToken);
            var (metrics, epochValidation) = RunEpoch(context, data.Validation, architecture);
            validation = epochValidation;
            epochs.Add(metrics);
            TrainerLog.EpochFinished(logger, architecture.Name, epoch, settings.Epochs, metrics.TrainLoss, metrics.TrainAccuracy, metrics.ValidationAccuracy, metrics.Seconds);
            progress?.Report(new TrainingProgress(epoch, settings.Epochs, batches.BatchCount(settings.BatchSize), batches.BatchCount(settings.BatchSize), metrics));
        }

        validation ??= Evaluate(network, data.Validation, architecture, cancellationToken);
        var test = Evaluate(network, data.Test, architecture, cancellationToken);
        var result = ResultBuilder.Build(epochs, validation, test, data.Test, network.ParameterCount, stopwatch.Elapsed, settings.Seed);
        TrainerLog.Finished(logger, architecture.Name, result.TestAccuracy, result.ValidationAccuracy, stopwatch.Elapsed.TotalSeconds);
        return result;
    }

    private (EpochMetrics Metrics, Evaluation Validation) RunEpoch(EpochContext context, LabeledImages validationSet, Architecture architecture)
    {
        var stopwatch = Stopwatch.StartNew();
        var batchSize = context.Settings.BatchSize;
        var batchCount = context.Batches.BatchCount(batchSize);
        using var order = randperm(context.Batches.Count, generator: context.Generator);
        context.Network.train();

        double lossSum = 0;
        long correct = 0;
        for (var batch = 0; batch < batchCount; batch++)
        {
            CancelIfRequested(context);
            var (batchLoss, batchCorrect) = TrainStep(context, order, batch * batchSize, Math.Min(batchSize, context.Batches.Count - (batch * batchSize)));
            lossSum += batchLoss;
            correct += batchCorrect;
            context.Progress?.Report(new TrainingProgress(context.Epoch, context.Settings.Epochs, batch + 1, batchCount, null));
        }

        var validation = Evaluate(context.Network, validationSet, architecture, context.CancellationToken);
        var count = context.Batches.Count;
        var metrics = new EpochMetrics(context.Epoch, lossSum / count, (double)correct / count, validation.Accuracy, stopwatch.Elapsed.TotalSeconds);
        return (metrics, validation);
    }

    /// <summary>Runs one optimisation step; returns the summed loss over the batch and its number of right predictions.</summary>
    private static (double LossSum, long Correct) TrainStep(EpochContext context, Tensor order, int start, int length)
    {
        using var scope = NewDisposeScope();
        var (inputs, labels) = context.Batches.Get(order.narrow(0, start, length));

        context.Optimizer.zero_grad();
        var logits = context.Network.call(inputs);
        var loss = nn.functional.cross_entropy(logits, labels);
        loss.backward();
        context.Optimizer.step();

        var correct = logits.argmax(1).eq(labels).sum().item<long>();
        return (loss.item<float>() * (double)length, correct);
    }

    private Evaluation Evaluate(SequentialNetwork network, LabeledImages set, Architecture architecture, CancellationToken cancellationToken)
    {
        var predictions = new long[set.Count];
        var source = new BatchSource(set, architecture.Input);
        network.eval();
        using (no_grad())
        {
            for (var start = 0; start < set.Count; start += options.EvaluationBatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var length = Math.Min(options.EvaluationBatchSize, set.Count - start);
                var (inputs, _) = source.GetRange(start, length);
                network.call(inputs).argmax(1).data<long>().CopyTo(predictions, start);
            }
        }

        return new Evaluation(predictions, set.Labels.data<long>().ToArray());
    }

    private void CancelIfRequested(EpochContext context)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            TrainerLog.Cancelled(logger, context.Network.GetName(), context.Epoch);
            context.CancellationToken.ThrowIfCancellationRequested();
        }
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

    private sealed record EpochContext(
        SequentialNetwork Network, optim.Optimizer Optimizer, Generator Generator, BatchSource Batches, TrainingSettings Settings,
        int Epoch, IProgress<TrainingProgress>? Progress, CancellationToken CancellationToken);
}
