using System.Collections.Immutable;

namespace Remap.Core.Model;

/// <summary>
/// The shape of one sample flowing through the network, without the batch dimension:
/// either a feature vector (one dimension) or an image (channels × height × width).
/// </summary>
public sealed class TensorShape : IEquatable<TensorShape>
{
    private TensorShape(ImmutableArray<int> dimensions) => Dimensions = dimensions;

    public ImmutableArray<int> Dimensions { get; }

    public bool IsImage => Dimensions.Length == 3;

    public bool IsFlat => Dimensions.Length == 1;

    public int Channels => IsImage ? Dimensions[0] : throw new InvalidOperationException($"Shape {this} is not an image.");

    public int Height => IsImage ? Dimensions[1] : throw new InvalidOperationException($"Shape {this} is not an image.");

    public int Width => IsImage ? Dimensions[2] : throw new InvalidOperationException($"Shape {this} is not an image.");

    /// <summary>The number of values in one sample: the product of the dimensions.</summary>
    public long ElementCount => Dimensions.Aggregate(1L, (product, dimension) => product * dimension);

    public static TensorShape Features(int count) => new([count]);

    public static TensorShape Image(int channels, int height, int width) => new([channels, height, width]);

    public static TensorShape FromDimensions(IEnumerable<int> dimensions) => new([.. dimensions]);

    /// <summary>Formats the shape as editors show it, for example <c>1×28×28</c>.</summary>
    public override string ToString() => string.Join('×', Dimensions);

    /// <summary>Formats the shape as the language writes it, for example <c>1x28x28</c>.</summary>
    public string ToSourceText() => string.Join('x', Dimensions);

    public bool Equals(TensorShape? other) => other is not null && Dimensions.SequenceEqual(other.Dimensions);

    public override bool Equals(object? obj) => Equals(obj as TensorShape);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var dimension in Dimensions)
        {
            hash.Add(dimension);
        }

        return hash.ToHashCode();
    }
}
