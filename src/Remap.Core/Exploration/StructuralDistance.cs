using Remap.Core.Model;

namespace Remap.Core.Exploration;

/// <summary>
/// A structural distance between sequential architectures in the spirit of OTMANN (Kandasamy et al.,
/// "Neural Architecture Search with Bayesian Optimisation and Optimal Transport", NeurIPS 2018).
/// Each layer carries a mass, and an optimal-transport plan moves one network's mass onto the other's.
/// Per unit of mass, the plan pays a label-mismatch cost (layer kinds and their parameters) and a
/// structural cost (how far apart the two layers sit from the input and from the output). Mass left
/// unmatched on either side pays a fixed non-assignment cost.
/// </summary>
/// <remarks>
/// Because the per-unit cost between two layers is a metric on (kind, parameters, position) and the
/// non-assignment cost is a positive constant, the result is a pseudo-distance: d(x, x) = 0, it is
/// symmetric, it meets the triangle inequality (plans compose), and it is 0 only when both networks
/// have the same layers in the same order. Input shape and class count are not compared: distances
/// are meant between models of one dataset.
/// </remarks>
public static class StructuralDistance
{
    /// <summary>The cost of one unit of layer mass that the plan leaves unmatched.</summary>
    public const double NonAssignmentCost = 1.0;

    /// <summary>The structural cost per layer of difference in distance from the input and from the output, averaged.</summary>
    public const double PositionCost = 0.1;

    /// <summary>The label-mismatch cost between layer kinds of different groups (convolution, pooling, activation, …).</summary>
    public const double GroupMismatchCost = 1.0;

    /// <summary>The label-mismatch cost between different kinds of one group, such as relu and tanh or max and average pooling.</summary>
    public const double KindMismatchCost = 0.2;

    /// <summary>Returns the distance between two architectures.</summary>
    public static double Compute(Architecture first, Architecture second) =>
        Compute(LayerProfile.Of(first), LayerProfile.Of(second));

    /// <summary>Returns the distance between two profiles; reuse profiles when one architecture is compared with many.</summary>
    public static double Compute(LayerProfile first, LayerProfile second)
    {
        var firstCount = first.Masses.Length;
        var secondCount = second.Masses.Length;

        // Each side gets one extra node holding the other side's total mass; mass sent to it is unmatched.
        var supply = new double[firstCount + 1];
        var demand = new double[secondCount + 1];
        first.Masses.CopyTo(supply, 0);
        second.Masses.CopyTo(demand, 0);
        supply[firstCount] = second.TotalMass;
        demand[secondCount] = first.TotalMass;

        var cost = new double[firstCount + 1, secondCount + 1];
        for (var i = 0; i < firstCount; i++)
        {
            for (var j = 0; j < secondCount; j++)
            {
                cost[i, j] = LabelCost(first.Features[i], second.Features[j])
                    + PositionCost * 0.5 * (Math.Abs(first.FromInput[i] - second.FromInput[j]) + Math.Abs(first.ToOutput[i] - second.ToOutput[j]));
            }

            cost[i, secondCount] = NonAssignmentCost;
        }

        for (var j = 0; j < secondCount; j++)
        {
            cost[firstCount, j] = NonAssignmentCost;
        }

        return OptimalTransport.Solve(supply, demand, cost);
    }

    /// <summary>Returns the label-mismatch cost of one unit of mass: the kind table plus a weighted L1 distance of the parameters.</summary>
    public static double LabelCost(LayerFeatures first, LayerFeatures second)
    {
        var kindCost = first.Kind == second.Kind ? 0
            : KindGroup(first.Kind) == KindGroup(second.Kind) ? KindMismatchCost
            : GroupMismatchCost;
        var parameterCost = 0.0;
        for (var index = 0; index < LayerFeatures.ParameterWeights.Length; index++)
        {
            parameterCost += LayerFeatures.ParameterWeights[index] * Math.Abs(first.Parameters[index] - second.Parameters[index]);
        }

        return kindCost + parameterCost;
    }

    private static int KindGroup(LayerKind kind) => kind switch
    {
        LayerKind.Conv2d => 0,
        LayerKind.MaxPool2d or LayerKind.AvgPool2d => 1,
        LayerKind.Relu or LayerKind.Tanh or LayerKind.Sigmoid or LayerKind.LeakyRelu or LayerKind.Gelu => 2,
        LayerKind.BatchNorm2d => 3,
        LayerKind.Dropout => 4,
        LayerKind.Dense => 5,
        LayerKind.Flatten or LayerKind.GlobalAvgPool => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "The layer kind has no group in the structural distance; add it to KindGroup."),
    };
}
