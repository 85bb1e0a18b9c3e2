using System.Globalization;
using System.Text;

namespace Remap.Core.Model;

/// <summary>Writes an architecture as canonical .remap text that compiles back to an equal architecture with the same hash.</summary>
public static class ArchitectureWriter
{
    /// <summary>Writes the header, every layer with all of its parameters, and a training block with every setting.</summary>
    public static string Write(Architecture architecture)
    {
        var builder = new StringBuilder();
        builder.Append("model ").Append(ToName(architecture.Name)).Append('\n');
        builder.Append("input ").Append(architecture.Input.ToSourceText()).Append('\n');
        builder.Append("classes ").Append(architecture.Classes.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (architecture.Dataset is { } dataset)
        {
            builder.Append("dataset ").Append(ToName(dataset)).Append('\n');
        }

        builder.Append('\n');
        foreach (var layer in architecture.Layers)
        {
            builder.Append(layer.ToString()).Append('\n');
        }

        var training = architecture.Training;
        builder.Append('\n');
        builder.Append("training {\n");
        builder.Append("  epochs = ").Append(training.Epochs.ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("  batch_size = ").Append(training.BatchSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("  optimizer = ").Append(training.Optimizer.ToString().ToLowerInvariant()).Append('\n');
        builder.Append("  learning_rate = ").Append(Layer.FormatNumber(training.LearningRate)).Append('\n');
        builder.Append("  weight_decay = ").Append(Layer.FormatNumber(training.WeightDecay)).Append('\n');
        builder.Append("  seed = ").Append(training.Seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
        builder.Append("}\n");
        return builder.ToString();
    }

    // Names that came from elsewhere (an API request, say) may hold characters the language rejects;
    // they become '_' so that the text still compiles.
    private static string ToName(string name)
    {
        var builder = new StringBuilder();
        foreach (var rune in name.EnumerateRunes())
        {
            var keep = Rune.IsLetterOrDigit(rune) || rune.Value is '_' or '-' or '.';
            builder.Append(keep ? rune.ToString() : "_");
        }

        var text = builder.Length == 0 ? "unnamed" : builder.ToString();
        return text.Length > 100 ? text[..100] : text;
    }
}
