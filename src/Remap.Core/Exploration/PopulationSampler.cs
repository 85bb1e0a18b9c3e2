using System.Collections.Immutable;
using Remap.Core.Model;
using Remap.Core.Shapes;

namespace Remap.Core.Exploration;

/// <summary>The bounds of a sampled population.</summary>
/// <param name="MaxDepth">The maximum number of layers, the final dense layer included.</param>
/// <param name="MaxParameters">The maximum trainable parameter count of each architecture.</param>
/// <param name="AllowedKinds">The layer kinds the hidden layers may use; empty allows every kind. The final dense layer is always added.</param>
/// <param name="Seed">The seed of the random generator: the same seed and options give the same population.</param>
public sealed record SamplerOptions(int MaxDepth, long MaxParameters, ImmutableArray<LayerKind> AllowedKinds, int Seed)
{
    /// <summary>How many walks one architecture may take before the sampler gives up on the bounds.</summary>
    public int MaxAttempts { get; init; } = 500;
}

/// <summary>The sampled architectures, in sampling order, and how many walks were discarded for the parameter budget.</summary>
public sealed record SampledPopulation(ImmutableArray<Architecture> Architectures, int DiscardedWalks);

/// <summary>
/// Samples random sequential architectures that are valid by construction: a walk over the
/// <see cref="LayerTransitions"/> Markov chain that only takes kinds and parameters that run on the
/// current shape, closes image inputs with flatten or globalavgpool before the depth runs out, and
/// ends with <c>dense units=classes</c>. A walk over the parameter budget is drawn again.
/// </summary>
public static class PopulationSampler
{
    /// <summary>Samples <paramref name="count"/> architectures for a dataset's input and classes.</summary>
    /// <exception cref="ArgumentException">The bounds admit no architecture at all (the message names the bound to change).</exception>
    /// <exception cref="InvalidOperationException">No walk in <see cref="SamplerOptions.MaxAttempts"/> fitted the parameter budget.</exception>
    public static SampledPopulation Sample(Architecture template, int count, SamplerOptions options)
    {
        CheckBounds(template, options);
        var random = new Random(options.Seed);
        var allowed = options.AllowedKinds.IsDefaultOrEmpty ? [.. Enum.GetValues<LayerKind>()] : options.AllowedKinds.ToHashSet();
        var architectures = ImmutableArray.CreateBuilder<Architecture>(count);
        var discarded = 0;
        for (var index = 0; index < count; index++)
        {
            var attempt = 0;
            while (true)
            {
                var layers = Walk(template, options.MaxDepth, allowed, random);
                var report = ShapeInference.Infer(template.Input, template.Classes, layers);
                if (report.IsValid && report.TotalParameters <= options.MaxParameters)
                {
                    architectures.Add(template.WithLayers(layers, $"sample-{options.Seed}-{index + 1}"));
                    break;
                }

                discarded++;
                if (++attempt >= options.MaxAttempts)
                {
                    throw new InvalidOperationException(
                        $"No sampled architecture fitted within {options.MaxParameters} parameters in {options.MaxAttempts} attempts: " +
                        "raise the maximum parameter count or lower the maximum depth.");
                }
            }
        }

        return new SampledPopulation(architectures.MoveToImmutable(), discarded);
    }

    private static void CheckBounds(Architecture template, SamplerOptions options)
    {
        var minimumDepth = template.Input.IsImage ? 2 : 1;
        if (options.MaxDepth < minimumDepth)
        {
            throw new ArgumentException($"The maximum depth is {options.MaxDepth}, but an input of {template.Input} needs at least {minimumDepth} layers: raise the maximum depth.");
        }

        var closers = new[] { LayerKind.Flatten, LayerKind.GlobalAvgPool };
        if (template.Input.IsImage && !options.AllowedKinds.IsDefaultOrEmpty && !closers.Any(options.AllowedKinds.Contains))
        {
            throw new ArgumentException($"The input {template.Input} is an image, so the allowed kinds must include flatten or globalavgpool to reach the final dense layer.");
        }

        var smallest = (long)(template.Input.IsImage ? template.Input.Channels : template.Input.ElementCount) * template.Classes + template.Classes;
        if (options.MaxParameters < smallest)
        {
            throw new ArgumentException($"The maximum parameter count is {options.MaxParameters}, but even the smallest network on this input has {smallest}: raise it to at least {smallest}.");
        }
    }

