using System.Collections.Immutable;
using Remap.Core.Model;

namespace Remap.Core.Exploration;

/// <summary>The four ways a variation changes one layer of the parent.</summary>
public enum VariationAction
{
    /// <summary>Insert a new layer before the chosen layer.</summary>
    Insert,

    /// <summary>Remove the chosen layer.</summary>
    Remove,

    /// <summary>Replace the chosen layer with a layer of another kind.</summary>
    Replace,

    /// <summary>Set one parameter of the chosen layer to another allowed value.</summary>
    Reparameterise,
}

/// <summary>What a variation may do at one layer of the parent.</summary>
/// <param name="LayerIndex">The 0-based index of the layer in the parent.</param>
/// <param name="Actions">The actions allowed at this layer; null allows all four, empty freezes the layer.</param>
/// <param name="Kinds">The kinds that may be inserted before this layer or swapped in for it; null uses <see cref="VariationOptions.Kinds"/>.</param>
public sealed record LayerRestriction(int LayerIndex, ImmutableArray<VariationAction>? Actions = null, ImmutableArray<LayerKind>? Kinds = null);

/// <summary>The bounds of a set of variations.</summary>
/// <param name="Count">How many children to make.</param>
/// <param name="MaxChanges">Each child differs from the parent by 1 to this many layer changes.</param>
/// <param name="Seed">The same parent, seed and options give the same children.</param>
/// <param name="MaxParameters">The maximum trainable parameter count of each child.</param>
public sealed record VariationOptions(int Count, int MaxChanges, int Seed, long MaxParameters)
{
    /// <summary>The kinds that may be inserted or swapped in where no restriction names its own; empty allows every kind.</summary>
    public ImmutableArray<LayerKind> Kinds { get; init; } = [];

    /// <summary>Per-layer restrictions; a layer without one allows every action and <see cref="Kinds"/>.</summary>
    public ImmutableArray<LayerRestriction> Restrictions { get; init; } = [];

    /// <summary>How many candidates may be drawn per requested child before the generator stops with fewer children.</summary>
    public int AttemptsPerChild { get; init; } = 400;
}

/// <summary>A child: its architecture and its changes from the parent, as <see cref="ArchitectureDiff"/> names them.</summary>
public sealed record VariationChild(Architecture Architecture, ImmutableArray<LayerChange> Changes);

/// <summary>The children found, and how many candidates were rejected (invalid shapes, over budget, duplicates).</summary>
public sealed record VariationSet(ImmutableArray<VariationChild> Children, int RejectedCandidates);
