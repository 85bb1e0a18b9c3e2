namespace Remap.Engine.Worker;

/// <summary>
/// The layout of the runs folder: per-job checkpoints, per-model final weights and one TensorBoard
/// folder per run, so <c>tensorboard --logdir RUNS/tensorboard</c> shows every run.
/// </summary>
public sealed class RunFiles(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The checkpoint folder of one repeat (seed) of a job; deleted when that repeat's run is stored.</summary>
    public string CheckpointDirectory(long jobId, int seed) => Path.Combine(JobCheckpointsDirectory(jobId), $"seed-{seed}");

    /// <summary>The folder of every checkpoint of a job; deleted when the job ends.</summary>
    public string JobCheckpointsDirectory(long jobId) => Path.Combine(Root, "checkpoints", $"job-{jobId}");

    /// <summary>The TensorBoard folder of one repeat of a job.</summary>
    public string TensorBoardDirectory(long modelId, long jobId, int seed) => Path.Combine(Root, "tensorboard", $"model-{modelId}-job-{jobId}-seed-{seed}");

    /// <summary>The final weights of a model's first seed, which warm-started children copy from.</summary>
    public string ModelWeightsPath(long modelId) => Path.Combine(Root, "models", $"model-{modelId}", "weights.dat");
}
