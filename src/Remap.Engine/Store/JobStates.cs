namespace Remap.Engine.Store;

/// <summary>
/// The states a job moves through. The column is a plain string so that new states can be added
/// without a schema change.
/// </summary>
public static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>The training loss became NaN or infinite; the epochs finished before are kept on the job.</summary>
    public const string Diverged = "diverged";

    public static IReadOnlyList<string> All { get; } = [Queued, Running, Succeeded, Failed, Cancelled, Diverged];

    public static bool IsFinal(string state) => state is Succeeded or Failed or Cancelled or Diverged;
}
