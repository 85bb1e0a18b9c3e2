using Remap.Core.Model;
using Remap.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Remap.Training;

/// <summary>The epoch loop: one pass over the shuffled training set, then validation.</summary>
public sealed partial class Trainer
{
    /// <summary>
    /// Runs one epoch; CutShort is true when the time budget ran out before the last batch. The validation
    /// is of the weights at the end, so it matches the network the run ends with even when the epoch was cut.
    /// </summary>
    private (EpochMetrics Metrics, Evaluation Validation, bool CutShort) RunEpoch(EpochContext context, BatchSource validationSet)
    {
        var started = options.TimeProvider.GetTimestamp();
        var batchSize = context.Settings.BatchSize;
        var batchCount = context.Batches.BatchCount(batchSize);
        using var order = randperm(context.Batches.Count, generator: context.Generator);
        context.Network.train();

        // The sums stay in tensors, so the epoch reads them once instead of waiting on a readback per batch.
        using var lossSum = zeros(1, dtype: ScalarType.Float64);
        using var correct = zeros(1, dtype: ScalarType.Int64);
        var samples = 0;
        var cutShort = false;
        for (var batch = 0; batch < batchCount; batch++)
        {
            CancelIfRequested(context);
            if (batch > 0 && context.OutOfTime())
            {
                cutShort = true;
                break;
            }

            var start = batch * batchSize;
            var length = Math.Min(batchSize, context.Batches.Count - start);
            var batchLoss = TrainStep(context, order, start, length, lossSum, correct);
            if (!float.IsFinite(batchLoss))
            {
                TrainerLog.Diverged(logger, context.Network.GetName(), context.Epoch, batch + 1, batchLoss);
                throw new TrainingDivergedException(context.Epoch, batch + 1, batchLoss, [.. context.FinishedEpochs]);
            }

            samples += length;
            context.Progress?.Report(new TrainingProgress(context.Epoch, context.Settings.Epochs, batch + 1, batchCount, null));
        }

        var validation = Evaluate(context.Network, validationSet, context.CancellationToken);
        var metrics = new EpochMetrics(context.Epoch, lossSum.item<double>() / samples, (double)correct.item<long>() / samples,
            validation.Accuracy, options.TimeProvider.GetElapsedTime(started).TotalSeconds);
        return (metrics, validation, cutShort);
    }

    /// <summary>
    /// Runs one optimisation step, adds the batch's summed loss and right predictions to
    /// <paramref name="lossSum"/> and <paramref name="correct"/>, and returns the batch's mean loss.
    /// </summary>
    private static float TrainStep(EpochContext context, Tensor order, int start, int length, Tensor lossSum, Tensor correct)
    {
        using var scope = NewDisposeScope();
        var (inputs, labels) = context.Batches.Get(order.narrow(0, start, length));

        context.Optimizer.zero_grad();
        var logits = context.Network.call(inputs);
        var loss = nn.functional.cross_entropy(logits, labels);

        // NOTE: this readback is the one sync per batch left; it stays because a NaN or infinite loss would
        // write NaN into every weight, so the step is skipped and the caller stops at this batch.
        var lossValue = loss.item<float>();
        if (!float.IsFinite(lossValue))
        {
            return lossValue;
        }

        loss.backward();
        context.Optimizer.step();

        using (no_grad())
        {
            lossSum.add_(loss.detach().to_type(ScalarType.Float64) * length);
            correct.add_(logits.argmax(1).eq(labels).sum());
        }

        return lossValue;
    }

    private Evaluation Evaluate(SequentialNetwork network, BatchSource source, CancellationToken cancellationToken)
    {
        var predictions = new long[source.Count];
        network.eval();
        using (no_grad())
        {
            for (var start = 0; start < source.Count; start += options.EvaluationBatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var length = Math.Min(options.EvaluationBatchSize, source.Count - start);
                var (inputs, _) = source.GetRange(start, length);
                network.call(inputs).argmax(1).data<long>().CopyTo(predictions, start);
            }
        }

        return new Evaluation(predictions, source.Labels.data<long>().ToArray());
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
