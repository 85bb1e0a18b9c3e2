using System.Numerics;
using System.Runtime.InteropServices;

namespace Remap.Core.Exploration;

/// <summary>
/// The prediction distance of two models: the share of validation samples that one model classifies
/// right and the other wrong, the Hamming distance of their correctness bitsets divided by the sample
/// count. Bit i, least significant first, is set when sample i was classified right. It is a
/// pseudo-distance: two models that err on the same samples are at 0.
/// </summary>
public static class PredictionDistance
{
    /// <summary>Returns the normalised Hamming distance of two bitsets over <paramref name="sampleCount"/> samples.</summary>
    /// <exception cref="ArgumentException">A bitset is shorter than the sample count needs, or the count is not positive.</exception>
    public static double Compute(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, int sampleCount)
    {
        var bytes = (sampleCount + 7) / 8;
        if (sampleCount <= 0)
        {
            throw new ArgumentException($"The sample count is {sampleCount}; it must be positive.", nameof(sampleCount));
        }

        if (first.Length < bytes || second.Length < bytes)
        {
            throw new ArgumentException(
                $"The bitsets have {first.Length} and {second.Length} bytes, but {sampleCount} samples need {bytes}: compare models validated on the same dataset.");
        }

        var differing = 0;
        var whole = sampleCount / 64;
        var firstWords = MemoryMarshal.Cast<byte, ulong>(first[..(whole * 8)]);
        var secondWords = MemoryMarshal.Cast<byte, ulong>(second[..(whole * 8)]);
        for (var index = 0; index < whole; index++)
        {
            differing += BitOperations.PopCount(firstWords[index] ^ secondWords[index]);
        }

        for (var index = whole * 8; index < bytes; index++)
        {
            // Bits past the sample count in the last byte are padding and must not count.
            var mask = index == bytes - 1 && sampleCount % 8 != 0 ? (1 << (sampleCount % 8)) - 1 : 0xFF;
            differing += BitOperations.PopCount((uint)((first[index] ^ second[index]) & mask));
        }

        return (double)differing / sampleCount;
    }
}
