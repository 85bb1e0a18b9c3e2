using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remap.Engine.Events;
using Remap.Engine.Jobs;
using Remap.Engine.Store;
using Remap.Engine.Worker;
using Remap.Training;
using Remap.Training.Data;

namespace Remap.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the job queue, the dataset catalog, the trainer, a start-up step that migrates the store
    /// and, unless <see cref="EngineOptions.WorkerEnabled"/> is off, the training worker. The caller
    /// registers the store's provider with AddDbContextFactory&lt;RemapDbContext&gt;.
    /// </summary>
    public static IServiceCollection AddRemapEngine(this IServiceCollection services, Action<EngineOptions> configure)
    {
        services.AddOptions<EngineOptions>().Configure(configure).Validate(
            options => options.WorkerConcurrency >= 1 && options.LeaseDuration > options.HeartbeatInterval
                && options.TorchThreads is null or >= 1 && options.WarmStartEpochFraction is > 0 and <= 1
                && options.EventRetention >= TimeSpan.FromMinutes(10)
                && options.EventPollInterval > TimeSpan.Zero && options.EventPruneInterval > TimeSpan.Zero,
            "Remap engine options are invalid: WorkerConcurrency and TorchThreads must be at least 1, LeaseDuration longer than HeartbeatInterval, " +
            "WarmStartEpochFraction more than 0 and at most 1, EventRetention at least 10 minutes, and EventPollInterval and EventPruneInterval more than 0.");

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobEventHub>();
        services.TryAddSingleton<JobEventReader>();
        services.TryAddSingleton(provider => new RunFiles(provider.GetRequiredService<IOptions<EngineOptions>>().Value.ResolveRunsDirectory()));
        services.TryAddSingleton<JobQueue>();
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EngineOptions>>().Value;
            var registrations = options.Datasets.Select(pair => new DatasetRegistration(pair.Key, pair.Value));
            return new DatasetCatalog(registrations, options.DataDirectory);
        });
        services.TryAddSingleton(provider =>
        {
            var threads = provider.GetRequiredService<IOptions<EngineOptions>>().Value.ResolveTorchThreads();
            return new Trainer(provider.GetRequiredService<ILogger<Trainer>>(), new TrainerOptions { Threads = threads });
        });
        services.TryAddSingleton<JobTrainer>();

        // Hosted services start in registration order, so the store is migrated before the worker claims.
        services.AddHostedService<StoreMigrationService>();
        services.AddHostedService<JobEventPruner>();

        // The worker switch is read at registration, so a process without a worker has no worker service at all.
        var settings = new EngineOptions();
        configure(settings);
        if (settings.WorkerEnabled)
        {
            services.AddHostedService<TrainingWorker>();
        }

        return services;
    }
}

/// <summary>Applies pending migrations and requeues jobs whose lease expired while no worker ran.</summary>
internal sealed class StoreMigrationService(IDbContextFactory<RemapDbContext> contextFactory, JobQueue queue) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await context.Database.MigrateAsync(cancellationToken);
        }

        await queue.RequeueExpiredLeasesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
