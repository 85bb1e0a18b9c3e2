namespace Remap.Api.Tests;

/// <summary>.remap sources small enough to train in a second or two on the bundled sample.</summary>
public static class Architectures
{
    public const string Tiny = """
        model tiny
        dataset fashion-mnist-sample
        flatten
        dense units=10
        training {
          epochs = 1
          batch_size = 128
        }
        """;

    /// <summary>Removing flatten breaks the shapes (dense needs a flat input); the other removals are valid.</summary>
    public const string Ablatable = """
        model ablatable
        dataset fashion-mnist-sample
        flatten
        dense units=16
        relu
        dropout rate=0.1
        dense units=10
        training {
          epochs = 1
          batch_size = 128
        }
        """;

    /// <summary>Misspells a layer keyword on line 3.</summary>
    public const string UnknownLayer = """
        model broken
        dataset fashion-mnist-sample
        flaten
        dense units=10
        """;
}
