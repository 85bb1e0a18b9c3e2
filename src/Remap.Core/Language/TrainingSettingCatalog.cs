using System.Collections.Immutable;

namespace Remap.Core.Language;

/// <summary>One setting of the training block, as completion, hover and documentation show it.</summary>
public sealed record TrainingSettingSchema(string Name, string DefaultText, string RangeText, string Documentation, ImmutableArray<string> Keywords);

/// <summary>The settings of the <c>training { }</c> block: their names, defaults, ranges and documentation.</summary>
public static class TrainingSettingCatalog
{
    /// <summary>The optimizer names the <c>optimizer</c> setting accepts.</summary>
    public static ImmutableArray<string> OptimizerNames { get; } = ["sgd", "adam", "adamw"];

    public static ImmutableArray<TrainingSettingSchema> All { get; } =
    [
        new("epochs", "5", "1 to 1000", "Number of passes over the training images.", []),
        new("batch_size", "64", "1 to 65536", "Number of images per optimizer step.", []),
        new("optimizer", "adam", "sgd, adam or adamw", "The optimizer: `sgd` (with momentum 0.9), `adam` or `adamw`.", OptimizerNames),
        new("learning_rate", "0.001", "more than 0 and at most 10", "Step size of the optimizer.", []),
        new("weight_decay", "0", "0 to 1", "L2 penalty on the weights (decoupled for adamw).", []),
        new("seed", "42", "0 to 2147483647", "Seed of the weight initialisation and the batch order, so a run can be repeated.", []),
    ];

    public static TrainingSettingSchema? Find(string name) => All.FirstOrDefault(setting => setting.Name == name);
}
