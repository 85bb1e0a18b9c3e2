using Remap.Core.Model;
using static Remap.Training.Tests.Layers;

namespace Remap.Training.Tests;

/// <summary>
/// Eight architectures with the output shape and parameter count of every layer as PyTorch reports them
/// (nn.Conv2d, nn.Linear, nn.BatchNorm2d and friends with the same settings).
/// </summary>
public static class ReferenceCases
{
    public sealed record Expected(int[] Output, long Parameters);

    public sealed record Case(Architecture Architecture, Expected[] Layers, long TotalParameters)
    {
        public override string ToString() => Architecture.Name;
    }

    private static readonly TensorShape Mnist = TensorShape.Image(1, 28, 28);

    public static readonly Case[] All =
    [
        new(Network("batchnorm-gelu", Mnist, 10, Conv(24, 3, padding: 1), BatchNorm, Gelu, MaxPool(2), Conv(48, 3, padding: 1), BatchNorm, LeakyRelu(0.1), GlobalAvgPool, Dense(10)),
            [new([24, 28, 28], 240), new([24, 28, 28], 48), new([24, 28, 28], 0), new([24, 14, 14], 0), new([48, 14, 14], 10416),
             new([48, 14, 14], 96), new([48, 14, 14], 0), new([48], 0), new([10], 490)], 11290),
        new(Network("cnn-same-padding", Mnist, 10, Conv(16, 3, padding: 1), Relu, MaxPool(2), Conv(32, 3, padding: 1), Relu, MaxPool(2), Flatten, Dense(128), Relu, Dropout(0.25), Dense(10)),
            [new([16, 28, 28], 160), new([16, 28, 28], 0), new([16, 14, 14], 0), new([32, 14, 14], 4640), new([32, 14, 14], 0), new([32, 7, 7], 0),
             new([1568], 0), new([128], 200832), new([128], 0), new([128], 0), new([10], 1290)], 206922),
        new(Network("cnn-valid-odd-sizes", Mnist, 10, Conv(8, 5), Tanh, MaxPool(3, 2), Conv(16, 3), Sigmoid, AvgPool(2), Flatten, Dense(10)),
            [new([8, 24, 24], 208), new([8, 24, 24], 0), new([8, 11, 11], 0), new([16, 9, 9], 1168), new([16, 9, 9], 0), new([16, 4, 4], 0),
             new([256], 0), new([10], 2570)], 3946),
        new(Network("mlp-tiny", Mnist, 10, Flatten, Dense(64), Relu, Dense(10)),
            [new([784], 0), new([64], 50240), new([64], 0), new([10], 650)], 50890),
        new(Network("pool-floor-7x7", TensorShape.Image(4, 7, 7), 3, MaxPool(2), MaxPool(2), Flatten, Dense(3)),
            [new([4, 3, 3], 0), new([4, 1, 1], 0), new([4], 0), new([3], 15)], 15),
        new(Network("remap-quickdraw-best", Mnist, 10, Conv(16, 5), MaxPool(5, 2), Flatten, Dense(256), Tanh, Dense(10)),
            [new([16, 24, 24], 416), new([16, 10, 10], 0), new([1600], 0), new([256], 409856), new([256], 0), new([10], 2570)], 412842),
        new(Network("stride-two-convs", TensorShape.Image(3, 32, 32), 10, Conv(32, 3, 2, 1), Relu, Conv(64, 3, 2, 1), Relu, Conv(128, 3, 2, 1), Relu, GlobalAvgPool, Dense(10)),
            [new([32, 16, 16], 896), new([32, 16, 16], 0), new([64, 8, 8], 18496), new([64, 8, 8], 0), new([128, 4, 4], 73856), new([128, 4, 4], 0),
             new([128], 0), new([10], 1290)], 94538),
        new(Network("tabular-mlp", TensorShape.Features(20), 2, Dense(32), Relu, Dropout(0.5), Dense(16), Relu, Dense(2)),
            [new([32], 672), new([32], 0), new([32], 0), new([16], 528), new([16], 0), new([2], 34)], 1234),
    ];

    public static TheoryData<Case> Data => [.. All];
}
