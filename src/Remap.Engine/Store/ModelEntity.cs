namespace Remap.Engine.Store;

/// <summary>
/// A stored architecture: the source as the user wrote it, its canonical form and hashes, the
/// layer table from shape inference, and its place in the exploration tree (parent and change).
/// </summary>
public sealed class ModelEntity
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The .remap text exactly as submitted.</summary>
    public required string SourceText { get; set; }

    /// <summary>The canonical .remap text written by Core; the worker trains from this text.</summary>
    public required string CanonicalText { get; set; }

    public required string ArchitectureHash { get; set; }

    public required string TrainingHash { get; set; }

    /// <summary>The training settings as JSON (epochs, batch size, optimizer, learning rate, weight decay, seed).</summary>
    public required string TrainingSettingsJson { get; set; }

    public required string DatasetName { get; set; }

    /// <summary>The input shape in the language's notation, for example <c>1x28x28</c>.</summary>
    public required string InputShape { get; set; }

    public int Classes { get; set; }

    /// <summary>JSON array of layers: kind, parameters, output shape and parameter count.</summary>
    public required string LayerTableJson { get; set; }

    public long ParameterCount { get; set; }

    /// <summary>
    /// The layers in short form (<c>conv32k3 relu max2 …</c>), as the overview lists and a glyph draws them; null for
    /// models stored before the column existed, which the overview compiles instead.
    /// </summary>
    public string? ShortForm { get; set; }

    /// <summary>
    /// How many values each layer outputs, comma-separated in layer order (<c>12544,12544,3136,10</c>): the heights of the
    /// glyph's blocks. Null for models stored before the column existed, which the overview compiles instead.
    /// </summary>
    public string? OutputSizes { get; set; }

    public long? ParentId { get; set; }

    public ModelEntity? Parent { get; set; }

    /// <summary>JSON array of the changes that turned the parent into this model, empty for a root model.</summary>
    public string ChangesJson { get; set; } = "[]";

    public DateTime CreatedAt { get; set; }

    /// <summary>The state of the model's latest job, one of <see cref="JobStates"/>.</summary>
    public string Status { get; set; } = JobStates.Queued;

    /// <summary>The mean validation accuracy over the latest succeeded job's runs, copied here so listings can sort by it.</summary>
    public double? ValidationAccuracy { get; set; }

    /// <summary>The sample standard deviation of validation accuracy over the latest succeeded job's runs; null with fewer than two runs.</summary>
    public double? ValidationAccuracyStd { get; set; }

    /// <summary>The mean test accuracy over the latest succeeded job's runs.</summary>
    public double? TestAccuracyMean { get; set; }

    /// <summary>The sample standard deviation of test accuracy over the latest succeeded job's runs; null with fewer than two runs.</summary>
    public double? TestAccuracyStd { get; set; }

    /// <summary>How many runs (seeds) the mean and standard deviations are computed from.</summary>
    public int RunCount { get; set; }

    public List<JobEntity> Jobs { get; set; } = [];

    public List<RunEntity> Runs { get; set; } = [];
}
