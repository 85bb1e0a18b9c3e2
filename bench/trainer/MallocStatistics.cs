using System.Runtime.InteropServices;

namespace Remap.Bench.Trainer;

/// <summary>glibc's malloc counters, so the memory run can tell native growth from managed growth.</summary>
internal static class MallocStatistics
{
    /// <summary>Bytes handed out by malloc, bytes free inside its arenas, and bytes in large mmap'd blocks.</summary>
    public readonly record struct Snapshot(long InUse, long Free, long Mapped);

    public static Snapshot Read()
    {
        if (!OperatingSystem.IsLinux())
        {
            return default;
        }

        var info = MallInfo2();
        return new Snapshot((long)info.Uordblks, (long)info.Fordblks, (long)info.Hblkhd);
    }

    /// <summary>The anonymous and file-backed parts of the resident set, from /proc/self/status.</summary>
    public static string ResidentSplit()
    {
        if (!File.Exists("/proc/self/status"))
        {
            return "resident split unknown";
        }

        var fields = File.ReadLines("/proc/self/status")
            .Where(line => line.StartsWith("RssAnon:", StringComparison.Ordinal) || line.StartsWith("RssFile:", StringComparison.Ordinal))
            .Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return string.Join(", ", fields);
    }

    // The field order of glibc's struct mallinfo2 (glibc 2.33 and later), every field a size_t.
    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo
    {
        public nuint Arena;
        public nuint Ordblks;
        public nuint Smblks;
        public nuint Hblks;
        public nuint Hblkhd;
        public nuint Usmblks;
        public nuint Fsmblks;
        public nuint Uordblks;
        public nuint Fordblks;
        public nuint Keepcost;
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallInfo MallInfo2();
}
