using System.Collections.Immutable;
using Remap.Core.Model;
using Remap.Core.Shapes;

namespace Remap.Core.Exploration;

/// <summary>
/// Derives children from a parent by 1 to K random layer changes (insert, remove, replace,
/// re-parameterise), honouring each layer's restriction exactly. Every candidate is shape-checked
/// and budget-checked; a child never duplicates its parent or a sibling (same architecture hash).
/// The final dense layer, which maps to the classes, is never removed, replaced or re-parameterised.
/// </summary>
public static class VariationGenerator
{
    /// <exception cref="ArgumentException">A restriction names a layer the parent does not have, or names a layer twice.</exception>
    public static VariationSet Generate(Architecture parent, VariationOptions options)
    {
        var restrictions = IndexRestrictions(parent, options);
        var random = new Random(options.Seed);
        var seen = new HashSet<string> { ArchitectureHash.Compute(parent) };
        var children = ImmutableArray.CreateBuilder<VariationChild>(options.Count);
        var rejected = 0;
        var attempts = 0;
        while (children.Count < options.Count && attempts < options.AttemptsPerChild * options.Count)
        {
            attempts++;
            var candidate = Candidate(parent, options, restrictions, random);
            if (candidate is not { } candidateLayers)
            {
                rejected++;
                continue;
            }

            var report = ShapeInference.Infer(parent.Input, parent.Classes, candidateLayers);
            var child = parent.WithLayers(candidateLayers, $"{parent.Name}-variation-{options.Seed}-{children.Count + 1}");
            if (!report.IsValid || report.TotalParameters > options.MaxParameters || !seen.Add(ArchitectureHash.Compute(child)))
            {
                rejected++;
                continue;
            }

            // The diff may name the edits differently (a removal and an insertion can read as one replacement), so its count is the one checked.
            var difference = ArchitectureDiff.Compare(parent, child);
            if (difference.Changes.Length < 1 || difference.Changes.Length > options.MaxChanges)
            {
                rejected++;
                continue;
            }

            children.Add(new VariationChild(child, difference.Changes));
        }

        return new VariationSet(children.ToImmutable(), rejected);
    }

    /// <summary>Returns each parent layer's allowed actions and kinds, the final dense layer limited to insertions before it.</summary>
    public static ImmutableArray<(ImmutableArray<VariationAction> Actions, ImmutableArray<LayerKind> Kinds)> IndexRestrictions(Architecture parent, VariationOptions options)
    {
        var defaultKinds = options.Kinds.IsDefaultOrEmpty ? [.. Enum.GetValues<LayerKind>()] : options.Kinds;
        var allActions = Enum.GetValues<VariationAction>().ToImmutableArray();
        var result = Enumerable.Range(0, parent.Layers.Length).Select(_ => (allActions, defaultKinds)).ToArray();
        var named = new HashSet<int>();
        foreach (var restriction in options.Restrictions)
        {
            if (restriction.LayerIndex < 0 || restriction.LayerIndex >= parent.Layers.Length)
            {
                throw new ArgumentException(
                    $"A restriction names index {restriction.LayerIndex} (layer {restriction.LayerIndex + 1}), but the parent has {parent.Layers.Length} layers, indexes 0 to {parent.Layers.Length - 1}: use the 0-based index of an existing layer (index 0 is layer 1).");
            }

            if (!named.Add(restriction.LayerIndex))
            {
                throw new ArgumentException($"Index {restriction.LayerIndex} (layer {restriction.LayerIndex + 1}) has two restrictions: merge them into one.");
            }

            result[restriction.LayerIndex] = (restriction.Actions ?? allActions, restriction.Kinds ?? defaultKinds);
        }

        if (parent.Layers.Length > 0 && parent.Layers[^1].Kind == LayerKind.Dense)
        {
            var (actions, kinds) = result[^1];
            result[^1] = ([.. actions.Where(action => action == VariationAction.Insert)], kinds);
        }

        return [.. result];
    }

