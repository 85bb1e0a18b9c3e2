using System.ComponentModel.DataAnnotations;
using Remap.Api.Jobs;
using Remap.Api.Models;

namespace Remap.Api.Variations;

/// <summary>A request for children of a trained model, each 1 to <c>maxChanges</c> layer changes away from it.</summary>
/// <param name="Count">Required: how many children, 1 to 50.</param>
/// <param name="MaxChanges">The most layer changes per child, 1 to 5; each child has between 1 and this many. Default 1.</param>
/// <param name="Seed">The same parent, seed and options give the same children; a random seed is chosen and returned when left out.</param>
/// <param name="MaxParameters">The most trainable parameters a child may have; 100 to 50,000,000. Default: 4 × the parent's, at least 100,000.</param>
/// <param name="Kinds">The layer kinds (keywords) that may be inserted or swapped in where no layer restriction names its own; all when left out.</param>
/// <param name="Layers">Per-layer restrictions, at most one per layer; a layer without one allows every action. Restrictions that freeze every layer are rejected with 400.</param>
/// <param name="Job">How to run the training jobs; repeats, patience and time budget default to the parent job's, and a field given here replaces just that field.</param>
public sealed record CreateVariationsRequest(
    [property: Required] int? Count,
    int? MaxChanges = null,
    int? Seed = null,
    long? MaxParameters = null,
    IReadOnlyList<string>? Kinds = null,
    IReadOnlyList<LayerRestrictionRequest>? Layers = null,
    JobOptionsRequest? Job = null);

/// <summary>What the variations may do at one layer of the parent.</summary>
/// <param name="Index">Required: the 0-based index of the layer in the parent, as the <c>index</c> of its layer table (GET /api/v1/models/{id}); index 0 is layer 1 of the change texts.</param>
/// <param name="Actions">The allowed actions among insert (a new layer before this one), remove, replace and reparameterise; all when left out, none when empty.</param>
/// <param name="Kinds">The kinds that may be inserted before this layer or swapped in for it; the request's kinds when left out.</param>
public sealed record LayerRestrictionRequest([property: Required] int? Index, IReadOnlyList<string>? Actions = null, IReadOnlyList<string>? Kinds = null);

/// <summary>One layer-level change between two architectures.</summary>
/// <param name="Kind">inserted, removed, replaced or reparameterised.</param>
/// <param name="BeforeIndex">The 0-based index in the first architecture, null for an insertion.</param>
/// <param name="AfterIndex">The 0-based index in the second architecture, null for a removal.</param>
/// <param name="Before">The old layer in canonical syntax.</param>
/// <param name="After">The new layer in canonical syntax.</param>
/// <param name="Description">The change in plain words; "layer N" counts from 1 (layer 1 has index 0) in the numbering of the first architecture.</param>
public sealed record LayerChangeResponse(
    string Kind,
    int? BeforeIndex,
    int? AfterIndex,
    string? Before,
    string? After,
    IReadOnlyDictionary<string, double>? BeforeParameters,
    IReadOnlyDictionary<string, double>? AfterParameters,
    string Description);

/// <summary>One child of a variation request.</summary>
/// <param name="Reused">True when a queued, running or trained model with the same architecture, dataset and training settings already existed.</param>
public sealed record VariationChildResponse(string Layers, IReadOnlyList<LayerChangeResponse> Changes, bool Reused, ModelSummary Model, JobResponse? Job);

/// <summary>The children made for a parent.</summary>
/// <param name="RejectedCandidates">Candidates drawn and dropped because their shapes failed, they exceeded the budget or repeated the parent or a sibling.</param>
/// <param name="Shortfall">Why fewer children than requested were made, or null.</param>
public sealed record VariationsResponse(
    long ParentId, int Seed, int Requested, int RejectedCandidates, string? Shortfall, IReadOnlyList<VariationChildResponse> Children);
