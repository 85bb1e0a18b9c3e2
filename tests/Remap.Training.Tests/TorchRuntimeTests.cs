namespace Remap.Training.Tests;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void EnsureLoaded_SucceedsAfterBuild()
    {
        var error = Record.Exception(TorchRuntime.EnsureLoaded);

        Assert.Null(error);
    }
}
