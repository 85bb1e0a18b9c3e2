using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Remap.Core.Model;

/// <summary>How a parameter's value is written in a file.</summary>
public enum ParameterValueKind
{
    /// <summary>A whole number within the range.</summary>
    Integer,

    /// <summary>A decimal number within the range.</summary>
    Number,

    /// <summary>A whole number of pixels, or <c>same</c> or <c>valid</c> (convolution padding).</summary>
    Padding,
}

/// <summary>
/// The schema of one layer parameter: its default, its inclusive range and its documentation.
/// A null default means "derived from another parameter" (a pooling stride defaults to the size).
/// </summary>
public sealed record ParameterSchema(
    string Name,
    ParameterValueKind ValueKind,
    double? Default,
    double Minimum,
    double Maximum,
    string Documentation,
    bool MaximumIsExclusive = false)
{
    /// <summary>The words the parameter accepts besides numbers, such as <c>same</c> for padding.</summary>
    public ImmutableArray<string> Keywords => ValueKind == ParameterValueKind.Padding ? ["same", "valid"] : [];

    /// <summary>The default as documentation shows it.</summary>
    public string DefaultText => Default is { } value ? Layer.FormatNumber(value) : DerivedDefaultText;

    /// <summary>What a derived default means, for parameters whose default is another parameter's value.</summary>
    public string DerivedDefaultText { get; init; } = "";

    /// <summary>The range as documentation and messages show it, for example <c>1 to 4096</c> or <c>0 to less than 1</c>.</summary>
    public string RangeText =>
        MaximumIsExclusive
            ? $"{Layer.FormatNumber(Minimum)} to less than {Layer.FormatNumber(Maximum)}"
            : $"{Layer.FormatNumber(Minimum)} to {Layer.FormatNumber(Maximum)}";

    public bool IsInRange(double value) =>
        value >= Minimum && (MaximumIsExclusive ? value < Maximum : value <= Maximum);
}

/// <summary>The description of one layer kind: its keyword, documentation and parameter schemas.</summary>
public sealed record LayerDefinition(
    LayerKind Kind,
    string Keyword,
    string Summary,
    string Documentation,
    ImmutableArray<ParameterSchema> Parameters)
{
    public ParameterSchema? FindParameter(string name) => Parameters.FirstOrDefault(parameter => parameter.Name == name);

    /// <summary>Whether the layer is an elementwise activation function, which has no weights.</summary>
    public bool IsActivation => Kind is LayerKind.Relu or LayerKind.Tanh or LayerKind.Sigmoid or LayerKind.LeakyRelu or LayerKind.Gelu;
}

/// <summary>
/// The one layer catalog of Remap: the parser, shape inference, the trainer, the language
/// server and the documentation all read layer kinds and parameter schemas from here.
/// </summary>
public static class LayerCatalog
{
    private static readonly ImmutableArray<LayerDefinition> Definitions =
    [
        new(LayerKind.Conv2d, "conv2d", "2-D convolution",
            "Slides `filters` learned kernels of `kernel`×`kernel` over an image (channels × height × width). " +
            "Output size per side: floor((size + 2·padding − kernel) / stride) + 1.",
            [
                new("filters", ParameterValueKind.Integer, 32, 1, 4096, "Number of output channels (feature maps)."),
                new("kernel", ParameterValueKind.Integer, 3, 1, 15, "Side of the square kernel in pixels."),
                new("stride", ParameterValueKind.Integer, 1, 1, 8, "Step of the kernel in pixels."),
                new("padding", ParameterValueKind.Padding, 0, 0, 7,
                    "Zero pixels added on each side: a number, `valid` (0) or `same` (keeps the size; odd kernel and stride 1 only)."),
            ]),
        new(LayerKind.MaxPool2d, "maxpool2d", "2-D max pooling",
            "Keeps the largest value of each `size`×`size` window. Output size per side: floor((size_in − size) / stride) + 1.",
            [
                new("size", ParameterValueKind.Integer, 2, 1, 8, "Side of the square pooling window in pixels."),
                new("stride", ParameterValueKind.Integer, null, 1, 8, "Step of the window in pixels.")
                    { DerivedDefaultText = "the size" },
            ]),
        new(LayerKind.AvgPool2d, "avgpool2d", "2-D average pooling",
            "Averages each `size`×`size` window. Output size per side: floor((size_in − size) / stride) + 1.",
            [
                new("size", ParameterValueKind.Integer, 2, 1, 8, "Side of the square pooling window in pixels."),
                new("stride", ParameterValueKind.Integer, null, 1, 8, "Step of the window in pixels.")
                    { DerivedDefaultText = "the size" },
            ]),
        new(LayerKind.Dense, "dense", "Fully connected layer",
            "Multiplies a flat feature vector by a learned weight matrix and adds a bias. " +
            "Needs a flat input: put `flatten` or `globalavgpool` after the last image layer. " +
            "The last layer of every network is a dense layer with one unit per class.",
            [
                new("units", ParameterValueKind.Integer, 128, 1, 65536, "Number of output features."),
            ]),
        new(LayerKind.Dropout, "dropout", "Dropout",
            "During training, sets each value to zero with probability `rate` and scales the rest by 1 / (1 − rate); does nothing at evaluation.",
            [
                new("rate", ParameterValueKind.Number, 0.5, 0, 1, "Probability of dropping each value.", MaximumIsExclusive: true),
            ]),
        new(LayerKind.Relu, "relu", "ReLU activation", "max(0, x), elementwise.", []),
        new(LayerKind.Tanh, "tanh", "Tanh activation", "Hyperbolic tangent, elementwise.", []),
        new(LayerKind.Sigmoid, "sigmoid", "Sigmoid activation", "1 / (1 + e^−x), elementwise.", []),
        new(LayerKind.LeakyRelu, "leaky_relu", "Leaky ReLU activation", "x for x ≥ 0, slope·x otherwise, elementwise.",
            [
                new("slope", ParameterValueKind.Number, 0.01, 0, 1, "Slope for negative inputs."),
            ]),
        new(LayerKind.Gelu, "gelu", "GELU activation", "x·Φ(x), the Gaussian error linear unit, elementwise.", []),
        new(LayerKind.BatchNorm2d, "batchnorm2d", "2-D batch normalisation",
            "Normalises each channel of an image over the batch, then scales and shifts it with two learned values per channel " +
            "(2 × channels parameters; the running mean and variance are buffers, not parameters).",
            []),
        new(LayerKind.Flatten, "flatten", "Flatten", "Turns an image (channels × height × width) into a flat feature vector.", []),
        new(LayerKind.GlobalAvgPool, "globalavgpool", "Global average pooling",
            "Averages each channel of an image to one value and flattens: channels × height × width → channels.", []),
    ];

    private static readonly FrozenDictionary<LayerKind, LayerDefinition> ByKind =
        Definitions.ToFrozenDictionary(definition => definition.Kind);

    private static readonly FrozenDictionary<string, LayerDefinition> ByKeyword =
        Definitions.ToFrozenDictionary(definition => definition.Keyword, StringComparer.Ordinal);

    public static ImmutableArray<LayerDefinition> All => Definitions;

    public static LayerDefinition Get(LayerKind kind) => ByKind[kind];

    public static LayerDefinition? Find(string keyword) => ByKeyword.GetValueOrDefault(keyword);
}
