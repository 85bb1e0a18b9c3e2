using System.Diagnostics;
using Remap.Training.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Remap.Bench.Trainer;

/// <summary>
/// The small CNN trained by a plain TorchSharp loop, as a user would write it by hand: a Sequential
/// module, images scaled to float once, Adam, one dispose scope per batch, a validation pass per epoch.
/// It does the product's per-epoch work too: one loss readback per batch (the divergence check) and
/// the training loss and accuracy summed in tensors and read once per epoch.
/// </summary>
internal static class BareLoop
{
    /// <summary>Trains for <paramref name="epochs"/> epochs and returns the seconds of each (training plus validation).</summary>
    public static List<double> Run(TrainingDataset data, int epochs, int threads, int batchSize = 64, int seed = 42, string networkName = "small-cnn")
    {
        torch.set_num_threads(threads);
        torch.manual_seed(seed);
        using var network = networkName switch
        {
            "one-block" => Sequential(Conv2d(1, 16, 3, padding: 1), ReLU(), MaxPool2d(2), Flatten(), Linear(16 * 14 * 14, 10)),
            "mlp" => Sequential(Flatten(), Linear(28 * 28, 32), ReLU(), Linear(32, 10)),
            _ => Sequential(
                Conv2d(1, 32, 3), ReLU(), MaxPool2d(2),
                Conv2d(32, 64, 3), ReLU(), MaxPool2d(2),
                Flatten(), Linear(64 * 5 * 5, 128), ReLU(), Linear(128, 10)),
        };
        using var optimizer = optim.Adam(network.parameters(), 0.001);
        using var generator = new Generator((ulong)seed);
        using var images = data.Train.Images.to_type(ScalarType.Float32).div(255f).reshape(-1, 1, 28, 28);
        using var validation = data.Validation.Images.to_type(ScalarType.Float32).div(255f).reshape(-1, 1, 28, 28);
        var count = data.Train.Count;

        var seconds = new List<double>();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var stopwatch = Stopwatch.StartNew();
            network.train();
            using var order = randperm(count, generator: generator);
            using var lossSum = zeros(1, dtype: ScalarType.Float64);
            using var correct = zeros(1, dtype: ScalarType.Int64);
            for (var start = 0; start < count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var indices = order.narrow(0, start, Math.Min(batchSize, count - start));
                var labels = data.Train.Labels.index_select(0, indices);
                optimizer.zero_grad();
                var logits = network.call(images.index_select(0, indices));
                var loss = functional.cross_entropy(logits, labels);
                _ = loss.item<float>();
                loss.backward();
                optimizer.step();
                using (no_grad())
                {
                    lossSum.add_(loss.detach().to_type(ScalarType.Float64) * indices.shape[0]);
                    correct.add_(logits.argmax(1).eq(labels).sum());
                }
            }

            _ = (lossSum.item<double>(), correct.item<long>());

            network.eval();
            using (no_grad())
            using (var scope = NewDisposeScope())
            {
                _ = network.call(validation).argmax(1).eq(data.Validation.Labels).sum().item<long>();
            }

            seconds.Add(stopwatch.Elapsed.TotalSeconds);
        }

        return seconds;
    }
}
