using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Remap.Core.Model;
using Remap.Core.Shapes;
using Remap.Engine;
using Remap.Engine.Jobs;
using Remap.Engine.Sqlite;
using Remap.Engine.Store;

namespace Remap.Bench.Trainer;

/// <summary>The real job engine (SQLite store, queue, worker) in this process, on a temporary database.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost host;
    private readonly string folder;

    private EngineHost(IHost host, string folder)
    {
        this.host = host;
        this.folder = folder;
    }

    public JobQueue Queue => host.Services.GetRequiredService<JobQueue>();

    public static async Task<EngineHost> StartAsync(int concurrency, int threads)
    {
        var folder = Directory.CreateTempSubdirectory("remap-bench-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContextFactory<RemapDbContext>(options => options.UseRemapSqlite(Path.Combine(folder, "remap.db")));
        builder.Services.AddRemapEngine(options =>
        {
            options.WorkerConcurrency = concurrency;
            options.TorchThreads = threads;
            options.RunsDirectory = Path.Combine(folder, "runs");
            options.PollInterval = TimeSpan.FromMilliseconds(50);
            options.DataDirectory = Path.Combine(RepositoryRoot(), "data");
        });
        var host = builder.Build();
        await host.StartAsync();
        return new EngineHost(host, folder);
    }

    /// <summary>Stores the model and queues its job; returns the job id.</summary>
    public async Task<long> EnqueueAsync(Architecture architecture, JobSettings? settings = null)
    {
        var shapes = ShapeInference.Infer(architecture.Input, architecture.Classes, architecture.Layers);
        var factory = host.Services.GetRequiredService<IDbContextFactory<RemapDbContext>>();
        await using var context = await factory.CreateDbContextAsync();
        var model = ModelRecords.Create(architecture, shapes, ArchitectureWriter.Write(architecture), null, [], DateTime.UtcNow);
        context.Models.Add(model);
        await context.SaveChangesAsync();
        var job = await Queue.EnqueueAsync(model.Id, architecture.Training.Epochs, settings ?? new JobSettings());
        return job.Id;
    }

    /// <summary>Waits until every job is final and returns them with their runs.</summary>
    public async Task<List<(JobEntity Job, RunEntity? Run)>> WaitAsync(IReadOnlyCollection<long> jobIds, TimeSpan timeout)
    {
        var factory = host.Services.GetRequiredService<IDbContextFactory<RemapDbContext>>();
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            await using var context = await factory.CreateDbContextAsync();
            var jobs = await context.Jobs.AsNoTracking().Where(job => jobIds.Contains(job.Id)).ToListAsync();
            if (jobs.All(job => JobStates.IsFinal(job.State)))
            {
                var runs = await context.Runs.AsNoTracking().Where(run => jobIds.Contains(run.JobId)).ToListAsync();
                return [.. jobs.Select(job => (job, runs.FirstOrDefault(run => run.JobId == job.Id)))];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Jobs {string.Join(", ", jobIds)} did not finish within {timeout}.");
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    public static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
