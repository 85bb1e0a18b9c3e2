using Remap.Core.Exploration;
using Remap.Core.Language;
using Remap.Core.Model;
using Remap.Core.Shapes;

namespace Remap.Core.Tests;

public class AblationTests
{
    private static Architecture Load(string text) => ArchitectureCompiler.Compile(text).Architecture!;

    private static Architecture SmallCnn() => Load(TestFiles.Read(Path.Combine("examples", "cnn-small.remap")));

    [Fact]
    public void Ablation_ChildrenAreValid()
    {
        var study = AblationGenerator.Generate(SmallCnn());

        Assert.All(study.Children, child => Assert.True(ShapeInference.Infer(child.Architecture).IsValid, child.Change));
    }

    [Fact]
    public void Ablation_EachChildRemovesExactlyOneLayer()
    {
        var parent = SmallCnn();

        var study = AblationGenerator.Generate(parent);

        Assert.All(study.Children, child => Assert.Equal(parent.Layers.RemoveAt(child.RemovedLayerIndex).ToArray(), child.Architecture.Layers.ToArray()));
    }

    [Fact]
    public void Ablation_CoversEveryLayerButTheLast()
    {
        var parent = SmallCnn();

        var study = AblationGenerator.Generate(parent);

        var indexes = study.Children.Select(child => child.RemovedLayerIndex).Concat(study.Skipped.Select(skip => skip.LayerIndex)).Order();
        Assert.Equal(Enumerable.Range(0, parent.Layers.Length - 1), indexes);
    }

    [Fact]
    public void Ablation_NeverRemovesFinalDense()
    {
        var parent = Load("input 20\nclasses 2\ndense units=2\n");

        var study = AblationGenerator.Generate(parent);

        Assert.Empty(study.Children);
        Assert.Empty(study.Skipped);
    }

    [Fact]
    public void Ablation_SkipsRemovalThatBreaksShapes()
    {
        var parent = Load("input 1x28x28\nclasses 10\nconv2d filters=8\nrelu\nflatten\ndense units=10\n");

        var skipped = Assert.Single(AblationGenerator.Generate(parent).Skipped);

        Assert.Equal(2, skipped.LayerIndex);
        Assert.Equal("dense needs a flat input but its input is the image 8×26×26: add flatten or globalavgpool before it", skipped.Reason);
    }

    [Fact]
    public void Ablation_SkipsRemovalOfGlobalPooling()
    {
        var parent = Load("input 3x8x8\nclasses 2\nconv2d filters=4\nglobalavgpool\ndense units=2\n");

        var skipped = Assert.Single(AblationGenerator.Generate(parent).Skipped);

        Assert.Equal(1, skipped.LayerIndex);
    }

    [Fact]
    public void Ablation_NamesChildAndDescribesChange()
    {
        var parent = SmallCnn();

        var child = AblationGenerator.Generate(parent).Children.Single(child => child.RemovedLayerIndex == 2);

        Assert.Equal("cnn_small-without-3-maxpool2d", child.Architecture.Name);
        Assert.Equal("removed layer 3 (maxpool2d size=2 stride=2)", child.Change);
    }

    [Fact]
    public void Ablation_ChildrenKeepTrainingAndDataset()
    {
        var parent = SmallCnn();

        var study = AblationGenerator.Generate(parent);

        Assert.All(study.Children, child => Assert.Equal(parent.Training, child.Architecture.Training));
        Assert.All(study.Children, child => Assert.Equal(parent.Dataset, child.Architecture.Dataset));
    }
}
