namespace Remap.Training.Data;

/// <summary>An IDX file that is truncated, corrupt or not of the expected kind; the message names the file.</summary>
public sealed class IdxFormatException(string path, string message, Exception? innerException = null)
    : Exception($"{path}: {message}", innerException)
{
    public string Path { get; } = path;
}