    private static ImmutableArray<Layer> Walk(Architecture template, int maxDepth, IReadOnlySet<LayerKind> allowed, Random random)
    {
        var layers = ImmutableArray.CreateBuilder<Layer>();
        var shape = template.Input;
        LayerKind? previous = null;

        // One slot stays free for the final dense layer.
        while (layers.Count < maxDepth - 1)
        {
            var remaining = maxDepth - 1 - layers.Count;
            var candidates = LayerTransitions.After(previous)
                .Where(step => IsAllowed(step.Next, shape, remaining, previous, allowed))
                .ToList();
            if (candidates.Count == 0 && shape.IsImage)
            {
                // The chain has no allowed step here (say, only conv2d was allowed after conv2d): close the image.
                candidates = [.. new (LayerKind? Next, double Weight)[] { (LayerKind.Flatten, 1), (LayerKind.GlobalAvgPool, 1) }
                    .Where(step => allowed.Contains(step.Next!.Value))];
            }

            var next = Choose(candidates, random);
            if (next is not { } kind)
            {
                break;
            }

            var layer = LayerSampler.Sample(kind, shape, random);
            if (layer is null)
            {
                // No parameters of this kind run on the shape (a pooling window on a 1×1 map): close the image instead.
                layer = ParameterChoices.DefaultLayer(allowed.Contains(LayerKind.Flatten) ? LayerKind.Flatten : LayerKind.GlobalAvgPool);
            }

            layers.Add(layer);
            shape = NextShape(template, layers);
            previous = layer.Kind;
        }

        if (shape.IsImage)
        {
            // Reached only when the depth allows no more steps; the last slot is kept for a closer by IsAllowed.
            layers.Add(ParameterChoices.DefaultLayer(allowed.Contains(LayerKind.Flatten) ? LayerKind.Flatten : LayerKind.GlobalAvgPool));
        }

        layers.Add(ParameterChoices.DefaultLayer(LayerKind.Dense).With("units", template.Classes));
        return layers.ToImmutable();
    }

    private static bool IsAllowed(LayerKind? next, TensorShape shape, int remaining, LayerKind? previous, IReadOnlySet<LayerKind> allowed)
    {
        if (next is not { } kind)
        {
            return shape.IsFlat;
        }

        if (!allowed.Contains(kind) || (LayerTransitions.NeedsImage(kind) && !shape.IsImage))
        {
            return false;
        }

        // Dense hidden layers need a flat input; repeated dropout or activations only earn a warning.
        if (kind == LayerKind.Dense && !shape.IsFlat)
        {
            return false;
        }

        if (kind == previous && kind is LayerKind.Dropout or LayerKind.Relu)
        {
            return false;
        }

        // With one slot left, an image must be closed now.
        return remaining > 1 || !shape.IsImage || kind is LayerKind.Flatten or LayerKind.GlobalAvgPool;
    }

    private static LayerKind? Choose(List<(LayerKind? Next, double Weight)> candidates, Random random)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        var total = candidates.Sum(candidate => candidate.Weight);
        var point = random.NextDouble() * total;
        foreach (var (next, weight) in candidates)
        {
            point -= weight;
            if (point < 0)
            {
                return next;
            }
        }

        return candidates[^1].Next;
    }

    private static TensorShape NextShape(Architecture template, ImmutableArray<Layer>.Builder layers)
    {
        var report = ShapeInference.Infer(template.Input, template.Classes, layers);
        return report.Layers[^1].Output ?? throw new InvalidOperationException($"The sampled layer {layers[^1]} does not run on its input; this is a bug in the sampler.");
    }
}
