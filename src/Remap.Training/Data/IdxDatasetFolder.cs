using TorchSharp;
using static TorchSharp.torch;

namespace Remap.Training.Data;

/// <summary>Finds and reads the four IDX files of a dataset folder.</summary>
internal static class IdxDatasetFolder
{
    public static string FindFile(string directory, string stem)
    {
        string[] candidates = [$"{stem}.gz", stem];
        foreach (var candidate in candidates)
        {
            var path = Path.Combine(directory, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException(
            $"Dataset folder {directory} has no {stem}.gz or {stem}; it needs train-images-idx3-ubyte, train-labels-idx1-ubyte, " +
            "t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, gzip-compressed or plain.",
            Path.Combine(directory, stem));
    }

    /// <summary>Reads one images file and its labels file into tensors, checking that they agree.</summary>
    public static (Tensor Images, Tensor Labels, int MaximumLabel) ReadPair(string directory, string imagesStem, string labelsStem)
    {
        var images = IdxFile.Read(FindFile(directory, imagesStem), IdxFile.ImagesMagic);
        var labels = IdxFile.Read(FindFile(directory, labelsStem), IdxFile.LabelsMagic);
        if (images.Count != labels.Count)
        {
            throw new IdxFormatException(labels.Path,
                $"has {labels.Count} labels but {images.Path} has {images.Count} images; both files must come from the same split.");
        }

        var labelValues = new long[labels.Count];
        var maximumLabel = 0;
        for (var index = 0; index < labelValues.Length; index++)
        {
            labelValues[index] = labels.Values[index];
            maximumLabel = Math.Max(maximumLabel, labels.Values[index]);
        }

        long[] shape = [images.Dimensions[0], 1, images.Dimensions[1], images.Dimensions[2]];
        return (tensor(images.Values, shape, ScalarType.Byte), tensor(labelValues, ScalarType.Int64), maximumLabel);
    }

    /// <summary>Reads only the headers, for listing a dataset without loading its pixels.</summary>
    public static (int TrainCount, int TestCount, int Height, int Width) ReadCounts(string directory)
    {
        var train = IdxFile.ReadDimensions(FindFile(directory, "train-images-idx3-ubyte"), IdxFile.ImagesMagic);
        var test = IdxFile.ReadDimensions(FindFile(directory, "t10k-images-idx3-ubyte"), IdxFile.ImagesMagic);
        return (train[0], test[0], train[1], train[2]);
    }
}
