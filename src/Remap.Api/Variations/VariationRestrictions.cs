using Remap.Core.Exploration;
using Remap.Core.Model;

namespace Remap.Api.Variations;

/// <summary>Finds variation requests whose per-layer restrictions allow no change at all, before any candidate is drawn.</summary>
public static class VariationRestrictions
{
    /// <summary>
    /// Describes why no layer of the parent can change under the options, or returns null when at least one layer
    /// allows an action. Insert and replace count only with at least one kind to insert or swap in.
    /// </summary>
    public static string? DescribeFrozen(Architecture parent, VariationOptions options)
    {
        var restrictions = VariationGenerator.IndexRestrictions(parent, options);
        var open = restrictions.Any(restriction => restriction.Actions.Any(action => action switch
        {
            VariationAction.Insert or VariationAction.Replace => !restriction.Kinds.IsEmpty,
            _ => true,
        }));
        if (open)
        {
            return null;
        }

        var finalDense = parent.Layers.Length > 0 && parent.Layers[^1].Kind == LayerKind.Dense;
        var finalNote = finalDense
            ? $" Layer {parent.Layers.Length}, the final dense layer, only takes insertions before it."
            : "";
        return $"the restrictions allow no action on any of its layers 1 to {parent.Layers.Length} " +
            "(an empty 'actions' list freezes a layer, and insert or replace need at least one kind in 'kinds')." + finalNote +
            " Allow insert, remove, replace or reparameterise on at least one layer, or leave 'layers' out to allow every action.";
    }
}
