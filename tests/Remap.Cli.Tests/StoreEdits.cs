using Microsoft.EntityFrameworkCore;
using Remap.Engine.Sqlite;
using Remap.Engine.Store;

namespace Remap.Cli.Tests;

/// <summary>Writes to a test server's SQLite file what a worker would, so commands that need a trained model do not wait for TorchSharp.</summary>
internal static class StoreEdits
{
    /// <summary>Records a succeeded job and one finished run for the model, the way the worker commits them.</summary>
    public static async Task MarkTrainedAsync(string databasePath, long modelId, double accuracy)
    {
        var builder = new DbContextOptionsBuilder<RemapDbContext>();
        builder.UseRemapSqlite(databasePath);
        await using var context = new RemapDbContext(builder.Options);
        var job = await context.Jobs.Where(row => row.ModelId == modelId).OrderByDescending(row => row.Id).FirstAsync();
        var model = await context.Models.SingleAsync(row => row.Id == modelId);
        job.State = JobStates.Succeeded;
        job.FinishedAt = DateTime.UtcNow;
        model.Status = JobStates.Succeeded;
        model.ValidationAccuracy = accuracy;
        context.Runs.Add(new RunEntity
        {
            ModelId = modelId,
            JobId = job.Id,
            Seed = 42,
            EpochMetricsJson = "[]",
            ValidationAccuracy = accuracy,
            TestAccuracy = accuracy,
            PerClassAccuracyJson = "[]",
            ConfusionMatrixJson = "[]",
            ValidationCorrect = new byte[125],
            TestCorrect = new byte[250],
            FinishedAt = DateTime.UtcNow,
        });
        await context.SaveChangesAsync();
    }
}
