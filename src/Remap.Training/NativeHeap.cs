using System.Runtime.InteropServices;

namespace Remap.Training;

/// <summary>Hands memory that LibTorch freed back to the operating system between training runs.</summary>
public static class NativeHeap
{
    private static bool trimAvailable = OperatingSystem.IsLinux();

    /// <summary>
    /// Frees the native memory a finished job may still hold and returns free pages to the operating system.
    /// </summary>
    /// <remarks>
    /// A tensor handle that escapes every dispose scope keeps its native storage until its finalizer runs, and a
    /// job's small managed heap seldom triggers the full collection that runs it. One full collection per job
    /// (tens of milliseconds against a job's seconds or minutes) frees such handles whichever thread made them, and the
    /// trim then returns the freed pages. In bench/trainer's memory run (100 small jobs) the RSS stayed within 3% of
    /// its value after job 10 with the collection and grew 18% without it.
    /// </remarks>
    public static void ReleaseAfterJob()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Trim();
    }

    /// <summary>
    /// Calls glibc's malloc_trim(0), which releases the free pages of every malloc arena. Returns false
    /// when nothing was released or the C library has no malloc_trim (musl, macOS, Windows).
    /// </summary>
    /// <remarks>
    /// LibTorch's CPU tensors come from malloc. Each run frees tens of megabytes of float images and
    /// activations on whichever thread-pool thread trained it, and glibc keeps those pages in that
    /// thread's arena until a trim returns them.
    /// </remarks>
    public static bool Trim()
    {
        if (!trimAvailable)
        {
            return false;
        }

        try
        {
            return MallocTrim(0) != 0;
        }
        catch (EntryPointNotFoundException)
        {
            trimAvailable = false;
            return false;
        }
        catch (DllNotFoundException)
        {
            trimAvailable = false;
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
