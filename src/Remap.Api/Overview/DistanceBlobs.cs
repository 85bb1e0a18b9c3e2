using System.Buffers.Binary;

namespace Remap.Api.Overview;

/// <summary>Packs distance vectors and projection points as little-endian bytes for the store.</summary>
public static class DistanceBlobs
{
    private const int PointSize = 24;

    public static byte[] Pack(ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * 8];
        for (var index = 0; index < values.Length; index++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(index * 8), values[index]);
        }

        return bytes;
    }

    public static double[] Unpack(ReadOnlySpan<byte> bytes)
    {
        var values = new double[bytes.Length / 8];
        for (var index = 0; index < values.Length; index++)
        {
            values[index] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(index * 8)..]);
        }

        return values;
    }

    public static byte[] PackPoints(IReadOnlyDictionary<long, (double X, double Y)> points)
    {
        var bytes = new byte[points.Count * PointSize];
        var offset = 0;
        foreach (var (id, (x, y)) in points.OrderBy(point => point.Key))
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(offset), id);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(offset + 8), x);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(offset + 16), y);
            offset += PointSize;
        }

        return bytes;
    }

    public static Dictionary<long, (double X, double Y)> UnpackPoints(ReadOnlySpan<byte> bytes)
    {
        var points = new Dictionary<long, (double X, double Y)>(bytes.Length / PointSize);
        for (var offset = 0; offset + PointSize <= bytes.Length; offset += PointSize)
        {
            points[BinaryPrimitives.ReadInt64LittleEndian(bytes[offset..])] =
                (BinaryPrimitives.ReadDoubleLittleEndian(bytes[(offset + 8)..]), BinaryPrimitives.ReadDoubleLittleEndian(bytes[(offset + 16)..]));
        }

        return points;
    }
}
