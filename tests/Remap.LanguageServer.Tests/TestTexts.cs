using System.Text;

namespace Remap.LanguageServer.Tests;

/// <summary>The .remap texts the tests open.</summary>
internal static class TestTexts
{
    public const string SmallCnn =
        "# A small CNN\n" +
        "model cnn_small\n" +
        "input 1x28x28\n" +
        "classes 10\n" +
        "\n" +
        "conv2d filters=32 kernel=3 padding=same\n" +
        "relu\n" +
        "maxpool2d size=2\n" +
        "flatten\n" +
        "dense units=10\n" +
        "\n" +
        "training {\n" +
        "  epochs = 4\n" +
        "  optimizer = adam\n" +
        "}\n";

    public const string Header = "model m\ninput 1x28x28\nclasses 10\n";

    public const string Flat = "model m\ninput 20\nclasses 2\n";

    /// <summary>
    /// Every diagnostic code the server can report without a Remap server, each with a file that triggers it. The dataset
    /// codes (RM0114 to RM0116) need a dataset resolver and RM1006 needs a shape no file can write; Remap.Core's tests cover them.
    /// </summary>
    public static TheoryData<string, string> DiagnosticCases() => new()
    {
        { "RM0001", Flat + "dense units=2;\n" },
        { "RM0002", Flat + "dense units\n" },
        { "RM0003", "model m extra\ninput 20\nclasses 2\ndense units=2\n" },
        { "RM0004", "model\ninput 20\nclasses 2\ndense units=2\n" },
        { "RM0005", Flat + "dense units=2\ntraining {\n  epochs = 3\n" },
        { "RM0006", Flat + "dense units=2\ntraining\n  epochs = 3\n}\n" },
        { "RM0007", Flat + "dense units=2\n}\n" },
        { "RM0008", Flat + "dense units=2\ntraining {\n  epochs 3\n}\n" },
        { "RM0101", Flat + "conv2 filters=3\ndense units=2\n" },
        { "RM0102", Header + "conv2d kernal=3\nflatten\ndense units=10\n" },
        { "RM0103", Flat + "dense units=2 units=2\n" },
        { "RM0104", Flat + "dense units=many\n" },
        { "RM0105", Header + "conv2d kernel=2.5\nflatten\ndense units=10\n" },
        { "RM0106", Header + "conv2d kernel=0\nflatten\ndense units=10\n" },
        { "RM0107", Header + "conv2d kernel=4 padding=same\nflatten\ndense units=10\n" },
        { "RM0108", Flat + "model n\ndense units=2\n" },
        { "RM0109", "model a+b\ninput 20\nclasses 2\ndense units=2\n" },
        { "RM0110", "input 28x28\nclasses 2\ndense units=2\n" },
        { "RM0111", "input 20\nclasses 1\ndense units=1\n" },
        { "RM0112", "classes 2\ndense units=2\n" },
        { "RM0113", "input 20\ndense units=2\n" },
        { "RM0117", Flat + "dense units=2\ntraining {\n}\ntraining {\n}\n" },
        { "RM0118", Flat + "dense units=2\ntraining {\n  epoch = 3\n}\n" },
        { "RM0119", Flat + "dense units=2\ntraining {\n  seed = 1\n  seed = 2\n}\n" },
        { "RM0120", Flat + "dense units=2\ntraining {\n  optimizer = rmsprop\n}\n" },
        { "RM1001", Flat },
        { "RM1002", "input 1x4x4\nclasses 2\nconv2d kernel=5\nflatten\ndense units=2\n" },
        { "RM1003", "input 1x1x1\nclasses 2\nmaxpool2d size=2\nflatten\ndense units=2\n" },
        { "RM1004", Flat + "conv2d filters=8\ndense units=2\n" },
        { "RM1005", Header + "dense units=10\n" },
        { "RM1007", Flat + "dense units=2\nrelu\n" },
        { "RM1008", Flat + "dense units=3\n" },
        { "RM1009", "input 65536x65536x65536\nclasses 2\nflatten\ndense units=2\n" },
        { "RM1101", Flat + "flatten\ndense units=2\n" },
        { "RM1102", Flat + "dense units=8\ndropout\ndropout\ndense units=2\n" },
        { "RM1103", Flat + "dense units=8\nrelu\nrelu\ndense units=2\n" },
        { "RM1104", Header + "conv2d filters=4096\nconv2d filters=4096\nflatten\ndense units=65536\ndense units=10\n" },
    };

    /// <summary>A valid network of about 2,000 lines: blocks of a comment, dense, relu and dropout on a flat input.</summary>
    public static string Long(int lines = 2000)
    {
        var builder = new StringBuilder("model long_mlp\ninput 784\nclasses 10\n\n");
        var count = 4;
        while (count < lines - 8)
        {
            builder.Append("# block ").Append(count / 4).Append('\n');
            builder.Append("dense units=64\n");
            builder.Append("relu\n");
            builder.Append("dropout rate=0.1\n");
            count += 4;
        }

        builder.Append("dense units=10\n\ntraining {\n  epochs = 2\n  seed = 7\n}\n");
        return builder.ToString();
    }
}
