using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace Remap.Api.Overview;

/// <summary>The query of GET /api/v1/overview; each parameter's description is also the OpenAPI document's.</summary>
public sealed record OverviewQuery(
    [property: FromQuery(Name = "projection")]
    [property: Description("The view: structure (architecture distance), prediction (which validation images each model gets right) or accuracy-size " +
        "(x: validation accuracy from 0 to 1, y: log10 of the parameter count). Default: structure.")]
    string? Projection = null,
    [property: FromQuery(Name = "method")]
    [property: Description("How the structure and prediction views are projected: landmark-mds (default; any number of models, new models placed " +
        "without moving the others) or tsne (exact t-SNE, at most Remap:Exploration:MaxTsneModels models, 3,000 by default, and in the structure view " +
        "at most Remap:Exploration:MaxTsneStructureModels, 1,000 by default). Leave it out for accuracy-size.")]
    string? Method = null,
    [property: FromQuery(Name = "dataset")]
    [property: Description("The dataset whose models to show. May be left out when every model uses one dataset.")]
    string? Dataset = null,
    [property: FromQuery(Name = "classIndex")]
    [property: Description("Adds each trained model's test accuracy on this class (0-based, 0 to the dataset's class count − 1), to colour the plot by class. Default: none.")]
    int? ClassIndex = null,
    [property: FromQuery(Name = "limit")]
    [property: Range(1, OverviewQueryValidator.MaxLimit)]
    [property: Description("The most points in one page, 1 to 50,000. Default: 10,000.")]
    int? Limit = null,
    [property: FromQuery(Name = "after")]
    [property: Description("Returns models with a larger id than this one (0 or more): pass the nextAfter of the previous page. Default: from the first model.")]
    long? After = null,
    [property: FromQuery(Name = "maxPoints")]
    [property: Range(10, OverviewQueryValidator.MaxLimit)]
    [property: Description("Thins the view to at most this many placed points, 10 to 50,000, keeping the most accurate model of each cell of a grid " +
        "over the view's bounds; unplaced models are left out. Default: no thinning.")]
    int? MaxPoints = null,
    [property: FromQuery(Name = "focus")]
    [property: Description("A model id (1 or more) to jump to: the response carries its point in focus even when paging or thinning leaves it out. " +
        "404 when the overview has no model with this id.")]
    long? Focus = null);

/// <summary>One model in the overview. X and Y are null for a model the view cannot place yet.</summary>
/// <param name="Layers">The layers' short form, for example <c>conv16k3p1 → relu → max2 → flat → dense10</c>: what the architecture glyph draws.</param>
/// <param name="OutputSizes">How many values each layer outputs, one number per layer in the order of <c>layers</c>: the heights of the glyph's blocks.</param>
/// <param name="ClassAccuracy">The test accuracy on the requested class, when <c>classIndex</c> was given and the model is trained.</param>
public sealed record OverviewPoint(
    long Id,
    string Name,
    double? X,
    double? Y,
    double? ValidationAccuracy,
    long ParameterCount,
    string Status,
    long? ParentId,
    string Layers,
    IReadOnlyList<long> OutputSizes,
    double? ClassAccuracy);

/// <summary>The extent of every placed point of the view (before paging and thinning), so a client can fix its axes.</summary>
public sealed record OverviewBounds(double MinX, double MaxX, double MinY, double MaxY);

/// <summary>How the view's coordinates were made.</summary>
/// <param name="LandmarkCount">The landmarks of the basis; 0 for t-SNE.</param>
/// <param name="PlacedOutOfSample">Models placed with the stored basis since it was fitted; the others did not move.</param>
public sealed record OverviewProjectionInfo(string Method, int Seed, int LandmarkCount, int PlacedOutOfSample, DateTime ComputedAt);

/// <summary>A page of the overview.</summary>
/// <param name="ModelCount">Every model of the dataset in this view.</param>
/// <param name="PlacedCount">The models with coordinates.</param>
/// <param name="Thinned">True when <c>maxPoints</c> left points out.</param>
/// <param name="NextAfter">Pass as <c>after</c> for the next page; null on the last page.</param>
/// <param name="Focus">The point of the <c>focus</c> model.</param>
public sealed record OverviewResponse(
    string Dataset,
    string Projection,
    int? ClassIndex,
    int ModelCount,
    int PlacedCount,
    bool Thinned,
    long? NextAfter,
    OverviewBounds? Bounds,
    OverviewProjectionInfo? ProjectionInfo,
    OverviewPoint? Focus,
    IReadOnlyList<OverviewPoint> Points);

/// <summary>Asks for a projection to be fitted again on every model, which may move every point.</summary>
public sealed record RecomputeProjectionRequest(
    [property: Description("structure or prediction: accuracy-size needs no fit.")] string Projection,
    [property: Description("The dataset whose projection to fit. May be left out when every model uses one dataset.")] string? Dataset = null,
    [property: Description("landmark-mds (default) or tsne, with the same model limits as GET /api/v1/overview.")] string? Method = null,
    [property: Description("The t-SNE seed, 0 or more; the server's Remap:Exploration:Seed (1 by default) when left out. The same seed and models give the same layout.")] int? Seed = null);
