using Remap.Training.Data;

namespace Remap.Training;

internal static class ResultBuilder
{
    public static TrainingResult Build(IReadOnlyList<EpochMetrics> epochs, Evaluation validation, Evaluation test, LabeledImages testSet,
        long parameterCount, TimeSpan duration, int seed)
    {
        var classes = testSet.Classes;
        var confusion = new int[classes][];
        for (var row = 0; row < classes; row++)
        {
            confusion[row] = new int[classes];
        }

        for (var index = 0; index < test.Labels.Length; index++)
        {
            confusion[test.Labels[index]][test.Predictions[index]]++;
        }

        // A class without test samples gets accuracy 0 rather than NaN, so the result serialises as JSON.
        var perClass = confusion
            .Select((row, trueClass) => row.Sum() == 0 ? 0 : (double)row[trueClass] / row.Sum())
            .ToArray();

        return new TrainingResult(epochs, validation.Accuracy, test.Accuracy, perClass, confusion, validation.CorrectBitset(),
            test.CorrectBitset(), parameterCount, duration, seed);
    }
}
