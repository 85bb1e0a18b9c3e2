using System.Collections.Immutable;
using Remap.Core.Model;

namespace Remap.Core.Shapes;

/// <summary>
/// One layer's shapes and parameter count. <see cref="Output"/> is null when the layer cannot run on its input;
/// inference then goes on with the nearest shape that makes sense, so later layers still get shapes.
/// </summary>
public sealed record LayerShape(int Index, TensorShape Input, TensorShape? Output, long Parameters);

/// <summary>A problem found by shape inference. <see cref="LayerIndex"/> is -1 for the network as a whole.</summary>
public sealed record ShapeProblem(int LayerIndex, string Code, string Message);

/// <summary>The shapes of every layer, the total parameter count, and the problems that keep the network from running.</summary>
public sealed record ShapeReport(ImmutableArray<LayerShape> Layers, long TotalParameters, ImmutableArray<ShapeProblem> Problems)
{
    public bool IsValid => Problems.IsEmpty;

    /// <summary>Redundancies that do not stop the network from running, such as flatten on a flat input.</summary>
    public ImmutableArray<ShapeProblem> Warnings { get; init; } = [];

    /// <summary>The output shape of the whole network: the last layer's, or null when there are no layers or the last layer cannot run.</summary>
    public TensorShape? Output => Layers.IsEmpty ? null : Layers[^1].Output;
}
