using Remap.Engine.Store;

namespace Remap.Engine.Jobs;

/// <summary>How a job trains beyond the model's own training settings.</summary>
/// <param name="Priority">Higher runs first.</param>
/// <param name="Repeats">How many seeds to train: the model's seed, then seed + 1, and so on.</param>
/// <param name="WarmStart">Copy the parent model's trained weights into the shared layers and train fewer epochs.</param>
/// <param name="Patience">Stop a repeat after this many epochs without a validation accuracy gain; null trains every epoch.</param>
/// <param name="TimeBudgetSeconds">The training time one repeat may use; null has no limit.</param>
public sealed record JobSettings(int Priority = 0, int Repeats = 1, bool WarmStart = false, int? Patience = null, double? TimeBudgetSeconds = null)
{
    /// <summary>The most repeats one job may train.</summary>
    public const int MaxRepeats = 20;

    /// <summary>Copies the settings into a new job's columns.</summary>
    public void ApplyTo(JobEntity job)
    {
        job.Priority = Priority;
        job.Repeats = Repeats;
        job.WarmStart = WarmStart;
        job.Patience = Patience;
        job.TimeBudgetSeconds = TimeBudgetSeconds;
    }
}
