using System.Buffers.Binary;
using System.IO.Compression;

namespace Remap.Training.Data;

/// <summary>The contents of one IDX file of unsigned bytes: its dimensions (item count first) and its values.</summary>
public sealed record IdxFile(string Path, int[] Dimensions, byte[] Values)
{
    /// <summary>Magic number of an IDX file of unsigned-byte images: type 0x08, three dimensions.</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of an IDX file of unsigned-byte labels: type 0x08, one dimension.</summary>
    public const int LabelsMagic = 0x00000801;

    // Guards against a corrupt header asking for more values than one .NET array can hold.
    private static readonly long MaximumValues = Array.MaxLength;

    public int Count => Dimensions[0];

    /// <summary>
    /// Reads an IDX file, gzip-compressed (detected by its first two bytes) or plain, and checks that its
    /// magic number is <paramref name="expectedMagic"/> and that it contains exactly the values its header declares.
    /// </summary>
    /// <exception cref="IdxFormatException">The file is truncated, corrupt, too long or has another magic number.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IdxFile Read(string path, int expectedMagic)
    {
        using var file = File.OpenRead(path);
        using var stream = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        try
        {
            return ReadContents(path, stream, expectedMagic);
        }
        catch (InvalidDataException exception)
        {
            throw new IdxFormatException(path, $"the gzip data is corrupt ({exception.Message}). Regenerate or download the file again.", exception);
        }
    }

    /// <summary>Reads only the header of an IDX file (gzip or plain): its dimensions, item count first.</summary>
    /// <exception cref="IdxFormatException">The header is truncated, corrupt or has another magic number.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static int[] ReadDimensions(string path, int expectedMagic)
    {
        using var file = File.OpenRead(path);
        using var stream = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        try
        {
            return ReadHeader(path, stream, expectedMagic).Dimensions;
        }
        catch (InvalidDataException exception)
        {
            throw new IdxFormatException(path, $"the gzip data is corrupt ({exception.Message}). Regenerate or download the file again.", exception);
        }
    }

    private static IdxFile ReadContents(string path, Stream stream, int expectedMagic)
    {
        var (dimensions, valueCount) = ReadHeader(path, stream, expectedMagic);
        var values = new byte[valueCount];
        var read = stream.ReadAtLeast(values, values.Length, throwOnEndOfStream: false);
        if (read < values.Length)
        {
            throw new IdxFormatException(path,
                $"the file is truncated: the header declares {string.Join('×', dimensions)} = {valueCount} values, found {read}.");
        }

        if (stream.ReadByte() >= 0)
        {
            throw new IdxFormatException(path,
                $"the file has data after the {valueCount} values its header declares ({string.Join('×', dimensions)}); the header is wrong or the file is corrupt.");
        }

        return new IdxFile(path, dimensions, values);
    }

    private static (int[] Dimensions, long ValueCount) ReadHeader(string path, Stream stream, int expectedMagic)
    {
        var magic = ReadHeaderInt(path, stream, "the magic number");
        if (magic != expectedMagic)
        {
            throw new IdxFormatException(path,
                $"expected the IDX magic number 0x{expectedMagic:X8} ({Describe(expectedMagic)}), found 0x{magic:X8}. " +
                "Check that the file is an IDX file of unsigned bytes and that images and labels are not swapped.");
        }

        var dimensions = new int[expectedMagic & 0xFF];
        long valueCount = 1;
        for (var index = 0; index < dimensions.Length; index++)
        {
            dimensions[index] = ReadHeaderInt(path, stream, $"dimension {index + 1}");
            if (dimensions[index] <= 0)
            {
                throw new IdxFormatException(path, $"dimension {index + 1} is {dimensions[index]}; every IDX dimension must be positive.");
            }

            valueCount *= dimensions[index];
            if (valueCount > MaximumValues)
            {
                throw new IdxFormatException(path, $"the header declares more than {MaximumValues} values; the header is corrupt.");
            }
        }

        return (dimensions, valueCount);
    }

    private static int ReadHeaderInt(string path, Stream stream, string field)
    {
        Span<byte> buffer = stackalloc byte[4];
        var read = stream.ReadAtLeast(buffer, 4, throwOnEndOfStream: false);
        if (read < 4)
        {
            throw new IdxFormatException(path, $"the file ends inside the header: expected 4 bytes for {field}, found {read}.");
        }

        return BinaryPrimitives.ReadInt32BigEndian(buffer);
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> signature = stackalloc byte[2];
        var read = file.ReadAtLeast(signature, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && signature[0] == 0x1F && signature[1] == 0x8B;
    }

    private static string Describe(int magic) => magic switch
    {
        ImagesMagic => "unsigned-byte images",
        LabelsMagic => "unsigned-byte labels",
        _ => $"type 0x{(magic >> 8) & 0xFF:X2}, {magic & 0xFF} dimensions",
    };
}
