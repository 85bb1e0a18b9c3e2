using System.Buffers.Binary;
using Remap.Training.Data;

namespace Remap.Api.Tests;

/// <summary>Writes the first images of the bundled Fashion-MNIST sample as a small IDX dataset folder, so jobs train in well under a second.</summary>
public static class TinyDataset
{
    public const string Name = "tiny";

    public static string Write(string folder, int trainCount = 300, int testCount = 100)
    {
        Directory.CreateDirectory(folder);
        var sample = Path.Combine(RemapApiFactory.RepositoryRoot(), "data", DatasetCatalog.FashionMnistSample);
        Copy(sample, folder, "train-images-idx3-ubyte", IdxFile.ImagesMagic, trainCount);
        Copy(sample, folder, "train-labels-idx1-ubyte", IdxFile.LabelsMagic, trainCount);
        Copy(sample, folder, "t10k-images-idx3-ubyte", IdxFile.ImagesMagic, testCount);
        Copy(sample, folder, "t10k-labels-idx1-ubyte", IdxFile.LabelsMagic, testCount);
        return folder;
    }

    private static void Copy(string sampleFolder, string folder, string stem, int magic, int count)
    {
        var source = IdxFile.Read(Path.Combine(sampleFolder, stem + ".gz"), magic);
        var itemSize = source.Dimensions.Skip(1).Aggregate(1, (product, dimension) => product * dimension);
        using var output = File.Create(Path.Combine(folder, stem));
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, magic);
        output.Write(number);
        BinaryPrimitives.WriteInt32BigEndian(number, count);
        output.Write(number);
        foreach (var dimension in source.Dimensions.Skip(1))
        {
            BinaryPrimitives.WriteInt32BigEndian(number, dimension);
            output.Write(number);
        }

        output.Write(source.Values, 0, count * itemSize);
    }
}
