namespace Remap.Api.Jobs;

/// <summary>How to run the training a request queues; every value is optional.</summary>
/// <param name="Priority">Higher runs first; equal priorities run in the order they were queued. Default 0.</param>
/// <param name="Repeats">How many times to train the architecture, each with another seed, so the spread between seeds is known.</param>
/// <param name="WarmStart">For a derived model: start from the parent's trained weights for every layer the two share.</param>
public sealed record JobOptionsRequest(int? Priority = null, int? Repeats = null, bool? WarmStart = null);
