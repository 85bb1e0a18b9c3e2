using System.Collections.Concurrent;
using System.Reflection;
using Remap.Core.Model;

namespace Remap.Training.Data;

/// <summary>
/// Dataset names mapped to IDX folders: the built-in <c>fashion-mnist-sample</c> from the repository's data folder
/// plus any registered folder. Loaded datasets are cached and owned by the catalog.
/// </summary>
public sealed class DatasetCatalog : IDisposable
{
    public const string FashionMnistSample = "fashion-mnist-sample";

    /// <summary>Share of the training images held out as the validation set.</summary>
    public const double ValidationShare = 0.1;

    private readonly Dictionary<string, DatasetRegistration> registrations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DatasetInfo> infos = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TrainingDataset> loaded = new(StringComparer.Ordinal);
    private readonly Lock loadLock = new();

    public DatasetCatalog(IEnumerable<DatasetRegistration> registrations)
        : this(registrations, dataDirectory: null)
    {
    }

    /// <param name="registrations">Extra datasets; a registration named like the built-in one replaces it.</param>
    /// <param name="dataDirectory">The folder that contains fashion-mnist-sample/; null looks for data/ beside Remap.sln.</param>
    public DatasetCatalog(IEnumerable<DatasetRegistration> registrations, string? dataDirectory)
    {
        var builtInFolder = Path.Combine(dataDirectory ?? FindRepositoryDataDirectory() ?? "", FashionMnistSample);
        if (Directory.Exists(builtInFolder))
        {
            this.registrations[FashionMnistSample] = new DatasetRegistration(FashionMnistSample, builtInFolder,
                "Fashion-MNIST sample by Zalando Research (MIT): 10,000 training and 2,000 test images of clothing, 28×28 grey, 10 classes.");
        }

        foreach (var registration in registrations)
        {
            this.registrations[registration.Name] = registration;
        }
    }

    /// <summary>Lists every registered dataset whose folder can be read; <see cref="FindUnreadable"/> lists the others with the reason.</summary>
    public IReadOnlyList<DatasetInfo> List()
    {
        var list = new List<DatasetInfo>();
        foreach (var name in registrations.Keys.Order(StringComparer.Ordinal))
        {
            try
            {
                list.Add(Describe(name));
            }
            catch (Exception exception) when (IsUnreadable(exception))
            {
                // Left out here; FindUnreadable reports it, and the server logs it at start-up.
            }
        }

        return list;
    }

    /// <summary>Lists the registered datasets whose files cannot be read, each with the reason.</summary>
    public IReadOnlyList<UnreadableDataset> FindUnreadable()
    {
        var unreadable = new List<UnreadableDataset>();
        foreach (var (name, registration) in registrations.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            try
            {
                Describe(name);
            }
            catch (Exception exception) when (IsUnreadable(exception))
            {
                unreadable.Add(new UnreadableDataset(name, registration.Directory, exception.Message));
            }
        }

        return unreadable;
    }

    /// <summary>Whether an exception means a dataset's folder or files cannot be read, as opposed to a bug.</summary>
    public static bool IsUnreadable(Exception exception) =>
        exception is IOException or IdxFormatException or UnauthorizedAccessException;

    /// <summary>Returns the dataset's facts, or null when no dataset has that name.</summary>
    /// <exception cref="IdxFormatException">A file of the dataset is truncated or corrupt.</exception>
    public DatasetInfo? Find(string name) => registrations.ContainsKey(name) ? Describe(name) : null;

    /// <summary>Loads a dataset, or returns the cached one. The validation hold-out is the same on every call.</summary>
    /// <exception cref="KeyNotFoundException">No dataset has that name.</exception>
    /// <exception cref="IdxFormatException">A file of the dataset is truncated or corrupt.</exception>
    public TrainingDataset Load(string name)
    {
        if (!registrations.TryGetValue(name, out var registration))
        {
            var known = string.Join(", ", registrations.Keys.Order(StringComparer.Ordinal));
            throw new KeyNotFoundException($"Dataset '{name}' is not registered. Known datasets: {(known.Length == 0 ? "none" : known)}.");
        }

        lock (loadLock)
        {
            if (loaded.TryGetValue(name, out var cached) && !cached.IsDisposed)
            {
                return cached;
            }

            var dataset = DatasetLoader.Load(registration, Describe(name));
            loaded[name] = dataset;
            return dataset;
        }
    }

    public void Dispose()
    {
        lock (loadLock)
        {
            foreach (var dataset in loaded.Values)
            {
                dataset.Dispose();
            }

            loaded.Clear();
        }
    }

    private DatasetInfo Describe(string name) =>
        infos.GetOrAdd(name, key => DatasetLoader.Describe(registrations[key]));

    /// <summary>Finds data/ beside Remap.sln above the application folder, the working folder, or the source folder recorded at build time.</summary>
    private static string? FindRepositoryDataDirectory()
    {
        var recordedRoot = typeof(DatasetCatalog).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "RemapRepositoryRoot")?.Value;
        string?[] starts = [AppContext.BaseDirectory, Environment.CurrentDirectory, recordedRoot];
        foreach (var start in starts.OfType<string>())
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Remap.sln")))
                {
                    return Path.Combine(directory.FullName, "data");
                }
            }
        }

        return null;
    }
}
