using System.Diagnostics;
using Remap.Core.Model;
using Remap.Training.Data;
using Remap.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Remap.Training;

/// <summary>The epoch loop: one pass over the shuffled training set, then validation.</summary>
public sealed partial class Trainer
{
    /// <summary>Runs one epoch; StoppedEarly is true when the time budget ran out before the last batch.</summary>
    // TODO: through a job this loop ran at 0.69× a bare TorchSharp loop on a loaded machine (bench/trainer), short of the 0.95× target;
    // profile the second readback per batch (the accuracy) and the per-batch progress callback first.
    private (EpochMetrics Metrics, Evaluation Validation, bool StoppedEarly) RunEpoch(EpochContext context, LabeledImages validationSet, Architecture architecture)
    {
        var stopwatch = Stopwatch.StartNew();
        var batchSize = context.Settings.BatchSize;
        var batchCount = context.Batches.BatchCount(batchSize);
        using var order = randperm(context.Batches.Count, generator: context.Generator);
        context.Network.train();

        double lossSum = 0;
        long correct = 0;
        var samples = 0;
        var stoppedEarly = false;
        for (var batch = 0; batch < batchCount; batch++)
        {
            CancelIfRequested(context);
            if (batch > 0 && context.OutOfTime())
            {
                stoppedEarly = true;
                break;
            }

            var start = batch * batchSize;
            var length = Math.Min(batchSize, context.Batches.Count - start);
            var (batchLoss, batchCorrect) = TrainStep(context, order, start, length);
            if (!double.IsFinite(batchLoss))
            {
                TrainerLog.Diverged(logger, context.Network.GetName(), context.Epoch, batch + 1, batchLoss);
                throw new TrainingDivergedException(context.Epoch, batch + 1, batchLoss, [.. context.FinishedEpochs]);
            }

            lossSum += batchLoss * length;
            correct += batchCorrect;
            samples += length;
            context.Progress?.Report(new TrainingProgress(context.Epoch, context.Settings.Epochs, batch + 1, batchCount, null));
        }

        var validation = Evaluate(context.Network, validationSet, architecture, context.CancellationToken);
        var metrics = new EpochMetrics(context.Epoch, lossSum / samples, (double)correct / samples, validation.Accuracy, stopwatch.Elapsed.TotalSeconds);
        return (metrics, validation, stoppedEarly);
    }

    /// <summary>Runs one optimisation step; returns the mean loss over the batch and its number of right predictions.</summary>
    private static (double Loss, long Correct) TrainStep(EpochContext context, Tensor order, int start, int length)
    {
        using var scope = NewDisposeScope();
        var (inputs, labels) = context.Batches.Get(order.narrow(0, start, length));

        context.Optimizer.zero_grad();
        var logits = context.Network.call(inputs);
        var loss = nn.functional.cross_entropy(logits, labels);
        var lossValue = loss.item<float>();

        // A NaN or infinite loss would write NaN into every weight, so the step is skipped and the caller stops.
        if (!float.IsFinite(lossValue))
        {
            return (lossValue, 0);
        }

        loss.backward();
        context.Optimizer.step();

        var correct = logits.argmax(1).eq(labels).sum().item<long>();
        return (lossValue, correct);
    }

    private Evaluation Evaluate(SequentialNetwork network, LabeledImages set, Architecture architecture, CancellationToken cancellationToken)
    {
        var predictions = new long[set.Count];
        using var source = new BatchSource(set, architecture.Input);
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

    private sealed record EpochContext(
        SequentialNetwork Network, optim.Optimizer Optimizer, Generator Generator, BatchSource Batches, TrainingSettings Settings,
        int Epoch, IProgress<TrainingProgress>? Progress, Func<bool> OutOfTime, IReadOnlyList<EpochMetrics> FinishedEpochs,
        CancellationToken CancellationToken);
}
