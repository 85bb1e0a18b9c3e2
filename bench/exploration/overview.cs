#:sdk Microsoft.NET.Sdk.Web
#:project ../../src/Remap.Api/Remap.Api.csproj
#:property PublishAot=false
// Measures the exploration engine on a synthetic population: landmark distances, projection fits from cached
// landmark distances, cold and cached overview responses, and the time to add one model and place it.
// Usage (see README.md beside this file): build with --artifacts-path, then run the DLL with MODELS [LANDMARKS] [REQUESTS] [STORE_FOLDER].
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Remap.Api;
using Remap.Api.Models;
using Remap.Api.Overview;
using Remap.Core.Exploration;
using Remap.Core.Model;
using Remap.Core.Shapes;
using Remap.Engine.Store;

var modelCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var landmarkCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var requestCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
var folder = Path.Combine(Path.GetTempPath(), $"remap-bench-exploration-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);

// A populated store is kept in STORE_FOLDER and copied for each run, since the runs change it (refit, add a model).
var storeFile = args.Length > 3 ? Path.Combine(args[3], $"exploration-{modelCount}-{landmarkCount}.db") : null;
var reused = storeFile is not null && File.Exists(storeFile);
if (reused)
{
    File.Copy(storeFile!, Path.Combine(folder, "remap.db"));

    // VACUUM INTO writes a rollback-journal file. The server checks that a store exists on a read-only
    // connection and then sets WAL mode, which fails there, so the copy is switched to WAL first.
    await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "remap.db")};Pooling=False");
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "PRAGMA journal_mode=WAL;";
    await command.ExecuteNonQueryAsync();
}

