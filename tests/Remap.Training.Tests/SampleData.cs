using Remap.Training.Data;

namespace Remap.Training.Tests;

/// <summary>The repository's Fashion-MNIST sample, loaded once for the whole test run.</summary>
internal static class SampleData
{
    private static readonly Lazy<DatasetCatalog> SharedCatalog = new(() => new DatasetCatalog([]));

    public static DatasetCatalog Catalog => SharedCatalog.Value;

    public static string Folder => Path.Combine(RepositoryRoot, "data", DatasetCatalog.FashionMnistSample);

    public static TrainingDataset Load() => Catalog.Load(DatasetCatalog.FashionMnistSample);

    // The test project's own source folder, two levels below the repository root.
    private static string RepositoryRoot => Path.GetFullPath(Path.Combine(SourceFolder(), "..", ".."));

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
