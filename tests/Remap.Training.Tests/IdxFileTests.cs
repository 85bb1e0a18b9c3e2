using System.IO.Compression;
using Remap.Training.Data;

namespace Remap.Training.Tests;

public sealed class IdxFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("remap-idx-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Read_SampleImagesHaveDeclaredShape()
    {
        var images = IdxFile.Read(Path.Combine(SampleData.Folder, "train-images-idx3-ubyte.gz"), IdxFile.ImagesMagic);

        Assert.Equal([10000, 28, 28], images.Dimensions);
        Assert.Equal(10000 * 28 * 28, images.Values.Length);
    }

    [Fact]
    public void Read_SampleLabelsAreClasses()
    {
        var labels = IdxFile.Read(Path.Combine(SampleData.Folder, "t10k-labels-idx1-ubyte.gz"), IdxFile.LabelsMagic);

        Assert.Equal([2000], labels.Dimensions);
        Assert.All(labels.Values, label => Assert.InRange(label, (byte)0, (byte)9));
    }

    [Fact]
    public void Read_PlainFileMatchesGzip()
    {
        var path = Write("plain", Idx(IdxFile.LabelsMagic, [3], [1, 2, 3]), compress: false);

        Assert.Equal([1, 2, 3], IdxFile.Read(path, IdxFile.LabelsMagic).Values);
    }

    [Fact]
    public void Read_TruncatedDataNamesCounts()
    {
        var bytes = Idx(IdxFile.ImagesMagic, [2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]);
        var path = Write("truncated.gz", bytes[..^3], compress: true);

        var error = Assert.Throws<IdxFormatException>(() => IdxFile.Read(path, IdxFile.ImagesMagic));

        Assert.Contains("truncated", error.Message);
        Assert.Contains("8 values, found 5", error.Message);
        Assert.StartsWith(path, error.Message);
    }

    [Fact]
    public void ReadDimensions_ReadsOnlyTheHeader()
    {
        var bytes = Idx(IdxFile.ImagesMagic, [2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]);
        var path = Write("header-only.gz", bytes[..^3], compress: true);

        Assert.Equal([2, 2, 2], IdxFile.ReadDimensions(path, IdxFile.ImagesMagic));
    }

    [Fact]
    public void ReadDimensions_WrongMagicIsFormatError()
    {
        var path = Write("labels-header.gz", Idx(IdxFile.LabelsMagic, [2], [0, 1]), compress: true);

        var error = Assert.Throws<IdxFormatException>(() => IdxFile.ReadDimensions(path, IdxFile.ImagesMagic));

        Assert.Contains("found 0x00000801", error.Message);
    }

    [Fact]
    public void Read_TruncatedHeaderNamesField()
    {
        var path = Write("header", [0, 0, 8, 3, 0, 0], compress: false);

        var error = Assert.Throws<IdxFormatException>(() => IdxFile.Read(path, IdxFile.ImagesMagic));

        Assert.Contains("expected 4 bytes for dimension 1, found 2", error.Message);
    }

    [Fact]
    public void Read_WrongMagicNamesBothNumbers()
    {
        var path = Write("labels.gz", Idx(IdxFile.LabelsMagic, [2], [0, 1]), compress: true);

        var error = Assert.Throws<IdxFormatException>(() => IdxFile.Read(path, IdxFile.ImagesMagic));

        Assert.Contains("expected the IDX magic number 0x00000803", error.Message);
        Assert.Contains("found 0x00000801", error.Message);
    }

    [Fact]
    public void Read_CorruptGzipIsFormatError()
    {
        var bytes = Compress(Idx(IdxFile.LabelsMagic, [64], new byte[64]));
        for (var index = 10; index < bytes.Length - 8; index++)
        {
            bytes[index] ^= 0x5A;
        }

        var path = Path.Combine(folder, "corrupt.gz");
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<IdxFormatException>(() => IdxFile.Read(path, IdxFile.LabelsMagic));

        Assert.Contains("corrupt", error.Message);
    }

    [Fact]
    public void Read_TrailingDataIsRejected()
    {
        var path = Write("long", [.. Idx(IdxFile.LabelsMagic, [2], [0, 1]), 7], compress: false);

        var error = Assert.Throws<IdxFormatException>(() => IdxFile.Read(path, IdxFile.LabelsMagic));

        Assert.Contains("data after the 2 values", error.Message);
    }

    [Fact]
    public void Read_HugeDeclaredSizeFailsFast()
    {
        var path = Write("huge", Idx(IdxFile.ImagesMagic, [100000, 100000, 100000], []), compress: false);

        var error = Assert.Throws<IdxFormatException>(() => IdxFile.Read(path, IdxFile.ImagesMagic));

        Assert.Contains("header is corrupt", error.Message);
    }

    private string Write(string name, byte[] contents, bool compress)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, compress ? Compress(contents) : contents);
        return path;
    }

    private static byte[] Idx(int magic, int[] dimensions, byte[] values)
    {
        var header = new List<byte>();
        foreach (var number in (int[])[magic, .. dimensions])
        {
            header.AddRange([(byte)(number >> 24), (byte)(number >> 16), (byte)(number >> 8), (byte)number]);
        }

        return [.. header, .. values];
    }

    private static byte[] Compress(byte[] contents)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(contents);
        }

        return output.ToArray();
    }
}
