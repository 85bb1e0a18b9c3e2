namespace Remap.Api.Jobs;

/// <summary>
/// How to run the training a request queues; every value is optional. A derived model (an ablation or variation
/// child, or a model posted with parentId) takes repeats, patience and time budget from its parent's job, so it is
/// compared with the parent like with like. A field given here replaces just that field. Priority is never inherited.
/// </summary>
/// <param name="Priority">Higher runs first; equal priorities run in the order they were queued. From -1,000,000 to 1,000,000; default 0.</param>
/// <param name="Repeats">How many times to train the architecture, each with another seed (the model's seed, then seed + 1, …), so the spread between seeds is known. From 1 to 10; default: the parent job's for a derived model, else 1.</param>
/// <param name="WarmStart">
/// For a derived model: start from the parent's trained weights for every layer the two share (same kind and
/// parameter shapes), then train a fraction of the epochs. Default: the server's Remap:WarmStartByDefault.
/// </param>
/// <param name="Patience">Stop a repeat when validation accuracy has not improved for this many epochs (the run's stopReason is then early-stopping). From 1 to 1000; default: the parent job's for a derived model, else train every epoch.</param>
/// <param name="TimeBudgetSeconds">The training time one repeat may use, in seconds; training stops at the next batch after it (stopReason time-budget). More than 0 and at most 604,800 (one week); default: the parent job's for a derived model, else no limit.</param>
public sealed record JobOptionsRequest(
    int? Priority = null,
    int? Repeats = null,
    bool? WarmStart = null,
    int? Patience = null,
    double? TimeBudgetSeconds = null);
