using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Remap.Core.Exploration;
using Remap.Core.Model;
using Remap.Training;
using Remap.Training.Data;

namespace Remap.Bench.Trainer;

/// <summary>
/// Ranks the children of an ablation study three ways: from scratch with seeds 1..S (A), from scratch
/// with seeds S+1..2S (B, the baseline of seed noise) and warm-started from the parent with seeds 1..S.
/// Prints the Spearman correlation of warm vs A, of B vs A, and the cost ratio warm / A in training
/// seconds and in optimizer steps (the seconds follow the machine's load, the steps do not).
/// </summary>
internal static class WarmStartBench
{
    public static void Run(int epochs, int seeds, int trainingImages, double warmEpochFraction)
    {
        var invariant = CultureInfo.InvariantCulture;
        using var catalog = new DatasetCatalog([], Path.Combine(EngineHost.RepositoryRoot(), "data"));
        using var sample = catalog.Load(Networks.DatasetName);
        var first = Enumerable.Range(0, Math.Min(trainingImages, sample.Train.Count)).Select(index => (long)index).ToArray();
        using var data = new TrainingDataset(sample.Info with { TrainCount = first.Length }, sample.Train.Select(first), sample.Validation.Select(
            [.. Enumerable.Range(0, sample.Validation.Count).Select(index => (long)index)]), sample.Test.Select([.. Enumerable.Range(0, sample.Test.Count).Select(index => (long)index)]));
        Console.WriteLine(string.Create(invariant, $"{first.Length} training images, {data.Validation.Count} validation images"));
        var trainer = new Remap.Training.Trainer(NullLogger<Remap.Training.Trainer>.Instance, new TrainerOptions { Threads = 2 });
        var folder = Directory.CreateTempSubdirectory("remap-warm-").FullName;
        var weights = Path.Combine(folder, "parent.dat");

        var parent = Networks.AblationCnn(epochs);
        var parentResult = trainer.Train(new TrainingRequest(parent, data, parent.Training) { FinalWeightsPath = weights }, CancellationToken.None);
        Console.WriteLine(string.Create(invariant, $"parent {parent.Name}: validation accuracy {parentResult.ValidationAccuracy:P2}, {parentResult.Duration.TotalSeconds:F1} s"));

        var warmEpochs = Math.Max(1, (int)Math.Ceiling(epochs * warmEpochFraction));
        var children = AblationGenerator.Generate(parent).Children;
        var rows = new List<(string Change, double[] ScratchA, double[] ScratchB, double[] Warm, int WarmLayers)>();
        double scratchSeconds = 0, warmSeconds = 0;
        foreach (var child in children)
        {
            var kept = ArchitectureDiff.Compare(parent, child.Architecture).Alignment.Where(pair => pair.IsKept)
                .Select(pair => (pair.BeforeIndex!.Value, pair.AfterIndex!.Value)).ToList();
            var scratchA = new double[seeds];
            var scratchB = new double[seeds];
            var warm = new double[seeds];
            var warmLayers = 0;
            for (var seed = 0; seed < seeds; seed++)
            {
                var a = Train(trainer, child.Architecture, data, parent.Training with { Seed = 1 + seed }, null);
                scratchA[seed] = a.ValidationAccuracy;
                scratchSeconds += a.Duration.TotalSeconds;
                scratchB[seed] = Train(trainer, child.Architecture, data, parent.Training with { Seed = 1 + seeds + seed }, null).ValidationAccuracy;
                var w = Train(trainer, child.Architecture, data, parent.Training with { Seed = 1 + seed, Epochs = warmEpochs },
                    new WarmStartSource(parent, weights, kept));
                warm[seed] = w.ValidationAccuracy;
                warmSeconds += w.Duration.TotalSeconds;
                warmLayers = w.WarmStartedLayers;
            }

            rows.Add((child.Change, scratchA, scratchB, warm, warmLayers));
            Console.WriteLine(string.Create(invariant,
                $"{child.Change}: scratch A {scratchA.Average():P2} ± {Deviation(scratchA):P2}, scratch B {scratchB.Average():P2} ± {Deviation(scratchB):P2}, " +
                $"warm {warm.Average():P2} ± {Deviation(warm):P2} ({warmLayers} layers copied)"));
        }

        var rankA = rows.Select(row => row.ScratchA.Average()).ToArray();
        var rankB = rows.Select(row => row.ScratchB.Average()).ToArray();
        var rankWarm = rows.Select(row => row.Warm.Average()).ToArray();
        Console.WriteLine(string.Create(invariant, $"children {rows.Count}, seeds {seeds} per set, scratch epochs {epochs}, warm epochs {warmEpochs}"));
        Console.WriteLine(string.Create(invariant, $"spearman warm vs scratch A {Spearman(rankWarm, rankA):F3}; warm vs scratch B {Spearman(rankWarm, rankB):F3}"));
        Console.WriteLine(string.Create(invariant, $"spearman scratch B vs scratch A (baseline) {Spearman(rankB, rankA):F3}"));
        Console.WriteLine(string.Create(invariant, $"cost ratio warm / scratch A {warmSeconds / scratchSeconds:F3} ({warmSeconds:F1} s vs {scratchSeconds:F1} s)"));

        // Both sets train the same children on the same images with the same batch size, so the steps scale with the epochs.
        Console.WriteLine(string.Create(invariant, $"cost ratio in optimizer steps {warmEpochs / (double)epochs:F3} ({warmEpochs} epochs vs {epochs})"));
        Directory.Delete(folder, recursive: true);
    }

    private static TrainingResult Train(Remap.Training.Trainer trainer, Architecture architecture, TrainingDataset data, TrainingSettings settings, WarmStartSource? warmStart) =>
        trainer.Train(new TrainingRequest(architecture, data, settings) { WarmStart = warmStart }, CancellationToken.None);

    private static double Deviation(double[] values)
    {
        var mean = values.Average();
        return values.Length < 2 ? 0 : Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / (values.Length - 1));
    }

    /// <summary>Spearman's rank correlation: the Pearson correlation of the ranks, with tied values sharing their mean rank.</summary>
    private static double Spearman(double[] first, double[] second)
    {
        var (x, y) = (Ranks(first), Ranks(second));
        var (meanX, meanY) = (x.Average(), y.Average());
        var covariance = x.Zip(y, (a, b) => (a - meanX) * (b - meanY)).Sum();
        var spread = Math.Sqrt(x.Sum(a => (a - meanX) * (a - meanX)) * y.Sum(b => (b - meanY) * (b - meanY)));
        return spread == 0 ? 0 : covariance / spread;
    }

    private static double[] Ranks(double[] values)
    {
        var order = values.Select((value, index) => (value, index)).OrderBy(pair => pair.value).ToArray();
        var ranks = new double[values.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && order[end + 1].value == order[start].value)
            {
                end++;
            }

            for (var position = start; position <= end; position++)
            {
                ranks[order[position].index] = (start + end) / 2.0 + 1;
            }

            start = end + 1;
        }

        return ranks;
    }
}
