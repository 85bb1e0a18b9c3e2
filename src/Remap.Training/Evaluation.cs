namespace Remap.Training;

/// <summary>Predicted and true class of every sample of a set, in the set's order.</summary>
internal sealed record Evaluation(long[] Predictions, long[] Labels)
{
    public double Accuracy => Labels.Length == 0 ? 0 : (double)Enumerable.Range(0, Labels.Length).Count(IsCorrect) / Labels.Length;

    public bool IsCorrect(int index) => Predictions[index] == Labels[index];

    /// <summary>Packs correctness into a bitset: bit i (LSB first within each byte) is sample i.</summary>
    public byte[] CorrectBitset()
    {
        var bits = new byte[(Labels.Length + 7) / 8];
        for (var index = 0; index < Labels.Length; index++)
        {
            if (IsCorrect(index))
            {
                bits[index / 8] |= (byte)(1 << (index % 8));
            }
        }

        return bits;
    }
}
