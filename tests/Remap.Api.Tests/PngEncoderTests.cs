using System.IO.Compression;
using Remap.Api.Datasets;

namespace Remap.Api.Tests;

public class PngEncoderTests
{
    [Fact]
    public void Png_PixelsSurviveDecompression()
    {
        byte[] pixels = [0, 50, 100, 150, 200, 250];

        var png = PngEncoder.Encode(pixels, 3, 2, 1);

        // The IDAT chunk starts after the signature (8) and IHDR (4 + 4 + 13 + 4 bytes).
        var idatLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        using var zlib = new ZLibStream(new MemoryStream(png, 41, idatLength), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        Assert.Equal([0, 0, 50, 100, 0, 150, 200, 250], raw.ToArray());
    }

    [Fact]
    public void Png_IhdrCrcMatchesReference()
    {
        var png = PngEncoder.Encode([255], 1, 1, 1);

        // CRC-32 of "IHDR" + width 1, height 1, depth 8, colour type 0, no compression, filter or interlace flags.
        Assert.Equal(0x3A7E9B55u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(29)));
    }

    [Fact]
    public void Png_RejectsFourChannels()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(new byte[4], 1, 1, 4));
    }
}
