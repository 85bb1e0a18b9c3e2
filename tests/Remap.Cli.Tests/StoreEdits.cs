using Microsoft.EntityFrameworkCore;
using Remap.Engine.Jobs;
using Remap.Engine.Sqlite;
using Remap.Engine.Store;

namespace Remap.Cli.Tests;

/// <summary>Writes to a test server's SQLite file what a worker would, so commands that need a trained model do not wait for TorchSharp.</summary>
internal static class StoreEdits
{
    /// <summary>
    /// Records a succeeded job with one finished run per accuracy (seeds 42, 43, …) and the model's means and
    /// standard deviations over them, the way the worker commits a job with repeats.
    /// </summary>
    public static async Task MarkTrainedAsync(string databasePath, long modelId, params double[] accuracies)
    {
        await using var context = Open(databasePath);
        var job = await LatestJobAsync(context, modelId);
        var model = await context.Models.SingleAsync(row => row.Id == modelId);
        var statistics = AccuracyStatistics.Of(accuracies);
        job.State = JobStates.Succeeded;
        job.Repeats = accuracies.Length;
        job.CompletedRepeats = accuracies.Length;
        job.FinishedAt = DateTime.UtcNow;
        model.Status = JobStates.Succeeded;
        model.ValidationAccuracy = statistics.Mean;
        model.ValidationAccuracyStd = statistics.StandardDeviation;
        model.TestAccuracyMean = statistics.Mean;
        model.TestAccuracyStd = statistics.StandardDeviation;
        model.RunCount = statistics.Count;
        for (var index = 0; index < accuracies.Length; index++)
        {
            context.Runs.Add(new RunEntity
            {
                ModelId = modelId,
                JobId = job.Id,
                Seed = 42 + index,
                EpochMetricsJson = "[]",
                ValidationAccuracy = accuracies[index],
                TestAccuracy = accuracies[index],
                PerClassAccuracyJson = "[]",
                ConfusionMatrixJson = "[]",
                ValidationCorrect = new byte[125],
                TestCorrect = new byte[250],
                FinishedAt = DateTime.UtcNow,
            });
        }

        await context.SaveChangesAsync();
    }

    /// <summary>Puts the model's latest job and the model in <paramref name="state"/> without a run, as a worker does for running or failed.</summary>
    public static async Task SetStateAsync(string databasePath, long modelId, string state)
    {
        await using var context = Open(databasePath);
        var job = await LatestJobAsync(context, modelId);
        var model = await context.Models.SingleAsync(row => row.Id == modelId);
        job.State = state;
        job.StartedAt = DateTime.UtcNow;
        job.FinishedAt = JobStates.IsFinal(state) ? DateTime.UtcNow : null;
        model.Status = state;
        await context.SaveChangesAsync();
    }

    private static RemapDbContext Open(string databasePath)
    {
        var builder = new DbContextOptionsBuilder<RemapDbContext>();
        builder.UseRemapSqlite(databasePath);
        return new RemapDbContext(builder.Options);
    }

    private static Task<JobEntity> LatestJobAsync(RemapDbContext context, long modelId) =>
        context.Jobs.Where(row => row.ModelId == modelId).OrderByDescending(row => row.Id).FirstAsync();
}