var app = RemapServer.Build([
    $"--Remap:DatabasePath={Path.Combine(folder, "remap.db")}",
    "--Remap:WorkerEnabled=false",
    $"--Remap:Exploration:LandmarkCount={landmarkCount}",
    "--Logging:LogLevel:Default=Warning",
    "--urls=http://127.0.0.1:0",
]);
await app.StartAsync();
var address = app.Urls.First();
using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(10) };
// The gzip client decompresses each body, so its timings include the client's share of the work.
using var gzipClient = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.GZip })
{
    BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(10),
};
Console.WriteLine($"{modelCount} models, {landmarkCount} landmarks, {requestCount} overview requests, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

// 1. The synthetic population: sampled architectures stored as models, each with a finished run and a random
// validation bitset, as the worker would leave them. Not timed: it stands for months of training.
var stopwatch = Stopwatch.StartNew();
if (!reused)
{
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var context = scope.ServiceProvider.GetRequiredService<RemapDbContext>();
        var template = new Architecture("bench", TensorShape.Image(1, 28, 28), 10, [], "fashion-mnist-sample", TrainingSettings.Default with { Epochs = 1 });
        var population = PopulationSampler.Sample(template, modelCount, new SamplerOptions(12, 1_000_000, [], Seed: 2026));
        var random = new Random(7);
        var now = DateTime.UtcNow;
        foreach (var chunk in population.Architectures.Chunk(1000))
        {
            var jobs = new List<JobEntity>();
            foreach (var architecture in chunk)
            {
                var model = ModelRecords.Create(architecture, ShapeInference.Infer(architecture), ArchitectureWriter.Write(architecture), null, [], now);
                model.Status = JobStates.Succeeded;
                model.ValidationAccuracy = 0.5 + random.NextDouble() / 2;
                jobs.Add(new JobEntity { Model = model, Epochs = 1, State = JobStates.Succeeded, CreatedAt = now, FinishedAt = now });
            }

            context.Jobs.AddRange(jobs);
            await context.SaveChangesAsync();

            // A run's job id is unique, so runs are added once the jobs have ids.
            foreach (var job in jobs)
            {
                var bits = new byte[125];
                random.NextBytes(bits);
                var accuracy = job.Model!.ValidationAccuracy!.Value;
                context.Runs.Add(new RunEntity
                {
                    ModelId = job.ModelId, JobId = job.Id, Seed = 42, EpochMetricsJson = "[]", ValidationAccuracy = accuracy, TestAccuracy = accuracy,
                    PerClassAccuracyJson = "[0.9,0.8,0.7,0.6,0.5,0.9,0.8,0.7,0.6,0.5]", ConfusionMatrixJson = "[]",
                    ValidationCorrect = bits, TestCorrect = new byte[250], FinishedAt = now,
                });
            }

            await context.SaveChangesAsync();
            context.ChangeTracker.Clear();
        }

        // 2. Landmark distances of every model in bulk, laid out as LandmarkIndex leaves them (the first models by id
        // are the landmarks; each row holds the distances from its model to every landmark, in ordinal order), with
        // the same Core distance and the same compiled profiles. Adding one model one at a time is measured in step 5.
        var architectures = scope.ServiceProvider.GetRequiredService<StoredArchitectures>();
        var models = await context.Models.AsNoTracking().OrderBy(model => model.Id).Select(model => new { model.Id, model.CanonicalText }).ToListAsync();
        var profiles = models.Select(model => architectures.Get(model.Id, model.CanonicalText).Profile).ToArray();
        var landmarkTotal = Math.Min(landmarkCount, models.Count);
        var rows = new byte[models.Count][];
        Parallel.For(0, models.Count, index =>
        {
            var distances = new double[landmarkTotal];
            for (var landmark = 0; landmark < landmarkTotal; landmark++)
            {
                distances[landmark] = landmark == index ? 0 : StructuralDistance.Compute(profiles[index], profiles[landmark]);
            }

            rows[index] = DistanceBlobs.Pack(distances);
        });
        context.Landmarks.AddRange(models.Take(landmarkTotal).Select((model, ordinal) =>
            new LandmarkEntity { DatasetName = "fashion-mnist-sample", Ordinal = ordinal, ModelId = model.Id }));
        context.LandmarkDistances.AddRange(models.Select((model, index) =>
            new LandmarkDistancesEntity { ModelId = model.Id, Distances = rows[index], LandmarkCount = landmarkTotal }));
        await context.SaveChangesAsync();
        context.ChangeTracker.Clear();
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"stored the population and its landmark distances in {stopwatch.Elapsed.TotalSeconds:F1} s ({stopwatch.Elapsed.TotalMilliseconds / modelCount:F2} ms per model, bulk)"));
    if (storeFile is not null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(storeFile)!);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // VACUUM INTO writes a consistent copy while the server has the file open.
            await scope.ServiceProvider.GetRequiredService<RemapDbContext>().Database.ExecuteSqlAsync($"VACUUM INTO {storeFile}");
        }
    }
}
else
{
    Console.WriteLine($"reused the stored population {storeFile}");
}

// The store is complete: LandmarkIndex finds nothing to add (this checks the bulk layout matches its own).
stopwatch.Restart();
await using (var scope = app.Services.CreateAsyncScope())
{
    var updated = await scope.ServiceProvider.GetRequiredService<LandmarkIndex>().CompleteAsync("fashion-mnist-sample", CancellationToken.None);
    if (updated != 0)
    {
        throw new InvalidOperationException($"LandmarkIndex completed {updated} models after the bulk setup, which should have left none incomplete.");
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"landmark index check: {stopwatch.Elapsed.TotalMilliseconds:F0} ms, nothing missing"));

// 3. Projection fits from the cached landmark distances (the recompute a user asks for). The first fit of each view
// in this process also pays for compiling its code paths and queries. The second is what a running server does.
foreach (var round in new[] { "first", "again" })
{
    foreach (var view in new[] { ProjectionKinds.Structure, ProjectionKinds.Prediction })
    {
        stopwatch.Restart();
        var response = await client.PostAsJsonAsync("/api/v1/overview/recompute", new RecomputeProjectionRequest(view));
        response.EnsureSuccessStatusCode();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fit {view} landmark-mds ({round}): {stopwatch.Elapsed.TotalMilliseconds:F0} ms, ratio to the 2 s target {stopwatch.Elapsed.TotalMilliseconds / 2000:F2}"));
    }
}

