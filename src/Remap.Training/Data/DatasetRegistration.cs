namespace Remap.Training.Data;

/// <summary>A dataset name bound to a folder of IDX files (train-images/train-labels and t10k-images/t10k-labels, gzip or plain).</summary>
public sealed record DatasetRegistration(string Name, string Directory, string? Description = null);

/// <summary>A registered dataset whose files cannot be read, and why.</summary>
public sealed record UnreadableDataset(string Name, string Directory, string Reason);
