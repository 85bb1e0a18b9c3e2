#:project ../../src/Remap.Training/Remap.Training.csproj
// Measures the seconds per epoch and the test accuracy after 3 epochs of the small CNN
// (conv32k3 relu max2 conv64k3 relu max2 flatten dense128 relu dense10) on fashion-mnist-sample.
// Usage (see README.md beside this file): build with --artifacts-path, then run the DLL with [THREADS] [EPOCHS].
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Remap.Core.Model;
using Remap.Training;
using Remap.Training.Data;

var threads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2;
var epochs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;

static Layer Create(LayerKind kind, params (string Name, double Value)[] parameters) =>
    new(kind, [.. parameters.Select(parameter => new LayerParameter(parameter.Name, parameter.Value))]);

ImmutableArray<Layer> layers =
[
    Create(LayerKind.Conv2d, ("filters", 32), ("kernel", 3), ("stride", 1), ("padding", 0)),
    Create(LayerKind.Relu),
    Create(LayerKind.MaxPool2d, ("size", 2), ("stride", 2)),
    Create(LayerKind.Conv2d, ("filters", 64), ("kernel", 3), ("stride", 1), ("padding", 0)),
    Create(LayerKind.Relu),
    Create(LayerKind.MaxPool2d, ("size", 2), ("stride", 2)),
    Create(LayerKind.Flatten),
    Create(LayerKind.Dense, ("units", 128)),
    Create(LayerKind.Relu),
    Create(LayerKind.Dense, ("units", 10)),
];
var architecture = new Architecture("small_cnn", TensorShape.Image(1, 28, 28), 10, layers);
var settings = TrainingSettings.Default with { Epochs = epochs };

using var catalog = new DatasetCatalog([]);
var data = catalog.Load(DatasetCatalog.FashionMnistSample);
var trainer = new Trainer(NullLogger<Trainer>.Instance, new TrainerOptions { Threads = threads });
var result = trainer.Train(architecture, data, settings, null, CancellationToken.None);

Console.WriteLine($"small_cnn on {data.Info.Name}: {data.Train.Count} training images, {threads} threads, batch size {settings.BatchSize}, {settings.Optimizer}, seed {settings.Seed}");
Console.WriteLine($"parameters: {result.ParameterCount}");
foreach (var epoch in result.Epochs)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"epoch {epoch.Epoch}: {epoch.Seconds:F2} s, train loss {epoch.TrainLoss:F4}, train accuracy {epoch.TrainAccuracy:P2}, validation accuracy {epoch.ValidationAccuracy:P2}"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"test accuracy after {epochs} epochs: {result.TestAccuracy:P2}; total {result.Duration.TotalSeconds:F1} s"));