// 4. Overview responses: the first builds the snapshot, the rest are served from the cache. Each cached request is
// paired with one to GET /api/v1/datasets (a small body, no store access), whose times show what the machine's
// load alone does to a request in the same seconds.
foreach (var query in new[] { "projection=structure", "projection=structure&maxPoints=2000", "projection=prediction&classIndex=3", "projection=accuracy-size" })
{
    stopwatch.Restart();
    var first = await client.GetAsync($"/api/v1/overview?{query}");
    first.EnsureSuccessStatusCode();
    var cold = stopwatch.Elapsed.TotalMilliseconds;
    var bytes = (await first.Content.ReadAsByteArrayAsync()).Length;
    using var compressedRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/overview?{query}");
    compressedRequest.Headers.AcceptEncoding.ParseAdd("gzip");
    using var compressed = await client.SendAsync(compressedRequest);
    var gzipBytes = (await compressed.Content.ReadAsByteArrayAsync()).Length;
    foreach (var (name, sender) in new[] { ("json", client), ("gzip", gzipClient) })
    {
        var times = new List<double>(requestCount);
        var headerTimes = new List<double>(requestCount);
        var referenceTimes = new List<double>(requestCount);
        var collections = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var index = 0; index < requestCount; index++)
        {
            stopwatch.Restart();
            using var response = await sender.GetAsync($"/api/v1/overview?{query}", HttpCompletionOption.ResponseHeadersRead);
            headerTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
            await ReadBodyAsync(response);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);

            stopwatch.Restart();
            using var reference = await sender.GetAsync("/api/v1/datasets", HttpCompletionOption.ResponseHeadersRead);
            await ReadBodyAsync(reference);
            referenceTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        var perRequest = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / requestCount / 1024.0;
        var gen2 = GC.CollectionCount(2) - collections;
        times.Sort();
        headerTimes.Sort();
        referenceTimes.Sort();
        var wireBytes = name == "gzip" ? gzipBytes : bytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overview {query} [{name}]: cold {cold:F0} ms, cached p50 {Percentile(times, 0.50):F1} ms, p99 {Percentile(times, 0.99):F1} ms, ratio p99 / 50 ms target {Percentile(times, 0.99) / 50:F2} " +
            $"({bytes / 1024} KiB JSON, {wireBytes / 1024} KiB sent)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    to the headers p50 {Percentile(headerTimes, 0.50):F1} / p99 {Percentile(headerTimes, 0.99):F1} ms; reference GET /datasets p50 {Percentile(referenceTimes, 0.50):F1} / p99 {Percentile(referenceTimes, 0.99):F1} ms; " +
            $"{perRequest:F0} KiB allocated per request pair (client and server), {gen2} gen2 collections"));
    }
}

// 5. Adding one model: compile, store, landmark distances; then the overview places it without moving the others.
var source = "model added\ndataset fashion-mnist-sample\nconv2d filters=24 kernel=5 padding=2\ngelu\nmaxpool2d size=2\nflatten\ndense units=10\n";
stopwatch.Restart();
var created = await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(source));
created.EnsureSuccessStatusCode();
var addMilliseconds = stopwatch.Elapsed.TotalMilliseconds;
stopwatch.Restart();
var placed = await client.GetAsync("/api/v1/overview?projection=structure");
placed.EnsureSuccessStatusCode();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"add one model: POST {addMilliseconds:F0} ms (landmark distances included), next overview with placement {stopwatch.Elapsed.TotalMilliseconds:F0} ms"));

await app.StopAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
Console.WriteLine($"load average at the end {LoadAverage()}");

// Reads a body into one reused buffer: a client in another process would not add its 3 MiB per response to the server's heap.
static async Task ReadBodyAsync(HttpResponseMessage response)
{
    await using var stream = await response.Content.ReadAsStreamAsync();
    while (await stream.ReadAsync(BodyBuffer.Bytes) > 0)
    {
    }
}

static double Percentile(List<double> sorted, double share) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static class BodyBuffer
{
    public static readonly byte[] Bytes = new byte[64 * 1024];
}
