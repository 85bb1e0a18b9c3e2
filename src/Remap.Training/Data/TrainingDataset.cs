using Remap.Core.Model;

namespace Remap.Training.Data;

/// <summary>A dataset's descriptive facts. TrainCount is the training images after the validation hold-out.</summary>
public sealed record DatasetInfo(
    string Name,
    string Description,
    TensorShape Input,
    int Classes,
    IReadOnlyList<string> ClassNames,
    int TrainCount,
    int TestCount);

/// <summary>A loaded dataset: training images (after the hold-out), the validation hold-out and the test images.</summary>
public sealed class TrainingDataset(DatasetInfo info, LabeledImages train, LabeledImages validation, LabeledImages test) : IDisposable
{
    public DatasetInfo Info { get; } = info;

    public LabeledImages Train { get; } = train;

    public LabeledImages Validation { get; } = validation;

    public LabeledImages Test { get; } = test;

    public bool IsDisposed => Train.IsDisposed || Validation.IsDisposed || Test.IsDisposed;

    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }
}
