using CsCheck;
using Remap.Core.Projections;

namespace Remap.Core.Tests;

public class ProjectionTests
{
    /// <summary>Random points in the plane, 3 to 40 of them.</summary>
    private static readonly Gen<double[][]> PlanePoints = Gen.Double[-10, 10].Array[2].Array[3, 40];

    [Fact]
    public void ClassicalMds_RecoversKnownConfiguration()
    {
        PlanePoints.Sample(points =>
        {
            var coordinates = ClassicalMds.Project(Distances(points));
            AssertSameDistances(points, ToRows(coordinates));
        }, iter: 50);
    }

    [Fact]
    public void LandmarkMds_PlacesLandmarkWhereMdsPutIt()
    {
        PlanePoints.Sample(points =>
        {
            var distances = Distances(points);
            var basis = LandmarkMds.Fit(distances);
            var classical = ClassicalMds.Project(distances);
            for (var index = 0; index < points.Length; index++)
            {
                var placed = LandmarkMds.Place(basis, Row(distances, index));
                Assert.Equal(classical[index, 0], placed[0], 1e-6);
                Assert.Equal(classical[index, 1], placed[1], 1e-6);
            }
        }, iter: 50);
    }

    [Fact]
    public void LandmarkMds_PlacesNewPointsAtTheirDistances()
    {
        Gen.Select(PlanePoints, Gen.Double[-10, 10].Array[2].Array[1, 20]).Sample((landmarks, others) =>
        {
            // Three landmarks on a line would leave one axis without spread.
            if (Spread(landmarks) < 1)
            {
                return;
            }

            var basis = LandmarkMds.Fit(Distances(landmarks));
            var placed = others.Select(point => LandmarkMds.Place(basis, [.. landmarks.Select(landmark => Euclidean(point, landmark))])).ToArray();
            AssertSameDistances(others, placed, 1e-5);
        }, iter: 50);
    }

    [Fact]
    public void LandmarkMds_RejectsWrongDistanceCount()
    {
        var basis = LandmarkMds.Fit(Distances([[0, 0], [1, 0], [0, 1]]));

        Assert.Throws<ArgumentException>(() => LandmarkMds.Place(basis, [1.0, 2.0]));
    }

    [Fact]
    public void ClassicalMds_RejectsAsymmetricMatrix()
    {
        var distances = new double[,] { { 0, 1 }, { 2, 0 } };

        var exception = Assert.Throws<ArgumentException>(() => ClassicalMds.Project(distances));

        Assert.Contains("symmetric", exception.Message);
    }

    [Fact]
    public void Tsne_SameSeedSameLayout()
    {
        var distances = Distances(TwoClusters());

        var first = Tsne.Project(distances, new TsneOptions(3, Perplexity: 5, Iterations: 300));
        var second = Tsne.Project(distances, new TsneOptions(3, Perplexity: 5, Iterations: 300));

        Assert.Equal(ToRows(first).SelectMany(row => row), ToRows(second).SelectMany(row => row));
    }

    [Fact]
    public void Tsne_SeparatesTwoClusters()
    {
        var points = TwoClusters();

        var layout = ToRows(Tsne.Project(Distances(points), new TsneOptions(1, Perplexity: 5, Iterations: 400)));

        // Every point's nearest neighbour in the layout belongs to its own cluster (the first 15 points or the last 15).
        for (var index = 0; index < layout.Length; index++)
        {
            var nearest = Enumerable.Range(0, layout.Length).Where(other => other != index).MinBy(other => Euclidean(layout[index], layout[other]));
            Assert.Equal(index < 15, nearest < 15);
        }
    }

    private static double[][] TwoClusters()
    {
        var random = new Random(5);
        return [.. Enumerable.Range(0, 30).Select(index => new[] { (index < 15 ? 0 : 50) + random.NextDouble(), random.NextDouble() })];
    }

    private static double Spread(double[][] points)
    {
        var classical = ClassicalMds.Decompose(Distances(points), 2);
        return classical.Eigenvalues[1];
    }

    private static void AssertSameDistances(double[][] expected, double[][] actual, double tolerance = 1e-6)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            for (var j = i + 1; j < expected.Length; j++)
            {
                Assert.Equal(Euclidean(expected[i], expected[j]), Euclidean(actual[i], actual[j]), tolerance * Math.Max(1, Euclidean(expected[i], expected[j])));
            }
        }
    }

    private static double[,] Distances(double[][] points)
    {
        var distances = new double[points.Length, points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            for (var j = 0; j < points.Length; j++)
            {
                distances[i, j] = Euclidean(points[i], points[j]);
            }
        }

        return distances;
    }

    private static double[] Row(double[,] matrix, int row) => [.. Enumerable.Range(0, matrix.GetLength(1)).Select(column => matrix[row, column])];

    private static double[][] ToRows(double[,] matrix) => [.. Enumerable.Range(0, matrix.GetLength(0)).Select(row => Row(matrix, row))];

    private static double Euclidean(double[] first, double[] second) => Math.Sqrt(first.Zip(second).Sum(pair => (pair.First - pair.Second) * (pair.First - pair.Second)));
}
