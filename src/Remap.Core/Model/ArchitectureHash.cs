using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Remap.Core.Model;

/// <summary>
/// Identifies an architecture by what it computes: the input shape, the class count and the normalised
/// layers. The name, the dataset, the training settings, comments and spacing do not change it, so
/// <c>padding=same</c> and <c>padding=1</c> on a 3×3 stride-1 kernel hash the same.
/// </summary>
public static class ArchitectureHash
{
    /// <summary>Returns the lowercase SHA-256 hex of <see cref="CanonicalText"/>.</summary>
    public static string Compute(Architecture architecture) => Sha256(CanonicalText(architecture));

    /// <summary>Returns the lowercase SHA-256 hex of the training settings, apart from the architecture hash.</summary>
    public static string ComputeTraining(TrainingSettings settings)
    {
        var text = string.Join('\n',
            "remap-training-v1",
            $"epochs={settings.Epochs.ToString(CultureInfo.InvariantCulture)}",
            $"batch_size={settings.BatchSize.ToString(CultureInfo.InvariantCulture)}",
            $"optimizer={settings.Optimizer.ToString().ToLowerInvariant()}",
            $"learning_rate={Layer.FormatNumber(settings.LearningRate)}",
            $"weight_decay={Layer.FormatNumber(settings.WeightDecay)}",
            $"seed={settings.Seed.ToString(CultureInfo.InvariantCulture)}");
        return Sha256(text);
    }

    /// <summary>Returns the culture-invariant text the hash is computed over: a version line, the input, the classes, then one layer per line.</summary>
    public static string CanonicalText(Architecture architecture)
    {
        var builder = new StringBuilder();
        builder.Append("remap-architecture-v1\n");
        builder.Append("input=").Append(architecture.Input.ToSourceText()).Append('\n');
        builder.Append("classes=").Append(architecture.Classes.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var layer in architecture.Layers)
        {
            // Layer.ToString writes every parameter in catalog order with invariant numbers.
            builder.Append(layer.ToString()).Append('\n');
        }

        return builder.ToString();
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
