using System.ComponentModel.DataAnnotations;
using Remap.Api.Jobs;
using Remap.Api.Models;

namespace Remap.Api.Populations;

/// <summary>A request to sample random architectures for a dataset and queue their training.</summary>
/// <param name="Dataset">Required: a name from GET /api/v1/datasets; it fixes the input shape and the class count.</param>
/// <param name="Count">Required: how many architectures to sample, 1 to 200.</param>
/// <param name="MaxDepth">The maximum layers per architecture, the final dense layer included; 2 to 30, default 10.</param>
/// <param name="MaxParameters">The maximum trainable parameters per architecture; 100 to 50,000,000, default 1,000,000.</param>
/// <param name="AllowedKinds">The layer kinds the hidden layers may use (keywords such as conv2d or relu); all when left out. Image inputs need flatten or globalavgpool among them.</param>
/// <param name="Seed">The sampler's seed; the same seed and bounds sample the same architectures. A random seed is chosen and returned when left out.</param>
/// <param name="Training">Replaces single values of the default training settings.</param>
/// <param name="Job">How to run the training jobs.</param>
public sealed record CreatePopulationRequest(
    [property: Required] string Dataset,
    [property: Required] int? Count,
    int? MaxDepth = null,
    long? MaxParameters = null,
    IReadOnlyList<string>? AllowedKinds = null,
    int? Seed = null,
    TrainingOverrides? Training = null,
    JobOptionsRequest? Job = null);

/// <summary>One sampled architecture.</summary>
/// <param name="Index">The 0-based position in the sample.</param>
/// <param name="Layers">The layers' short form.</param>
/// <param name="Reused">True when a queued, running or trained model with the same architecture, dataset and training settings already existed.</param>
/// <param name="DuplicateOf">The index of an earlier member with the same architecture hash; that member's model is trained once for both.</param>
public sealed record PopulationMemberResponse(int Index, string Layers, bool Reused, int? DuplicateOf, ModelSummary Model, JobResponse? Job);

/// <summary>The sampled population.</summary>
/// <param name="Queued">New models queued for training.</param>
/// <param name="Duplicates">Members that repeat an earlier member's architecture.</param>
/// <param name="DiscardedWalks">Sampler walks drawn again because they exceeded the parameter budget.</param>
public sealed record PopulationResponse(
    string Dataset, int Seed, int Requested, int Queued, int Reused, int Duplicates, int DiscardedWalks, IReadOnlyList<PopulationMemberResponse> Members);
