namespace Remap.Core.Exploration;

/// <summary>
/// Solves the balanced transportation problem exactly: move the supplies to the demands (equal
/// totals) at the least total cost. Successive shortest paths with Dijkstra on reduced costs; each
/// augmentation empties a supply, fills a demand or cancels a reverse flow, so small problems (a few
/// dozen nodes a side) take microseconds.
/// </summary>
public static class OptimalTransport
{
    private const double Epsilon = 1e-12;

    /// <summary>Returns the least total cost; <paramref name="cost"/> is supplies × demands with non-negative entries.</summary>
    public static double Solve(double[] supply, double[] demand, double[,] cost)
    {
        var sources = supply.Length;
        var sinks = demand.Length;
        var remainingSupply = (double[])supply.Clone();
        var remainingDemand = (double[])demand.Clone();
        var flow = new double[sources, sinks];
        var sourcePotential = new double[sources];
        var sinkPotential = new double[sinks];
        var sourceDistance = new double[sources];
        var sinkDistance = new double[sinks];
        var sinkParent = new int[sinks];
        var sourceParent = new int[sources];
        var sourceDone = new bool[sources];
        var sinkDone = new bool[sinks];
        var scale = Math.Max(supply.Sum(), 1e-300);

        for (var iteration = 0; iteration < 8 * (sources + sinks) * (sources + sinks) + 64; iteration++)
        {
            if (remainingSupply.All(value => value <= Epsilon * scale))
            {
                break;
            }

            // Dijkstra from every source with supply left, over forward edges (cost − potentials) and reverse edges of positive flow.
            Array.Fill(sourceDistance, double.PositiveInfinity);
            Array.Fill(sinkDistance, double.PositiveInfinity);
            Array.Fill(sourceDone, false);
            Array.Fill(sinkDone, false);
            Array.Fill(sourceParent, -1);
            for (var i = 0; i < sources; i++)
            {
                if (remainingSupply[i] > Epsilon * scale)
                {
                    sourceDistance[i] = 0;
                }
            }

            while (true)
            {
                var (bestIsSource, bestIndex, bestDistance) = (false, -1, double.PositiveInfinity);
                for (var i = 0; i < sources; i++)
                {
                    if (!sourceDone[i] && sourceDistance[i] < bestDistance)
                    {
                        (bestIsSource, bestIndex, bestDistance) = (true, i, sourceDistance[i]);
                    }
                }

                for (var j = 0; j < sinks; j++)
                {
                    if (!sinkDone[j] && sinkDistance[j] < bestDistance)
                    {
                        (bestIsSource, bestIndex, bestDistance) = (false, j, sinkDistance[j]);
                    }
                }

                if (bestIndex < 0)
                {
                    break;
                }

                if (bestIsSource)
                {
                    sourceDone[bestIndex] = true;
                    for (var j = 0; j < sinks; j++)
                    {
                        var reduced = Math.Max(0, cost[bestIndex, j] - sourcePotential[bestIndex] + sinkPotential[j]);
                        if (!sinkDone[j] && bestDistance + reduced < sinkDistance[j])
                        {
                            sinkDistance[j] = bestDistance + reduced;
                            sinkParent[j] = bestIndex;
                        }
                    }
                }
                else
                {
                    sinkDone[bestIndex] = true;
                    for (var i = 0; i < sources; i++)
                    {
                        if (flow[i, bestIndex] <= Epsilon * scale || sourceDone[i])
                        {
                            continue;
                        }

                        var reduced = Math.Max(0, -cost[i, bestIndex] + sourcePotential[i] - sinkPotential[bestIndex]);
                        if (bestDistance + reduced < sourceDistance[i])
                        {
                            sourceDistance[i] = bestDistance + reduced;
                            sourceParent[i] = bestIndex;
                        }
                    }
                }
            }

            // The nearest sink that still has demand closes the augmenting path.
            var target = -1;
            for (var j = 0; j < sinks; j++)
            {
                if (remainingDemand[j] > Epsilon * scale && (target < 0 || sinkDistance[j] < sinkDistance[target]))
                {
                    target = j;
                }
            }

            if (target < 0 || double.IsPositiveInfinity(sinkDistance[target]))
            {
                break;
            }

            for (var i = 0; i < sources; i++)
            {
                sourcePotential[i] -= double.IsPositiveInfinity(sourceDistance[i]) ? sinkDistance[target] : Math.Min(sourceDistance[i], sinkDistance[target]);
            }

            for (var j = 0; j < sinks; j++)
            {
                sinkPotential[j] -= double.IsPositiveInfinity(sinkDistance[j]) ? sinkDistance[target] : Math.Min(sinkDistance[j], sinkDistance[target]);
            }

            // Walk back to the source to find the bottleneck, then push it.
            var amount = remainingDemand[target];
            var sink = target;
            while (true)
            {
                var source = sinkParent[sink];
                if (sourceParent[source] < 0)
                {
                    amount = Math.Min(amount, remainingSupply[source]);
                    break;
                }

                amount = Math.Min(amount, flow[source, sourceParent[source]]);
                sink = sourceParent[source];
            }

            sink = target;
            while (true)
            {
                var source = sinkParent[sink];
                flow[source, sink] += amount;
                if (sourceParent[source] < 0)
                {
                    remainingSupply[source] -= amount;
                    break;
                }

                flow[source, sourceParent[source]] -= amount;
                sink = sourceParent[source];
            }

            remainingDemand[target] -= amount;
        }

        var total = 0.0;
        for (var i = 0; i < sources; i++)
        {
            for (var j = 0; j < sinks; j++)
            {
                total += flow[i, j] * cost[i, j];
            }
        }

        return total;
    }
}
