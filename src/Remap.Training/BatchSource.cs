using Remap.Core.Model;
using Remap.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Remap.Training;

/// <summary>
/// Float batches of an image set, scaled to [0, 1] and shaped for the architecture's input. The whole
/// set is converted once (4 bytes per pixel, 188 MB for the 60,000 Fashion-MNIST training images), so
/// each batch is a single gather instead of a gather, a conversion and a division.
/// </summary>
internal sealed class BatchSource : IDisposable
{
    private readonly LabeledImages set;
    private readonly Tensor inputs;

    public BatchSource(LabeledImages set, TensorShape input)
    {
        this.set = set;
        long[] shape = [set.Count, .. input.Dimensions.Select(dimension => (long)dimension)];
        // Every intermediate handle (the float copy and the reshaped view) is disposed with the scope. A view left to the
        // finalizer keeps the whole float copy alive until a full garbage collection, which a job's small managed heap
        // seldom triggers: each job then held on to its float images, and the process grew by their size per job.
        using var scope = NewDisposeScope();
        inputs = set.Images.to_type(ScalarType.Float32).div_(255f).reshape(shape).contiguous().DetachFromDisposeScope();
    }

    public int Count => set.Count;

    public Tensor Labels => set.Labels;

    public int BatchCount(int batchSize) => (Count + batchSize - 1) / batchSize;

    /// <summary>Gathers the rows at <paramref name="indices"/>; the tensors belong to the caller's dispose scope.</summary>
    public (Tensor Inputs, Tensor Labels) Get(Tensor indices) =>
        (inputs.index_select(0, indices), set.Labels.index_select(0, indices));

    public (Tensor Inputs, Tensor Labels) GetRange(int start, int length) =>
        (inputs.narrow(0, start, length), set.Labels.narrow(0, start, length));

    public void Dispose() => inputs.Dispose();
}
