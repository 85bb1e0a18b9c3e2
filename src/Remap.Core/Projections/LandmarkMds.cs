using System.Collections.Immutable;

namespace Remap.Core.Projections;

/// <summary>
/// What landmark MDS keeps after fitting the landmarks: the pseudo-inverse of the landmark
/// coordinates (one row per axis: eigenvector / √eigenvalue) and each landmark's mean squared
/// distance to the landmarks. <see cref="LandmarkMds.Place"/> needs nothing else, so a new model is
/// placed from its distances to the landmarks alone and the other points do not move.
/// </summary>
/// <param name="PseudoInverse">Axis-major: entry [axis × landmark count + landmark].</param>
public sealed record LandmarkBasis(int LandmarkCount, int Dimensions, ImmutableArray<double> PseudoInverse, ImmutableArray<double> MeanSquaredDistances);

/// <summary>
/// Landmark MDS (de Silva and Tenenbaum, "Sparse multidimensional scaling using landmark points",
/// 2004): classical MDS on the distances among a few hundred landmarks, then every point, landmark or
/// not, placed by distance-based triangulation x = −½ L♯ (δ² − δ̄²), where δ² are its squared distances
/// to the landmarks and δ̄² the landmarks' mean squared distances. A landmark placed this way lands
/// where classical MDS put it.
/// </summary>
public static class LandmarkMds
{
    /// <summary>Fits the basis on the landmark-to-landmark distance matrix.</summary>
    public static LandmarkBasis Fit(double[,] landmarkDistances, int dimensions = 2)
    {
        var count = landmarkDistances.GetLength(0);
        var (eigenvalues, eigenvectors) = ClassicalMds.Decompose(landmarkDistances, dimensions);
        var pseudoInverse = new double[dimensions * count];
        for (var axis = 0; axis < dimensions; axis++)
        {
            // An axis with no positive eigenvalue carries no spread; its coordinate stays 0.
            var scale = eigenvalues[axis] > 1e-12 ? 1 / Math.Sqrt(eigenvalues[axis]) : 0;
            for (var landmark = 0; landmark < count; landmark++)
            {
                pseudoInverse[axis * count + landmark] = eigenvectors[landmark, axis] * scale;
            }
        }

        var means = new double[count];
        for (var column = 0; column < count; column++)
        {
            for (var row = 0; row < count; row++)
            {
                means[column] += landmarkDistances[row, column] * landmarkDistances[row, column] / count;
            }
        }

        return new LandmarkBasis(count, dimensions, [.. pseudoInverse], [.. means]);
    }

    /// <summary>Returns the coordinates of a point from its distances to the basis's landmarks, in landmark order.</summary>
    /// <exception cref="ArgumentException">The number of distances differs from the landmark count.</exception>
    public static double[] Place(LandmarkBasis basis, ReadOnlySpan<double> distancesToLandmarks)
    {
        if (distancesToLandmarks.Length != basis.LandmarkCount)
        {
            throw new ArgumentException(
                $"The point has {distancesToLandmarks.Length} landmark distances, but the basis has {basis.LandmarkCount} landmarks: compute the missing distances or recompute the basis.",
                nameof(distancesToLandmarks));
        }

        var coordinates = new double[basis.Dimensions];
        for (var axis = 0; axis < basis.Dimensions; axis++)
        {
            var sum = 0.0;
            for (var landmark = 0; landmark < basis.LandmarkCount; landmark++)
            {
                var squared = distancesToLandmarks[landmark] * distancesToLandmarks[landmark];
                sum += basis.PseudoInverse[axis * basis.LandmarkCount + landmark] * (squared - basis.MeanSquaredDistances[landmark]);
            }

            coordinates[axis] = -0.5 * sum;
        }

        return coordinates;
    }
}
