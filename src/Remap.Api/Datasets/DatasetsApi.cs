using Microsoft.AspNetCore.Http.HttpResults;
using Remap.Training.Data;

namespace Remap.Api.Datasets;

/// <summary>A dataset registered on the server.</summary>
/// <param name="Input">The shape of one sample in the language's notation, for example <c>1x28x28</c>.</param>
public sealed record DatasetResponse(
    string Name, string Description, string Input, IReadOnlyList<int> InputDimensions, int Classes,
    IReadOnlyList<string> ClassNames, int TrainCount, int TestCount);

public static class DatasetsApi
{
    public static RouteGroupBuilder MapDatasetsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/datasets", ListDatasets)
            .WithTags("Datasets")
            .WithName("ListDatasets")
            .WithSummary("List the datasets models can be trained on");
        return api;
    }

    public static Ok<List<DatasetResponse>> ListDatasets(DatasetCatalog catalog) =>
        TypedResults.Ok(catalog.List()
            .Select(info => new DatasetResponse(
                info.Name, info.Description, info.Input.ToSourceText(), [.. info.Input.Dimensions], info.Classes,
                info.ClassNames, info.TrainCount, info.TestCount))
            .ToList());
}
