namespace Remap.Engine;

/// <summary>Settings of the job engine; the API binds them from the <c>Remap</c> configuration section.</summary>
public sealed class EngineOptions
{
    /// <summary>Whether this process runs a training worker. A process without one only queues jobs.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How many jobs this process trains at the same time; default one per processor, at most 4.</summary>
    /// <remarks>
    /// On a 2-core machine two concurrent jobs at one LibTorch thread each finished small CNN jobs 10–20% faster
    /// than one job at two threads, with or without OMP_WAIT_POLICY=PASSIVE (bench/README.md). The cap keeps memory
    /// in bounds on large machines, because every running job holds a float copy of its training images.
    /// </remarks>
    public int WorkerConcurrency { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>The number of CPU threads LibTorch uses (a process-wide setting); null shares the processors among the concurrent jobs.</summary>
    public int? TorchThreads { get; set; }

    /// <summary>The LibTorch thread count in effect: <see cref="TorchThreads"/>, or the processors divided among the concurrent jobs.</summary>
    public int ResolveTorchThreads() => TorchThreads ?? Math.Max(1, Environment.ProcessorCount / Math.Max(1, WorkerConcurrency));

    /// <summary>The name this process writes into the lease of every job it claims; default host name and process id.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>How long a claim stays valid without a heartbeat before another worker may take the job.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a worker renews the lease of the job it trains.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often a worker checks whether a user cancelled the job it trains.</summary>
    public TimeSpan CancelCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an idle worker waits before looking for a queued job again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often running jobs with an expired lease are requeued (also done once at start-up).</summary>
    public TimeSpan ExpiredLeaseScanInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The minimum time between two epoch progress writes of one job.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Extra datasets: name → folder of IDX files. The built-in fashion-mnist-sample needs no entry.</summary>
    public Dictionary<string, string> Datasets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The folder that contains the built-in datasets; null finds the repository's data folder.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// The folder for checkpoints, final weights and TensorBoard event files; null uses
    /// LocalApplicationData/remap/runs (the server passes a <c>runs</c> folder beside its database).
    /// </summary>
    public string? RunsDirectory { get; set; }

    /// <summary>How long job events stay available to clients that reconnect with Last-Event-ID.</summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How often an open event stream looks for events that other processes wrote to the store. Events of
    /// this process wake the stream at once.
    /// </summary>
    public TimeSpan EventPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often events older than <see cref="EventRetention"/> are deleted from the store.</summary>
    public TimeSpan EventPruneInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The minimum time between two batch progress events of one job.</summary>
    public TimeSpan BatchEventInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether a job warm-starts from its parent's weights when the request does not say.</summary>
    public bool WarmStartByDefault { get; set; }

    /// <summary>The share of the model's epochs a warm-started child trains, rounded up to at least one epoch.</summary>
    public double WarmStartEpochFraction { get; set; } = 0.3;

    /// <summary>The runs folder in effect.</summary>
    public string ResolveRunsDirectory() =>
        RunsDirectory ?? Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "remap", "runs");
}
