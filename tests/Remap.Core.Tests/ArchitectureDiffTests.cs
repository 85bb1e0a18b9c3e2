using Remap.Core.Exploration;
using Remap.Core.Language;
using Remap.Core.Model;

namespace Remap.Core.Tests;

public class ArchitectureDiffTests
{
    private const string Header = "input 1x28x28\nclasses 10\n";

    private static Architecture Load(string layers)
    {
        var compilation = ArchitectureCompiler.Compile(Header + layers);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        return compilation.Architecture!;
    }

    private static readonly string Parent = """
        conv2d filters=32 kernel=3 padding=same
        relu
        maxpool2d size=2
        flatten
        dense units=10
        """;

    [Fact]
    public void Compare_SameArchitecture_IsEmpty()
    {
        var parent = Load(Parent);

        var difference = ArchitectureDiff.Compare(parent, parent);

        Assert.True(difference.IsEmpty);
        Assert.Equal(Enumerable.Range(0, 5).Select(index => new LayerPair(index, index)), difference.Alignment);
    }

    [Fact]
    public void Compare_RemovedLayer_NamesItLikeAnAblation()
    {
        var parent = Load(Parent);
        var child = AblationGenerator.Generate(parent).Children.Single(item => item.RemovedLayerIndex == 2);

        var difference = ArchitectureDiff.Compare(parent, child.Architecture);

        var change = Assert.Single(difference.Changes);
        Assert.Equal(LayerChangeKind.Removed, change.Kind);
        Assert.Equal(child.Change, change.Description);
        Assert.Contains(new LayerPair(2, null), difference.Alignment);
        Assert.Contains(new LayerPair(3, 2), difference.Alignment);
    }

    [Fact]
    public void Compare_InsertedLayer_SaysBeforeWhichParentLayer()
    {
        var parent = Load(Parent);
        var child = Load(Parent.Replace("relu\n", "batchnorm2d\nrelu\n"));

        var change = Assert.Single(ArchitectureDiff.Compare(parent, child).Changes);

        Assert.Equal(LayerChangeKind.Inserted, change.Kind);
        Assert.Equal(1, change.AfterIndex);
        Assert.Equal("inserted batchnorm2d before layer 2 (relu)", change.Description);
    }

    [Fact]
    public void Compare_ChangedParameter_ListsOldAndNewValues()
    {
        var parent = Load(Parent);
        var child = Load(Parent.Replace("filters=32 kernel=3", "filters=64 kernel=5"));

        var change = Assert.Single(ArchitectureDiff.Compare(parent, child).Changes);

        Assert.Equal(LayerChangeKind.Reparameterised, change.Kind);
        Assert.Equal("changed layer 1 conv2d: filters 32 → 64, kernel 3 → 5, padding 1 → 2", change.Description);
    }

    [Fact]
    public void Compare_OtherKind_IsReplacement()
    {
        var parent = Load(Parent);
        var child = Load(Parent.Replace("relu\n", "leaky_relu slope=0.1\n"));

        var difference = ArchitectureDiff.Compare(parent, child);

        var change = Assert.Single(difference.Changes);
        Assert.Equal(LayerChangeKind.Replaced, change.Kind);
        Assert.Equal("replaced layer 2 (relu) with leaky_relu slope=0.1", change.Description);
        Assert.Contains(new LayerPair(1, null), difference.Alignment);
        Assert.Contains(new LayerPair(null, 1), difference.Alignment);
    }

    [Fact]
    public void Compare_KeepsIdenticalLayer()
    {
        var parent = Load("conv2d filters=8 kernel=3\nconv2d filters=16 kernel=3\nflatten\ndense units=10\n");
        var child = Load("conv2d filters=16 kernel=3\nflatten\ndense units=10\n");

        var change = Assert.Single(ArchitectureDiff.Compare(parent, child).Changes);

        Assert.Equal(LayerChangeKind.Removed, change.Kind);
        Assert.Equal(0, change.BeforeIndex);
    }

    [Fact]
    public void Compare_InsertionAtEnd()
    {
        var parent = Load("flatten\ndense units=10\n");
        var child = Load("flatten\ndense units=10\nrelu\ndense units=10\n");

        var difference = ArchitectureDiff.Compare(parent, child);

        Assert.Equal(2, difference.Changes.Length);
        Assert.All(difference.Changes, change => Assert.Equal(LayerChangeKind.Inserted, change.Kind));
        Assert.EndsWith("after layer 2 (dense units=10)", difference.Changes[^1].Description);
    }

    [Fact]
    public void Compare_AlignmentCoversEveryLayer()
    {
        var parent = Load(Parent);
        var child = Load("conv2d filters=16 kernel=5\nbatchnorm2d\nleaky_relu slope=0.2\nflatten\ndropout rate=0.5\ndense units=10\n");

        var alignment = ArchitectureDiff.Compare(parent, child).Alignment;

        Assert.Equal(Enumerable.Range(0, parent.Layers.Length), alignment.Where(pair => pair.BeforeIndex is not null).Select(pair => pair.BeforeIndex!.Value));
        Assert.Equal(Enumerable.Range(0, child.Layers.Length), alignment.Where(pair => pair.AfterIndex is not null).Select(pair => pair.AfterIndex!.Value));
        Assert.All(alignment.Where(pair => pair.IsKept), pair => Assert.Equal(parent.Layers[pair.BeforeIndex!.Value].Kind, child.Layers[pair.AfterIndex!.Value].Kind));
    }
}