    private static ImmutableArray<Layer>? Candidate(
        Architecture parent,
        VariationOptions options,
        ImmutableArray<(ImmutableArray<VariationAction> Actions, ImmutableArray<LayerKind> Kinds)> restrictions,
        Random random)
    {
        var moves = new List<(int Index, VariationAction Action)>();
        for (var index = 0; index < parent.Layers.Length; index++)
        {
            var layer = parent.Layers[index];
            var (actions, kinds) = restrictions[index];
            foreach (var action in actions)
            {
                var possible = action switch
                {
                    VariationAction.Insert => !kinds.IsEmpty,
                    VariationAction.Replace => kinds.Any(kind => kind != layer.Kind),
                    VariationAction.Reparameterise => layer.Parameters.Any(parameter => !LayerSampler.OtherValues(layer, parameter.Name).IsEmpty),
                    _ => true,
                };
                if (possible)
                {
                    moves.Add((index, action));
                }
            }
        }

        if (moves.Count == 0)
        {
            return null;
        }

        // Pick distinct moves; a layer takes at most one insertion before it and one change of its own.
        var changeCount = random.Next(1, options.MaxChanges + 1);
        var chosen = new Dictionary<int, (bool Insert, VariationAction? Own)>();
        foreach (var (index, action) in moves.OrderBy(_ => random.Next()).ToList())
        {
            if (chosen.Values.Sum(entry => (entry.Insert ? 1 : 0) + (entry.Own is null ? 0 : 1)) >= changeCount)
            {
                break;
            }

            var entry = chosen.GetValueOrDefault(index);
            if (action == VariationAction.Insert && !entry.Insert)
            {
                chosen[index] = entry with { Insert = true };
            }
            else if (action != VariationAction.Insert && entry.Own is null)
            {
                chosen[index] = entry with { Own = action };
            }
        }

        return Apply(parent, restrictions, chosen, random);
    }

    private static ImmutableArray<Layer>? Apply(
        Architecture parent,
        ImmutableArray<(ImmutableArray<VariationAction> Actions, ImmutableArray<LayerKind> Kinds)> restrictions,
        Dictionary<int, (bool Insert, VariationAction? Own)> chosen,
        Random random)
    {
        var layers = ImmutableArray.CreateBuilder<Layer>();
        var shape = parent.Input;
        for (var index = 0; index < parent.Layers.Length; index++)
        {
            var layer = parent.Layers[index];
            var kinds = restrictions[index].Kinds;
            var (insert, own) = chosen.GetValueOrDefault(index);
            if (insert)
            {
                var fitting = kinds.Where(kind => LayerSampler.Fits(kind, shape)).ToArray();
                var inserted = fitting.Length == 0 ? null : LayerSampler.Sample(fitting[random.Next(fitting.Length)], shape, random);
                if (inserted is null)
                {
                    return null;
                }

                layers.Add(inserted);
                shape = OutputShape(parent, layers) ?? shape;
            }

            Layer? result = own switch
            {
                VariationAction.Remove => null,
                VariationAction.Replace => Replacement(layer, kinds, shape, random),
                VariationAction.Reparameterise => Reparameterised(layer, random),
                _ => layer,
            };
            if (own == VariationAction.Replace && result is null)
            {
                return null;
            }

            if (result is not null)
            {
                layers.Add(result);
                shape = OutputShape(parent, layers) ?? shape;
            }
        }

        return layers.ToImmutable();
    }

    private static Layer? Replacement(Layer layer, ImmutableArray<LayerKind> kinds, TensorShape shape, Random random)
    {
        var others = kinds.Where(kind => kind != layer.Kind && LayerSampler.Fits(kind, shape)).ToArray();
        return others.Length == 0 ? null : LayerSampler.Sample(others[random.Next(others.Length)], shape, random);
    }

    private static Layer Reparameterised(Layer layer, Random random)
    {
        var parameters = layer.Parameters.Where(parameter => !LayerSampler.OtherValues(layer, parameter.Name).IsEmpty).ToArray();
        var parameter = parameters[random.Next(parameters.Length)];
        var values = LayerSampler.OtherValues(layer, parameter.Name);
        return layer.With(parameter.Name, values[random.Next(values.Length)]);
    }

    private static TensorShape? OutputShape(Architecture parent, ImmutableArray<Layer>.Builder layers) =>
        ShapeInference.Infer(parent.Input, parent.Classes, layers).Layers[^1].Output;
}
