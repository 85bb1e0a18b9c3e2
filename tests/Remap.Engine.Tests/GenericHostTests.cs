using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Remap.Core.Language;
using Remap.Core.Model;
using Remap.Engine.Jobs;
using Remap.Engine.Sqlite;
using Remap.Engine.Store;

namespace Remap.Engine.Tests;

/// <summary>The engine in a plain generic host, without HTTP, training on the bundled sample.</summary>
public sealed class GenericHostTests : IAsyncLifetime
{
    private const string Source = """
        model host_tiny
        dataset fashion-mnist-sample
        flatten
        dense units=10
        training {
          epochs = 1
          batch_size = 128
        }
        """;

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"remap-engine-host-tests-{Guid.NewGuid():N}");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task GenericHost_TrainsQueuedJob()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDbContextFactory<RemapDbContext>(options => options.UseRemapSqlite(Path.Combine(directory, "remap.db")));
        builder.Services.AddRemapEngine(options =>
        {
            options.DataDirectory = Path.Combine(RepositoryRoot(), "data");
            options.PollInterval = TimeSpan.FromMilliseconds(100);
            options.TorchThreads = 2;
        });
        using var host = builder.Build();
        await host.StartAsync();

        var jobId = await EnqueueAsync(host.Services);
        var job = await WaitForFinalStateAsync(host.Services, jobId, TimeSpan.FromMinutes(2));
        await host.StopAsync();

        await using var context = await host.Services.GetRequiredService<IDbContextFactory<RemapDbContext>>().CreateDbContextAsync();
        var run = await context.Runs.SingleAsync(row => row.JobId == jobId);
        Assert.Equal(JobStates.Succeeded, job.State);
        Assert.InRange(run.ValidationAccuracy, 0.2, 1.0);
        Assert.NotEmpty(run.TestCorrect);
    }

    private static async Task<long> EnqueueAsync(IServiceProvider services)
    {
        var compilation = ArchitectureCompiler.Compile(Source, new CompileOptions
        {
            ResolveDataset = _ => new DatasetShape(TensorShape.Image(1, 28, 28), 10),
        });
        var architecture = compilation.Architecture!;
        await using var context = await services.GetRequiredService<IDbContextFactory<RemapDbContext>>().CreateDbContextAsync();
        var model = ModelRecords.Create(architecture, compilation.Shapes!, Source, parentId: null, changes: [], DateTime.UtcNow);
        context.Models.Add(model);
        await context.SaveChangesAsync();

        var job = await services.GetRequiredService<JobQueue>().EnqueueAsync(model.Id, architecture.Training.Epochs);
        return job.Id;
    }

    private static async Task<JobEntity> WaitForFinalStateAsync(IServiceProvider services, long jobId, TimeSpan timeout)
    {
        var factory = services.GetRequiredService<IDbContextFactory<RemapDbContext>>();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var context = await factory.CreateDbContextAsync();
            var job = await context.Jobs.AsNoTracking().SingleAsync(row => row.Id == jobId);
            if (JobStates.IsFinal(job.State) || DateTime.UtcNow > deadline)
            {
                return job;
            }

            await Task.Delay(200);
        }
    }

    private static string RepositoryRoot([CallerFilePath] string sourcePath = "")
    {
        var current = Path.GetDirectoryName(sourcePath);
        while (current is not null && !File.Exists(Path.Combine(current, "Remap.sln")))
        {
            current = Path.GetDirectoryName(current);
        }

        return current ?? throw new InvalidOperationException($"No Remap.sln above {sourcePath}; run the tests from a checkout of the repository.");
    }
}
