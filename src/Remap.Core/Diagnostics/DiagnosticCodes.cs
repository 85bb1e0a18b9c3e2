namespace Remap.Core.Diagnostics;

/// <summary>
/// The stable codes of every diagnostic Remap reports. <c>RM00xx</c> are syntax errors, <c>RM01xx</c> binding
/// errors (names, values, header), <c>RM1xxx</c> shape problems found by shape inference.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>A character the language does not use, such as <c>,</c> or an emoji outside a comment.</summary>
    public const string UnexpectedCharacter = "RM0001";

    /// <summary>A layer argument that is not <c>name=value</c>: the name, the <c>=</c> or the value is missing.</summary>
    public const string ExpectedArgument = "RM0002";

    /// <summary>A token where the line expects something else, such as a second value after a header.</summary>
    public const string UnexpectedToken = "RM0003";

    /// <summary>A header keyword (<c>model</c>, <c>input</c>, <c>classes</c>, <c>dataset</c>) without a value.</summary>
    public const string MissingHeaderValue = "RM0004";

    /// <summary>The file ends inside a <c>training {</c> block that was never closed with <c>}</c>.</summary>
    public const string UnclosedTrainingBlock = "RM0005";

    /// <summary><c>training</c> not followed by <c>{</c> on the same line.</summary>
    public const string MissingOpenBrace = "RM0006";

    /// <summary>A <c>}</c> outside a training block.</summary>
    public const string UnexpectedCloseBrace = "RM0007";

    /// <summary>A line inside the training block that is not <c>name = value</c>.</summary>
    public const string InvalidSetting = "RM0008";

    /// <summary>A layer keyword that is not in the layer catalog.</summary>
    public const string UnknownLayer = "RM0101";

    /// <summary>A parameter name the layer does not have.</summary>
    public const string UnknownParameter = "RM0102";

    /// <summary>The same parameter written twice on one layer.</summary>
    public const string DuplicateParameter = "RM0103";

    /// <summary>A value of the wrong kind, such as a word where a number is expected.</summary>
    public const string InvalidValue = "RM0104";

    /// <summary>A decimal number where a whole number is expected.</summary>
    public const string NotWholeNumber = "RM0105";

    /// <summary>A number outside the parameter's range.</summary>
    public const string ValueOutOfRange = "RM0106";

    /// <summary><c>padding=same</c> with an even kernel or a stride above 1, where no padding keeps the size.</summary>
    public const string InvalidSamePadding = "RM0107";

    /// <summary>A header statement written twice.</summary>
    public const string DuplicateHeader = "RM0108";

    /// <summary>A model or dataset name with characters other than letters, digits, <c>_</c>, <c>-</c> and <c>.</c>.</summary>
    public const string InvalidName = "RM0109";

    /// <summary>An input shape that is not one number or channels x height x width, or has a dimension out of range.</summary>
    public const string InvalidInputShape = "RM0110";

    /// <summary>A class count that is not a whole number from 2 to 100000.</summary>
    public const string InvalidClassCount = "RM0111";

    /// <summary>No input shape: neither the file, its dataset nor the compile options give one.</summary>
    public const string MissingInput = "RM0112";

    /// <summary>No class count: neither the file, its dataset nor the compile options give one.</summary>
    public const string MissingClasses = "RM0113";

    /// <summary>A dataset name the server does not know.</summary>
    public const string UnknownDataset = "RM0114";

    /// <summary>The file's <c>input</c> differs from the shape of its dataset.</summary>
    public const string InputDisagreesWithDataset = "RM0115";

    /// <summary>The file's <c>classes</c> differs from the class count of its dataset.</summary>
    public const string ClassesDisagreeWithDataset = "RM0116";

    /// <summary>A second training block.</summary>
    public const string DuplicateTrainingBlock = "RM0117";

    /// <summary>A training setting name that does not exist.</summary>
    public const string UnknownSetting = "RM0118";

    /// <summary>The same training setting written twice.</summary>
    public const string DuplicateSetting = "RM0119";

    /// <summary>A training setting value of the wrong kind or out of range.</summary>
    public const string InvalidSettingValue = "RM0120";

    /// <summary>The network has no layers.</summary>
    public const string NoLayers = "RM1001";

    /// <summary>A convolution kernel larger than its padded input.</summary>
    public const string KernelLargerThanInput = "RM1002";

    /// <summary>A pooling window larger than its input.</summary>
    public const string PoolLargerThanInput = "RM1003";

    /// <summary>An image layer (convolution, pooling, batch normalisation) on a flat feature vector.</summary>
    public const string ImageLayerOnFlatInput = "RM1004";

    /// <summary>A dense layer on an image, without flatten or global average pooling before it.</summary>
    public const string DenseOnImage = "RM1005";

    /// <summary>A shape with a dimension below 1.</summary>
    public const string NonPositiveDimension = "RM1006";

    /// <summary>The last layer is not dense.</summary>
    public const string FinalLayerNotDense = "RM1007";

    /// <summary>The last dense layer's unit count differs from the class count.</summary>
    public const string UnitsDisagreeWithClasses = "RM1008";

    /// <summary>A shape with more values than a tensor dimension can hold (2³¹ − 1).</summary>
    public const string ShapeTooLarge = "RM1009";

    /// <summary>Warning: flatten on an input that is already flat does nothing.</summary>
    public const string RedundantFlatten = "RM1101";

    /// <summary>Warning: two dropout layers in a row; one with a higher rate does the same.</summary>
    public const string RepeatedDropout = "RM1102";

    /// <summary>Warning: relu right after relu, where the second does nothing.</summary>
    public const string RepeatedActivation = "RM1103";

    /// <summary>
    /// Warning: the float32 weights take more than 1 GB. Training with adam keeps four copies (weights, gradients and two
    /// moment estimates), so 1 GB of weights needs about 4 GB of memory: an estimate of what a CPU trainer can count on beside other work.
    /// </summary>
    public const string WeightsTooLarge = "RM1104";
}
