namespace Remap.Core.Tests;

/// <summary>Finds the .remap files copied next to the test assembly.</summary>
internal static class TestFiles
{
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath));

    public static IEnumerable<string> All(string folder) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, folder), "*.remap").Order(StringComparer.Ordinal);

    /// <summary>The example files and the reference shape files, by path relative to the test output folder.</summary>
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var path in All("examples"))
        {
            data.Add(Path.Combine("examples", Path.GetFileName(path)));
        }

        return data;
    }

    public static TheoryData<string> ExamplesAndShapeCases()
    {
        var data = Examples();
        foreach (var path in All(Path.Combine("TestData", "shapes")))
        {
            data.Add(Path.Combine("TestData", "shapes", Path.GetFileName(path)));
        }

        return data;
    }
}
