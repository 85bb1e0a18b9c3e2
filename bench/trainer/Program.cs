using System.Diagnostics;
using System.Globalization;
using Remap.Bench.Trainer;
using Remap.Core.Model;
using Remap.Engine.Jobs;
using Remap.Engine.Store;
using Remap.Training.Data;

// Benchmarks of the production trainer; bench/README.md describes each mode and records its figures.
// throughput THREADS EPOCHS ROUNDS [small-cnn|one-block|mlp]: the product trainer through a job vs a bare TorchSharp loop (same CNN, data and epochs), alternated ROUNDS times.
// memory JOBS: RSS after each of JOBS consecutive small jobs in one process.
// concurrency SLOTS THREADS JOBS [cnn|mlp]: wall time of JOBS one-epoch jobs (small CNN or tiny MLP) with SLOTS concurrent jobs and THREADS LibTorch threads.
// warmstart EPOCHS SEEDS IMAGES FRACTION: the ranking of an ablation study's children with warm start (FRACTION of the epochs) vs from scratch, on the first IMAGES training images.
var mode = args.Length > 0 ? args[0] : "throughput";
int Argument(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var invariant = CultureInfo.InvariantCulture;

switch (mode)
{
    case "throughput":
    {
        // Rounds alternate the product and the bare loop, so a change in the machine's load hits both alike.
        var (threads, epochs, rounds) = (Argument(1, 2), Argument(2, 2), Argument(3, 2));
        var networkName = args.Length > 4 ? args[4] : "small-cnn";
        await using var engine = await EngineHost.StartAsync(concurrency: 1, threads);
        using var catalog = new DatasetCatalog([], Path.Combine(EngineHost.RepositoryRoot(), "data"));
        using var data = catalog.Load(Networks.DatasetName);
        var productSeconds = new List<double>();
        var bareSeconds = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var jobId = await engine.EnqueueAsync(Networks.ByName(networkName, epochs, seed: 42 + round));
            var (job, run) = (await engine.WaitAsync([jobId], TimeSpan.FromMinutes(30)))[0];
            if (job.State != JobStates.Succeeded)
            {
                throw new InvalidOperationException($"Job {job.Id} ended as {job.State}: {job.Error}");
            }

            productSeconds.AddRange(StoreJson.Deserialize<List<Remap.Training.EpochMetrics>>(run!.EpochMetricsJson).Select(epoch => epoch.Seconds));
            bareSeconds.AddRange(BareLoop.Run(data, epochs, threads, seed: 42 + round, networkName: networkName));
        }

        var images = data.Train.Count;
        var product = images / productSeconds.Min();
        var bare = images / bareSeconds.Min();
        Console.WriteLine(string.Create(invariant, $"{networkName}: {images} training images, best of {rounds} rounds of {epochs} epochs, {threads} threads"));
        Console.WriteLine(string.Create(invariant, $"product-job samples/s {product:F0} (epoch seconds {string.Join(' ', productSeconds.Select(value => value.ToString("F2", invariant)))})"));
        Console.WriteLine(string.Create(invariant, $"bare-loop samples/s {bare:F0} (epoch seconds {string.Join(' ', bareSeconds.Select(value => value.ToString("F2", invariant)))})"));
        Console.WriteLine(string.Create(invariant, $"ratio product/bare {product / bare:F3}"));
        break;
    }

    case "memory":
    {
        var count = Argument(1, 100);
        await using var engine = await EngineHost.StartAsync(concurrency: 1, threads: 2);
        var rss = new List<long>();
        for (var index = 1; index <= count; index++)
        {
            var jobId = await engine.EnqueueAsync(Networks.TinyMlp(seed: index));
            var (job, _) = (await engine.WaitAsync([jobId], TimeSpan.FromMinutes(5)))[0];
            if (job.State != JobStates.Succeeded)
            {
                throw new InvalidOperationException($"Job {job.Id} ended as {job.State}: {job.Error}");
            }

            // The job is final once its result is committed; the worker then disposes and trims. Sample after that.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            using var process = Process.GetCurrentProcess();
            rss.Add(process.WorkingSet64);
            var managed = GC.GetGCMemoryInfo();
            var native = MallocStatistics.Read();
            Console.WriteLine(string.Create(invariant,
                $"job {index}: RSS {process.WorkingSet64 / 1048576.0:F1} MiB; managed heap {managed.HeapSizeBytes / 1048576.0:F1} MiB, committed {managed.TotalCommittedBytes / 1048576.0:F1} MiB; " +
                $"malloc in use {native.InUse / 1048576.0:F1} MiB, free in arenas {native.Free / 1048576.0:F1} MiB, mapped {native.Mapped / 1048576.0:F1} MiB; " +
                $"{MallocStatistics.ResidentSplit()}; threads {process.Threads.Count}"));
            if (Environment.GetEnvironmentVariable("REMAP_BENCH_SMAPS") is { } smapsPrefix && index % 10 == 0)
            {
                File.Copy("/proc/self/smaps", $"{smapsPrefix}-{index}.txt", overwrite: true);
            }
        }

        var reference = rss[Math.Min(9, rss.Count - 1)];
        var worst = rss.Skip(10).Select(value => (value - reference) / (double)reference).DefaultIfEmpty(0).MaxBy(Math.Abs);
        Console.WriteLine(string.Create(invariant, $"RSS after job 10 {reference / 1048576.0:F1} MiB; after job {count} {rss[^1] / 1048576.0:F1} MiB; largest deviation after job 10 {worst:P2}; target within ±5%: {(Math.Abs(worst) <= 0.05 ? "met" : "missed")}"));
        break;
    }

    case "concurrency":
    {
        var (slots, threads, jobs) = (Argument(1, 1), Argument(2, 2), Argument(3, 4));
        var network = args.Length > 4 ? args[4] : "cnn";
        await using var engine = await EngineHost.StartAsync(slots, threads);
        var stopwatch = Stopwatch.StartNew();
        var ids = new List<long>();
        for (var index = 0; index < jobs; index++)
        {
            var architecture = network == "mlp" ? Networks.TinyMlp(seed: 100 + index) : Networks.SmallCnn(epochs: 1, seed: 100 + index);
            ids.Add(await engine.EnqueueAsync(architecture, new JobSettings()));
        }

        var finished = await engine.WaitAsync(ids, TimeSpan.FromMinutes(30));
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(invariant,
            $"{network}: slots {slots}, threads {threads}, OMP_WAIT_POLICY {Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "(unset)"}: " +
            $"{jobs} jobs in {seconds:F1} s, {jobs * 60 / seconds:F2} jobs/min, all succeeded: {finished.All(pair => pair.Job.State == JobStates.Succeeded)}"));
        break;
    }

    case "warmstart":
        WarmStartBench.Run(epochs: Argument(1, 4), seeds: Argument(2, 3), trainingImages: Argument(3, 9000),
            warmEpochFraction: args.Length > 4 ? double.Parse(args[4], invariant) : 0.25);
        break;

    default:
        Console.Error.WriteLine($"Unknown mode '{mode}'; use throughput, memory, concurrency or warmstart.");
        return 2;
}

return 0;
