using Remap.Core.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Remap.Training.Data;

/// <summary>A set of images as one uint8 tensor [N, C, H, W] with int64 labels [N], kept whole so batches are index_select calls.</summary>
public sealed class LabeledImages : IDisposable
{
    public LabeledImages(Tensor images, Tensor labels, int classes)
    {
        if (images.dtype != ScalarType.Byte || images.dim() != 4)
        {
            throw new ArgumentException($"Images must be a uint8 tensor [N, C, H, W], found {images.dtype} with shape [{string.Join(", ", images.shape)}].", nameof(images));
        }

        if (labels.dtype != ScalarType.Int64 || labels.dim() != 1 || labels.shape[0] != images.shape[0])
        {
            throw new ArgumentException($"Labels must be an int64 tensor [{images.shape[0]}], found {labels.dtype} with shape [{string.Join(", ", labels.shape)}].", nameof(labels));
        }

        Images = images;
        Labels = labels;
        Classes = classes;
        Count = checked((int)images.shape[0]);
        SampleShape = TensorShape.Image((int)images.shape[1], (int)images.shape[2], (int)images.shape[3]);
    }

    /// <summary>Pixel values, uint8 [N, C, H, W].</summary>
    public Tensor Images { get; }

    /// <summary>Class indices, int64 [N].</summary>
    public Tensor Labels { get; }

    public int Count { get; }

    public TensorShape SampleShape { get; }

    public int Classes { get; }

    public bool IsDisposed { get; private set; }

    /// <summary>Returns the samples at the given indices, in that order, as a new set.</summary>
    public LabeledImages Select(long[] indices)
    {
        using var index = tensor(indices, ScalarType.Int64);
        return new LabeledImages(Images.index_select(0, index), Labels.index_select(0, index), Classes);
    }

    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        Images.Dispose();
        Labels.Dispose();
        IsDisposed = true;
    }
}
