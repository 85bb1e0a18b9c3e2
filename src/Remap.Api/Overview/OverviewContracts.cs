using Microsoft.AspNetCore.Mvc;

namespace Remap.Api.Overview;

/// <summary>The query of GET /api/v1/overview.</summary>
/// <param name="Projection">The view: <c>structure</c> (architecture distance), <c>prediction</c> (which validation images each model gets right) or <c>accuracy-size</c> (x: validation accuracy, y: log10 of the parameter count). Default structure.</param>
/// <param name="Method">For structure and prediction: <c>landmark-mds</c> (default) or <c>tsne</c>.</param>
/// <param name="Dataset">The dataset whose models to show; may be left out when every model uses one dataset.</param>
/// <param name="ClassIndex">Adds each model's test accuracy on this class (0-based), to colour the plot by class.</param>
/// <param name="Limit">The most points in one page, 1 to 50,000; default 10,000.</param>
/// <param name="After">Returns models with a larger id than this one: the <c>nextAfter</c> of the previous page.</param>
/// <param name="MaxPoints">Thins the view to at most this many placed points, keeping the most accurate model of each grid cell; 10 to 50,000.</param>
/// <param name="Focus">A model id to jump to: the response carries its point even when paging or thinning leaves it out; 404 when the overview has no model with this id.</param>
public sealed record OverviewQuery(
    [property: FromQuery(Name = "projection")] string? Projection = null,
    [property: FromQuery(Name = "method")] string? Method = null,
    [property: FromQuery(Name = "dataset")] string? Dataset = null,
    [property: FromQuery(Name = "classIndex")] int? ClassIndex = null,
    [property: FromQuery(Name = "limit")] int? Limit = null,
    [property: FromQuery(Name = "after")] long? After = null,
    [property: FromQuery(Name = "maxPoints")] int? MaxPoints = null,
    [property: FromQuery(Name = "focus")] long? Focus = null);

/// <summary>One model in the overview. X and Y are null for a model the view cannot place yet.</summary>
/// <param name="Layers">The layers' short form, for example <c>conv16k3p1 → relu → max2 → flat → dense10</c>: what the architecture glyph draws.</param>
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
/// <param name="Projection"><c>structure</c> or <c>prediction</c>.</param>
/// <param name="Method"><c>landmark-mds</c> (default) or <c>tsne</c>.</param>
/// <param name="Seed">The t-SNE seed; the server's default when left out.</param>
public sealed record RecomputeProjectionRequest(string Projection, string? Dataset = null, string? Method = null, int? Seed = null);
