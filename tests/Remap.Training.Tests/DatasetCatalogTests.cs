using Remap.Core.Model;
using Remap.Training.Data;

namespace Remap.Training.Tests;

public sealed class DatasetCatalogTests
{
    [Fact]
    public void Load_SampleSplitSizes()
    {
        var dataset = SampleData.Load();

        Assert.Equal(9000, dataset.Train.Count);
        Assert.Equal(1000, dataset.Validation.Count);
        Assert.Equal(2000, dataset.Test.Count);
    }

    [Fact]
    public void Load_SampleImagesAreUint8Nchw()
    {
        var dataset = SampleData.Load();

        Assert.Equal(TorchSharp.torch.ScalarType.Byte, dataset.Train.Images.dtype);
        Assert.Equal([9000L, 1, 28, 28], dataset.Train.Images.shape);
        Assert.Equal(TensorShape.Image(1, 28, 28), dataset.Test.SampleShape);
    }

    [Fact]
    public void Load_ReturnsCachedDataset()
    {
        Assert.Same(SampleData.Load(), SampleData.Load());
    }

    [Fact]
    public void Load_ValidationSplitSameInNewCatalog()
    {
        using var other = new DatasetCatalog([]);
        var first = SampleData.Load();
        var second = other.Load(DatasetCatalog.FashionMnistSample);

        Assert.NotSame(first, second);
        Assert.Equal(first.Validation.Images.data<byte>().ToArray(), second.Validation.Images.data<byte>().ToArray());
        Assert.Equal(first.Validation.Labels.data<long>().ToArray(), second.Validation.Labels.data<long>().ToArray());
    }

    [Fact]
    public void SplitIndices_DisjointAndComplete()
    {
        var (train, validation) = DatasetLoader.SplitIndices(1000, 7);

        Assert.Equal(100, validation.Length);
        Assert.Equal(Enumerable.Range(0, 1000).Select(index => (long)index), train.Concat(validation).Order());
    }

    [Fact]
    public void SplitIndices_SeedChangesHoldOut()
    {
        Assert.NotEqual(DatasetLoader.SplitIndices(1000, 1).Validation, DatasetLoader.SplitIndices(1000, 2).Validation);
    }

    [Fact]
    public void Find_SampleDescribesFashionMnist()
    {
        var info = SampleData.Catalog.Find(DatasetCatalog.FashionMnistSample);

        Assert.NotNull(info);
        Assert.Equal(10, info.Classes);
        Assert.Equal("Ankle boot", info.ClassNames[9]);
        Assert.Equal(TensorShape.Image(1, 28, 28), info.Input);
        Assert.Equal(9000, info.TrainCount);
        Assert.Equal(2000, info.TestCount);
    }

    [Fact]
    public void Find_UnknownNameReturnsNull()
    {
        Assert.Null(SampleData.Catalog.Find("no-such-dataset"));
    }

    [Fact]
    public void Load_UnknownNameListsKnownDatasets()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => SampleData.Catalog.Load("no-such-dataset"));

        Assert.Contains("fashion-mnist-sample", error.Message);
    }

    [Fact]
    public void Load_FolderWithTruncatedFileThrowsFormatError()
    {
        var folder = Directory.CreateTempSubdirectory("remap-dataset-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(SampleData.Folder, "*.gz"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var labels = Path.Combine(folder, "t10k-labels-idx1-ubyte.gz");
            File.WriteAllBytes(labels, File.ReadAllBytes(labels)[..200]);
            using var catalog = new DatasetCatalog([new DatasetRegistration("broken", folder)]);

            var error = Assert.Throws<IdxFormatException>(() => catalog.Load("broken"));

            Assert.Contains("t10k-labels-idx1-ubyte.gz", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void List_IncludesSample()
    {
        Assert.Contains(SampleData.Catalog.List(), info => info.Name == DatasetCatalog.FashionMnistSample);
    }

    [Fact]
    public void FindUnreadable_ReportsMissingFolderWithReason()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"remap-missing-dataset-{Guid.NewGuid():N}");
        using var catalog = new DatasetCatalog([new DatasetRegistration("missing", missing)]);

        var unreadable = Assert.Single(catalog.FindUnreadable());

        Assert.Equal("missing", unreadable.Name);
        Assert.Equal(missing, unreadable.Directory);
        Assert.NotEmpty(unreadable.Reason);
        Assert.DoesNotContain(catalog.List(), info => info.Name == "missing");
    }
}
