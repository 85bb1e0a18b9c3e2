using System.Collections.Immutable;

namespace Remap.Core.Model;

/// <summary>
/// A bound, normalised sequential network: input shape, class count and layers with every default
/// resolved. The name, the dataset and the training settings travel with it but are not part of
/// its identity (see <see cref="ArchitectureHash"/>).
/// </summary>
public sealed class Architecture
{
    public Architecture(
        string name,
        TensorShape input,
        int classes,
        ImmutableArray<Layer> layers,
        string? dataset = null,
        TrainingSettings? training = null)
    {
        Name = name;
        Input = input;
        Classes = classes;
        Layers = layers.IsDefault ? [] : layers;
        Dataset = dataset;
        Training = training ?? TrainingSettings.Default;
    }

    public string Name { get; }

    public TensorShape Input { get; }

    public int Classes { get; }

    public ImmutableArray<Layer> Layers { get; }

    /// <summary>The name of a dataset registered on the server, never a path.</summary>
    public string? Dataset { get; }

    public TrainingSettings Training { get; }

    public Architecture WithLayers(ImmutableArray<Layer> layers, string? name = null) =>
        new(name ?? Name, Input, Classes, layers, Dataset, Training);

    public Architecture WithName(string name) => new(name, Input, Classes, Layers, Dataset, Training);

    public Architecture WithTraining(TrainingSettings training) => new(Name, Input, Classes, Layers, Dataset, training);

    public Architecture WithDataset(string? dataset) => new(Name, Input, Classes, Layers, dataset, Training);
}
