using System.Collections.Immutable;
using Remap.Core.Model;

namespace Remap.Training.Tests;

/// <summary>Builds normalised layers the way Core's binder does: every schema parameter, in catalog order.</summary>
internal static class Layers
{
    public static Layer Conv(int filters, int kernel, int stride = 1, int padding = 0) =>
        Create(LayerKind.Conv2d, ("filters", filters), ("kernel", kernel), ("stride", stride), ("padding", padding));

    public static Layer MaxPool(int size, int? stride = null) => Create(LayerKind.MaxPool2d, ("size", size), ("stride", stride ?? size));

    public static Layer AvgPool(int size, int? stride = null) => Create(LayerKind.AvgPool2d, ("size", size), ("stride", stride ?? size));

    public static Layer Dense(int units) => Create(LayerKind.Dense, ("units", units));

    public static Layer Dropout(double rate) => Create(LayerKind.Dropout, ("rate", rate));

    public static Layer LeakyRelu(double slope) => Create(LayerKind.LeakyRelu, ("slope", slope));

    public static Layer Relu => Create(LayerKind.Relu);

    public static Layer Tanh => Create(LayerKind.Tanh);

    public static Layer Sigmoid => Create(LayerKind.Sigmoid);

    public static Layer Gelu => Create(LayerKind.Gelu);

    public static Layer BatchNorm => Create(LayerKind.BatchNorm2d);

    public static Layer Flatten => Create(LayerKind.Flatten);

    public static Layer GlobalAvgPool => Create(LayerKind.GlobalAvgPool);

    public static Architecture Network(string name, TensorShape input, int classes, params Layer[] layers) =>
        new(name, input, classes, [.. layers]);

    private static Layer Create(LayerKind kind, params (string Name, double Value)[] parameters) =>
        new(kind, [.. parameters.Select(parameter => new LayerParameter(parameter.Name, parameter.Value))]);
}
