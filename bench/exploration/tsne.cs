#:project ../../src/Remap.Core/Remap.Core.csproj
#:property PublishAot=false
// Measures exact t-SNE (Remap.Core's Tsne.Project, the server's settings) on N points, and what the server computes
// before it: every pairwise structural distance of N sampled architectures, or every pairwise prediction distance.
// Usage (see README.md beside this file): build with --artifacts-path, then run the DLL with [N...] (default 1000 2000 3000 5000).
using System.Diagnostics;
using System.Globalization;
using Remap.Core.Exploration;
using Remap.Core.Model;
using Remap.Core.Projections;

int[] sizes = args.Length > 0 ? [.. args.Select(arg => int.Parse(arg, CultureInfo.InvariantCulture))] : [1000, 2000, 3000, 5000];
Console.WriteLine($"exact t-SNE, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

// The structural distance costs depend on the architectures, so they are measured on a sample of pairs from the
// benchmark's population and scaled to N(N-1)/2 pairs: an estimate, reported as one.
var template = new Architecture("bench", TensorShape.Image(1, 28, 28), 10, [], "fashion-mnist-sample", TrainingSettings.Default with { Epochs = 1 });
var population = PopulationSampler.Sample(template, 400, new SamplerOptions(12, 1_000_000, [], Seed: 2026));
var profiles = population.Architectures.Select(LayerProfile.Of).ToArray();
var pairCount = 0;
var processorAtStart = Process.GetCurrentProcess().TotalProcessorTime;
var stopwatch = Stopwatch.StartNew();
Parallel.For(0, profiles.Length, row =>
{
    for (var column = row + 1; column < profiles.Length; column += 4)
    {
        StructuralDistance.Compute(profiles[row], profiles[column]);
        Interlocked.Increment(ref pairCount);
    }
});
var microsecondsPerPair = stopwatch.Elapsed.TotalMicroseconds / pairCount;
var processorPerPair = (Process.GetCurrentProcess().TotalProcessorTime - processorAtStart).TotalMicroseconds / pairCount;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"structural distance: {pairCount} pairs in {stopwatch.Elapsed.TotalMilliseconds:F0} ms on every core, {microsecondsPerPair:F1} µs wall and {processorPerPair:F1} µs processor time a pair"));

foreach (var size in sizes)
{
    var distances = ClusteredDistances(size, new Random(size));
    GC.Collect();
    var processor = Process.GetCurrentProcess().TotalProcessorTime;
    stopwatch.Restart();
    var layout = Tsne.Project(distances, new TsneOptions(Seed: 1));
    var seconds = stopwatch.Elapsed.TotalSeconds;
    var processorSeconds = (Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds;
    var structureSeconds = microsecondsPerPair * size * (size - 1.0) / 2 / 1e6;

    // Prediction distances of random bitsets over 1,000 validation samples, computed as the server does, in parallel.
    var random = new Random(size);
    var bitsets = Enumerable.Range(0, size).Select(_ => { var bits = new byte[125]; random.NextBytes(bits); return bits; }).ToArray();
    stopwatch.Restart();
    var prediction = new double[size, size];
    Parallel.For(0, size, row =>
    {
        for (var column = row + 1; column < size; column++)
        {
            prediction[row, column] = prediction[column, row] = PredictionDistance.Compute(bitsets[row], bitsets[column], 1000);
        }
    });
    var predictionSeconds = stopwatch.Elapsed.TotalSeconds;

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"N {size}: t-SNE {seconds:F1} s wall, {processorSeconds:F1} s processor time ({layout.GetLength(0)} points, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB); " +
        $"pairwise prediction distances {predictionSeconds:F2} s; pairwise structural distances about {structureSeconds:F0} s (estimate); load average {LoadAverage()}"));
}

// Ten clusters in eight dimensions, so the affinities have structure as real populations do.
static double[,] ClusteredDistances(int count, Random random)
{
    var centres = Enumerable.Range(0, 10).Select(_ => Enumerable.Range(0, 8).Select(_ => random.NextDouble() * 20).ToArray()).ToArray();
    var points = Enumerable.Range(0, count).Select(index => centres[index % 10].Select(value => value + random.NextDouble()).ToArray()).ToArray();
    var distances = new double[count, count];
    for (var row = 0; row < count; row++)
    {
        for (var column = row + 1; column < count; column++)
        {
            var sum = 0.0;
            for (var axis = 0; axis < 8; axis++)
            {
                sum += (points[row][axis] - points[column][axis]) * (points[row][axis] - points[column][axis]);
            }

            distances[row, column] = distances[column, row] = Math.Sqrt(sum);
        }
    }

    return distances;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
