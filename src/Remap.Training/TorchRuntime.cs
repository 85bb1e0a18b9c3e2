using TorchSharp;

namespace Remap.Training;

/// <summary>TorchSharp's native libraries could not be loaded; the message names the cause and the fix.</summary>
public sealed class TorchRuntimeException(string message, Exception innerException) : Exception(message, innerException);

/// <summary>Checks once per process that TorchSharp and LibTorch load, turning a native load failure into a plain message.</summary>
public static class TorchRuntime
{
    private static readonly Lazy<Exception?> LoadFailure = new(TryLoad);

    /// <exception cref="TorchRuntimeException">The native libraries are missing or need a newer libstdc++.</exception>
    public static void EnsureLoaded()
    {
        if (LoadFailure.Value is { } failure)
        {
            throw new TorchRuntimeException(Describe(failure), failure);
        }
    }

    private static Exception? TryLoad()
    {
        try
        {
            using var probe = torch.zeros(1);
            return null;
        }
        catch (Exception exception) when (exception is NotSupportedException or DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return exception;
        }
    }

    private static string Describe(Exception failure)
    {
        // TorchSharp reports an unmet GLIBCXX version need as a missing libtorch package, so judge by what is on disk.
        var library = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
        var cause = File.Exists(library) || failure.ToString().Contains("GLIBCXX", StringComparison.Ordinal)
            ? $"{library} is present but did not load, most likely because it needs GLIBCXX_3.4.32 and this host's libstdc++ is older (Debian 12 stops at GLIBCXX_3.4.30)"
            : $"the LibTorch native libraries are missing from {AppContext.BaseDirectory}";
        return $"TorchSharp could not load its native libraries: {cause}. " +
            "Fix: rebuild with the repository's Directory.Build.targets, which marks that version need weak in the output copy, " +
            "or install a libstdc++ from GCC 13 or newer. Original error: " + failure.Message;
    }
}
