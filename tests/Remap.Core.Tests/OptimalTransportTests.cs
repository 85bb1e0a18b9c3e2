using CsCheck;
using Remap.Core.Exploration;

namespace Remap.Core.Tests;

public class OptimalTransportTests
{
    [Fact]
    public void Transport_UnitMassesMatchBestAssignment()
    {
        // With one unit on every node, the optimal plan is a permutation, so brute force over permutations checks the solver.
        Gen.Int[2, 5].SelectMany(size => Gen.Double[0, 10].Array[size * size].Select(values => (size, values))).Sample(problem =>
        {
            var (size, values) = problem;
            var cost = new double[size, size];
            for (var index = 0; index < values.Length; index++)
            {
                cost[index / size, index % size] = values[index];
            }

            var ones = Enumerable.Repeat(1.0, size).ToArray();
            var best = Permutations(Enumerable.Range(0, size).ToList()).Min(permutation => permutation.Select((column, row) => cost[row, column]).Sum());
            Assert.Equal(best, OptimalTransport.Solve(ones, ones, cost), 1e-9);
        }, iter: 200);
    }

    [Fact]
    public void Transport_SplitsMassAcrossSinks()
    {
        // Two units from one source: one to the cheap sink (capacity 1), the other to the dear one.
        var cost = new double[,] { { 1, 5 } };

        Assert.Equal(6, OptimalTransport.Solve([2], [1, 1], cost), 1e-12);
    }

    private static IEnumerable<List<int>> Permutations(List<int> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        foreach (var item in items)
        {
            foreach (var rest in Permutations([.. items.Where(other => other != item)]))
            {
                yield return [item, .. rest];
            }
        }
    }
}
