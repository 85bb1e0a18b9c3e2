using Microsoft.AspNetCore.Http.HttpResults;
using Remap.Api.Infrastructure;
using Remap.Training.Data;
using TorchSharp;

namespace Remap.Api.Datasets;

public static class SamplesApi
{
    public const int MaxCount = 100;

    /// <summary>The response header that carries how many images the sprite contains (fewer than requested when the class has fewer test images).</summary>
    public const string TileCountHeader = "X-Remap-Sample-Count";

    public static RouteGroupBuilder MapSamplesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/datasets/{name}/classes/{classIndex:int}/samples", GetSamples)
            .WithTags("Datasets")
            .WithName("GetClassSamples")
            .WithSummary("Test images of one class as one PNG sprite: count images side by side, left to right in the test file's order")
            .WithDescription(
                "The sprite is count × width pixels wide and one image high; tile i starts at x = i × the dataset's width. " +
                $"The {TileCountHeader} header gives the number of tiles. count is 1 to {MaxCount}, default 10.")
            .Produces<byte[]>(StatusCodes.Status200OK, "image/png")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <param name="name">A dataset name from GET /api/v1/datasets.</param>
    /// <param name="classIndex">The 0-based class, from 0 to the dataset's class count − 1.</param>
    /// <param name="count">How many images, 1 to 100; default 10.</param>
    public static Results<FileContentHttpResult, ProblemHttpResult> GetSamples(
        string name, int classIndex, int? count, DatasetCatalog datasets, HttpResponse response)
    {
        if (datasets.Find(name) is not { } info)
        {
            return TypedResults.Problem(title: "Dataset not found",
                detail: $"No dataset is named '{name}'. GET /api/v1/datasets lists the registered ones.", statusCode: StatusCodes.Status404NotFound);
        }

        if (classIndex < 0 || classIndex >= info.Classes)
        {
            return Problems.BadRequest("Class index out of range", $"The class index is {classIndex}, but '{name}' has {info.Classes} classes: use 0 to {info.Classes - 1}.");
        }

        var requestedCount = count ?? 10;
        if (requestedCount < 1 || requestedCount > MaxCount)
        {
            return Problems.BadRequest("Sample count out of range", $"'count' is {requestedCount}; ask for 1 to {MaxCount} images.");
        }

        var (pixels, tiles) = SpritePixels(datasets.Load(name).Test, classIndex, requestedCount);
        if (tiles == 0)
        {
            return TypedResults.Problem(title: "No samples", detail: $"Dataset '{name}' has no test images of class {classIndex}.", statusCode: StatusCodes.Status404NotFound);
        }

        var shape = info.Input;
        response.Headers[TileCountHeader] = tiles.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var channels = shape.Channels == 3 ? 3 : 1;
        return TypedResults.File(PngEncoder.Encode(pixels, shape.Width * tiles, shape.Height, channels), "image/png");
    }

    /// <summary>Returns the first <paramref name="count"/> test images of the class laid side by side, interleaved per pixel.</summary>
    private static (byte[] Pixels, int Tiles) SpritePixels(LabeledImages test, int classIndex, int count)
    {
        using var scope = torch.NewDisposeScope();
        var indices = test.Labels.eq(classIndex).nonzero().flatten();
        var tiles = (int)Math.Min(count, indices.shape[0]);
        if (tiles == 0)
        {
            return ([], 0);
        }

        var images = test.Images.index_select(0, indices.narrow(0, 0, tiles));
        var (channels, height, width) = ((int)images.shape[1], (int)images.shape[2], (int)images.shape[3]);

        // Greyscale keeps the first channel unless the images are RGB.
        var outputChannels = channels == 3 ? 3 : 1;
        var source = images.data<byte>().ToArray();
        var pixels = new byte[tiles * width * height * outputChannels];
        for (var tile = 0; tile < tiles; tile++)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    for (var channel = 0; channel < outputChannels; channel++)
                    {
                        var from = ((tile * channels + channel) * height + y) * width + x;
                        var to = ((y * tiles * width) + tile * width + x) * outputChannels + channel;
                        pixels[to] = source[from];
                    }
                }
            }
        }

        return (pixels, tiles);
    }
}
