using Microsoft.EntityFrameworkCore;
using Remap.Core.Exploration;
using Remap.Engine.Store;
using Remap.Training.Data;

namespace Remap.Api.Overview;

/// <summary>The validation correctness bitsets of a dataset's trained models.</summary>
/// <param name="Bitsets">Each trained model's latest run's bitset, by model id.</param>
/// <param name="ByFirstRun">The trained model ids in the order their first run finished, which fixes the prediction landmarks.</param>
/// <param name="SampleCount">The number of validation samples the bits stand for.</param>
public sealed record TrainedBitsets(IReadOnlyDictionary<long, byte[]> Bitsets, IReadOnlyList<long> ByFirstRun, int SampleCount);

/// <summary>Loads correctness bitsets for the prediction distance.</summary>
public sealed class PredictionBitsets(RemapDbContext context, DatasetCatalog datasets)
{
    public async Task<TrainedBitsets> LoadAsync(string dataset, CancellationToken cancellationToken)
    {
        var runs = await context.Runs
            .Where(run => context.Models.Any(model => model.Id == run.ModelId && model.DatasetName == dataset))
            .OrderBy(run => run.Id)
            .Select(run => new { run.Id, run.ModelId, run.ValidationCorrect })
            .ToListAsync(cancellationToken);
        var latest = new Dictionary<long, byte[]>();
        var order = new List<long>();
        foreach (var run in runs)
        {
            if (!latest.ContainsKey(run.ModelId))
            {
                order.Add(run.ModelId);
            }

            latest[run.ModelId] = run.ValidationCorrect;
        }

        return new TrainedBitsets(latest, order, SampleCount(dataset, latest.Values.FirstOrDefault()));
    }

    /// <summary>Returns the trained model ids in id order and their pairwise prediction distance by position.</summary>
    public async Task<(IReadOnlyList<long> ModelIds, Func<int, int, double> Distance)> PairwiseAsync(string dataset, CancellationToken cancellationToken)
    {
        var trained = await LoadAsync(dataset, cancellationToken);
        var ids = trained.Bitsets.Keys.Order().ToList();
        var rows = ids.Select(id => trained.Bitsets[id]).ToArray();
        return (ids, (row, column) => PredictionDistance.Compute(rows[row], rows[column], trained.SampleCount));
    }

    /// <summary>
    /// Returns the dataset's validation sample count: the hold-out is floor(10% of the training file), and the
    /// catalog reports the training count after it, so the file's count is recovered first. Falls back to the
    /// bitset's bit count when the dataset is no longer registered.
    /// </summary>
    private int SampleCount(string dataset, byte[]? example)
    {
        var fallback = (example?.Length ?? 0) * 8;
        if (datasets.Find(dataset) is not { } info)
        {
            return Math.Max(1, fallback);
        }

        for (var total = info.TrainCount; total <= info.TrainCount * 2 + 10; total++)
        {
            var validation = (int)(total * DatasetCatalog.ValidationShare);
            if (total - validation == info.TrainCount)
            {
                return Math.Max(1, validation);
            }
        }

        return Math.Max(1, fallback);
    }
}
