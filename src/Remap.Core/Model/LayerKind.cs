namespace Remap.Core.Model;

/// <summary>
/// The layer kinds of the architecture language, version 1. Activations are layers of their
/// own so that an ablation can remove them.
/// </summary>
public enum LayerKind
{
    Conv2d,
    MaxPool2d,
    AvgPool2d,
    Dense,
    Dropout,
    Relu,
    Tanh,
    Sigmoid,
    LeakyRelu,
    Gelu,
    BatchNorm2d,
    Flatten,
    GlobalAvgPool,
}
