using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Remap.Core.Projections;

/// <summary>
/// Classical (Torgerson) multidimensional scaling of a precomputed distance matrix: double-centre the
/// squared distances, B = −½ J D² J, and take the leading eigenvectors scaled by the square roots of
/// their eigenvalues. Distances go in as a matrix, never as feature rows. Euclidean distances are
/// recovered exactly up to rotation, reflection and translation.
/// </summary>
public static class ClassicalMds
{
    /// <summary>Returns n × <paramref name="dimensions"/> coordinates; an eigenvalue at or below 0 gives a column of zeros.</summary>
    /// <exception cref="ArgumentException">The matrix is not square, not symmetric, or has a negative or non-finite entry.</exception>
    public static double[,] Project(double[,] distances, int dimensions = 2)
    {
        var (eigenvalues, eigenvectors) = Decompose(distances, dimensions);
        var count = distances.GetLength(0);
        var coordinates = new double[count, dimensions];
        for (var axis = 0; axis < eigenvalues.Length; axis++)
        {
            var scale = Math.Sqrt(Math.Max(0, eigenvalues[axis]));
            for (var row = 0; row < count; row++)
            {
                coordinates[row, axis] = eigenvectors[row, axis] * scale;
            }
        }

        return coordinates;
    }

    /// <summary>
    /// Returns the <paramref name="dimensions"/> largest eigenvalues of the double-centred squared
    /// distances, in descending order, with unit eigenvectors as columns. Each eigenvector's sign is
    /// fixed so its largest-magnitude entry is positive, which makes the result deterministic.
    /// </summary>
    public static (double[] Eigenvalues, double[,] Eigenvectors) Decompose(double[,] distances, int dimensions)
    {
        Check(distances);
        var count = distances.GetLength(0);
        if (count == 0)
        {
            // No points: no axis carries spread, and the eigen solver rejects an empty matrix.
            return (new double[dimensions], new double[0, dimensions]);
        }

        var centred = DoubleCentre(distances);
        var evd = Matrix<double>.Build.DenseOfArray(centred).Evd(Symmetricity.Symmetric);

        var order = Enumerable.Range(0, count).OrderByDescending(index => evd.EigenValues[index].Real).ThenBy(index => index).ToArray();
        var axes = Math.Min(dimensions, count);
        var eigenvalues = new double[dimensions];
        var eigenvectors = new double[count, dimensions];
        for (var axis = 0; axis < axes; axis++)
        {
            var source = order[axis];
            eigenvalues[axis] = evd.EigenValues[source].Real;
            var largest = 0;
            for (var row = 1; row < count; row++)
            {
                if (Math.Abs(evd.EigenVectors[row, source]) > Math.Abs(evd.EigenVectors[largest, source]) + 1e-12)
                {
                    largest = row;
                }
            }

            var sign = evd.EigenVectors[largest, source] < 0 ? -1.0 : 1.0;
            for (var row = 0; row < count; row++)
            {
                eigenvectors[row, axis] = sign * evd.EigenVectors[row, source];
            }
        }

        return (eigenvalues, eigenvectors);
    }

    /// <summary>Returns −½ J D² J, where J = I − 11ᵀ/n centres rows and columns.</summary>
    public static double[,] DoubleCentre(double[,] distances)
    {
        var count = distances.GetLength(0);
        var squared = new double[count, count];
        var rowMeans = new double[count];
        var grandMean = 0.0;
        for (var row = 0; row < count; row++)
        {
            for (var column = 0; column < count; column++)
            {
                var value = distances[row, column] * distances[row, column];
                squared[row, column] = value;
                rowMeans[row] += value / count;
            }

            grandMean += rowMeans[row] / count;
        }

        // The matrix is symmetric, so column means equal row means.
        var centred = new double[count, count];
        for (var row = 0; row < count; row++)
        {
            for (var column = 0; column < count; column++)
            {
                centred[row, column] = -0.5 * (squared[row, column] - rowMeans[row] - rowMeans[column] + grandMean);
            }
        }

        return centred;
    }

    internal static void Check(double[,] distances)
    {
        var count = distances.GetLength(0);
        if (distances.GetLength(1) != count)
        {
            throw new ArgumentException($"The distance matrix is {count}×{distances.GetLength(1)}; it must be square.", nameof(distances));
        }

        for (var row = 0; row < count; row++)
        {
            for (var column = 0; column < count; column++)
            {
                var value = distances[row, column];
                if (!double.IsFinite(value) || value < 0)
                {
                    throw new ArgumentException($"Distance [{row}, {column}] is {value}; every distance must be finite and at least 0.", nameof(distances));
                }

                if (Math.Abs(value - distances[column, row]) > 1e-9 * Math.Max(1, Math.Abs(value)))
                {
                    throw new ArgumentException($"Distances [{row}, {column}] = {value} and [{column}, {row}] = {distances[column, row]} differ; the matrix must be symmetric.", nameof(distances));
                }
            }
        }
    }
}
