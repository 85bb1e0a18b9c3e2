using Remap.Core.Model;
using Remap.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Remap.Training;

/// <summary>Copies trained weights from a parent network into the layers a child network shares with it.</summary>
public static class WeightTransfer
{
    /// <summary>
    /// Loads the parent's weights and copies each kept layer whose kind and parameter and buffer
    /// shapes match into <paramref name="child"/>. Returns the indexes of the child layers that received weights.
    /// </summary>
    public static IReadOnlyList<int> Apply(WarmStartSource source, Architecture childArchitecture, SequentialNetwork child)
    {
        using var parent = NetworkBuilder.Build(source.Parent);
        parent.load(source.WeightsPath);

        var copied = new List<int>();
        using var noGrad = no_grad();
        foreach (var (parentIndex, childIndex) in source.KeptLayers)
        {
            if (parentIndex >= source.Parent.Layers.Length || childIndex >= childArchitecture.Layers.Length
                || source.Parent.Layers[parentIndex].Kind != childArchitecture.Layers[childIndex].Kind)
            {
                continue;
            }

            if (TryCopy(parent.Layers[parentIndex], child.Layers[childIndex]))
            {
                copied.Add(childIndex);
            }
        }

        return copied;
    }

    private static bool TryCopy(nn.Module from, nn.Module to)
    {
        var sourceTensors = NamedTensors(from).ToDictionary(pair => pair.Name, pair => pair.Tensor);
        var targetTensors = NamedTensors(to).ToList();

        // A layer without weights (relu, pooling) has nothing to copy, so it does not count as warm-started.
        if (targetTensors.Count == 0 || targetTensors.Count != sourceTensors.Count)
        {
            return false;
        }

        foreach (var (name, tensor) in targetTensors)
        {
            if (!sourceTensors.TryGetValue(name, out var parentTensor) || !parentTensor.shape.SequenceEqual(tensor.shape))
            {
                return false;
            }
        }

        foreach (var (name, tensor) in targetTensors)
        {
            tensor.copy_(sourceTensors[name]);
        }

        return true;
    }

    private static IEnumerable<(string Name, Tensor Tensor)> NamedTensors(nn.Module module) =>
        module.named_parameters().Select(pair => (pair.name, (Tensor)pair.parameter)).Concat(module.named_buffers());
}
