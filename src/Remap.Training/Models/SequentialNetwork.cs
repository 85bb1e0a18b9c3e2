using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Remap.Training.Models;

/// <summary>A network built from an Architecture: one TorchSharp module per Remap layer, run in order.</summary>
public sealed class SequentialNetwork : Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.ModuleList<Module<Tensor, Tensor>> layers;

    public SequentialNetwork(string name, IEnumerable<Module<Tensor, Tensor>> layers)
        : base(name)
    {
        this.layers = ModuleList([.. layers]);
        RegisterComponents();
    }

    /// <summary>The modules in call order; index i is the Remap layer at index i.</summary>
    public IReadOnlyList<Module<Tensor, Tensor>> Layers => [.. layers];

    /// <summary>The number of trainable values: the parameter count of the architecture.</summary>
    public long ParameterCount => parameters().Sum(parameter => parameter.numel());

    public override Tensor forward(Tensor input)
    {
        var output = input;
        foreach (var layer in layers)
        {
            // Each intermediate result is owned by the caller's dispose scope.
            output = layer.call(output);
        }

        return output;
    }
}
