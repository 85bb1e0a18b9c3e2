using Remap.Core.Model;
using Remap.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Remap.Training;

/// <summary>Turns rows of a uint8 image set into float batches scaled to [0, 1], shaped for the architecture's input.</summary>
internal sealed class BatchSource(LabeledImages set, TensorShape input)
{
    private readonly long[] inputShape = input.Dimensions.Select(dimension => (long)dimension).ToArray();

    public int Count => set.Count;

    public int BatchCount(int batchSize) => (Count + batchSize - 1) / batchSize;

    /// <summary>Gathers the rows at <paramref name="indices"/>; the tensors belong to the caller's dispose scope.</summary>
    public (Tensor Inputs, Tensor Labels) Get(Tensor indices) =>
        (Scale(set.Images.index_select(0, indices)), set.Labels.index_select(0, indices));

    public (Tensor Inputs, Tensor Labels) GetRange(int start, int length) =>
        (Scale(set.Images.narrow(0, start, length)), set.Labels.narrow(0, start, length));

    private Tensor Scale(Tensor images) =>
        images.to_type(ScalarType.Float32).div_(255f).reshape([images.shape[0], .. inputShape]);
}
