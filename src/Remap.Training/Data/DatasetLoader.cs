using Remap.Core.Model;

namespace Remap.Training.Data;

/// <summary>Reads a registered IDX folder and splits its training images into training and validation sets.</summary>
internal static class DatasetLoader
{
    public static readonly IReadOnlyList<string> FashionMnistClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    public static DatasetInfo Describe(DatasetRegistration registration)
    {
        var (trainCount, testCount, height, width) = IdxDatasetFolder.ReadCounts(registration.Directory);
        var classNames = ClassNamesFor(registration);
        var classes = classNames.Count;
        if (classes == 0)
        {
            using var labels = IdxDatasetFolder.ReadPair(registration.Directory, "train-images-idx3-ubyte", "train-labels-idx1-ubyte").Labels;
            classes = (int)labels.max().item<long>() + 1;
            classNames = [.. Enumerable.Range(0, classes).Select(index => index.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        }

        return new DatasetInfo(registration.Name, registration.Description ?? $"IDX images from {registration.Directory}",
            TensorShape.Image(1, height, width), classes, classNames, trainCount - ValidationCount(trainCount), testCount);
    }

    public static TrainingDataset Load(DatasetRegistration registration, DatasetInfo info)
    {
        var (trainImages, trainLabels, trainMaximum) = IdxDatasetFolder.ReadPair(registration.Directory, "train-images-idx3-ubyte", "train-labels-idx1-ubyte");
        var (testImages, testLabels, testMaximum) = IdxDatasetFolder.ReadPair(registration.Directory, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
        if (Math.Max(trainMaximum, testMaximum) >= info.Classes)
        {
            trainImages.Dispose();
            trainLabels.Dispose();
            testImages.Dispose();
            testLabels.Dispose();
            throw new IdxFormatException(registration.Directory,
                $"a label is {Math.Max(trainMaximum, testMaximum)}, but the dataset has {info.Classes} classes (labels 0 to {info.Classes - 1}).");
        }

        using var allTrain = new LabeledImages(trainImages, trainLabels, info.Classes);
        var (trainIndices, validationIndices) = SplitIndices(allTrain.Count, SplitSeed(registration.Name));
        return new TrainingDataset(info, allTrain.Select(trainIndices), allTrain.Select(validationIndices),
            new LabeledImages(testImages, testLabels, info.Classes));
    }

    public static int ValidationCount(int trainCount) => (int)(trainCount * DatasetCatalog.ValidationShare);

    /// <summary>Shuffles 0..count-1 with a seeded Fisher–Yates and holds out the first 10%; both parts are sorted ascending.</summary>
    public static (long[] Train, long[] Validation) SplitIndices(int count, int seed)
    {
        var order = Enumerable.Range(0, count).Select(index => (long)index).ToArray();
        var random = new Random(seed);
        for (var index = count - 1; index > 0; index--)
        {
            var other = random.Next(index + 1);
            (order[index], order[other]) = (order[other], order[index]);
        }

        var validationCount = ValidationCount(count);
        var validation = order[..validationCount];
        var train = order[validationCount..];
        Array.Sort(validation);
        Array.Sort(train);
        return (train, validation);
    }

    /// <summary>Derives the split seed from the dataset name (FNV-1a), so every model of a dataset gets the same validation images.</summary>
    public static int SplitSeed(string name)
    {
        var hash = 2166136261u;
        foreach (var character in name)
        {
            hash = (hash ^ character) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private static IReadOnlyList<string> ClassNamesFor(DatasetRegistration registration) =>
        registration.Name.StartsWith("fashion-mnist", StringComparison.Ordinal) ? FashionMnistClassNames : [];
}
