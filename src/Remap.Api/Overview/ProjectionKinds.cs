namespace Remap.Api.Overview;

/// <summary>The overview's views and projection methods, as the query string spells them.</summary>
public static class ProjectionKinds
{
    public const string Structure = "structure";
    public const string Prediction = "prediction";
    public const string AccuracySize = "accuracy-size";

    public const string LandmarkMds = "landmark-mds";
    public const string Tsne = "tsne";

    public static IReadOnlyList<string> Views { get; } = [Structure, Prediction, AccuracySize];

    public static IReadOnlyList<string> Methods { get; } = [LandmarkMds, Tsne];
}

/// <summary>A projection's points and how they were made.</summary>
/// <param name="Points">Coordinates by model id; a model without coordinates is not placed yet (t-SNE places no new models until a recompute, the prediction view only trained ones).</param>
/// <param name="LandmarkCount">The landmarks the basis was fitted on; 0 for t-SNE.</param>
/// <param name="PlacedOutOfSample">Models placed with the stored basis since the fit, without moving the others.</param>
public sealed record ProjectionResult(
    IReadOnlyDictionary<long, (double X, double Y)> Points, string Method, int Seed, int LandmarkCount, int PlacedOutOfSample, DateTime ComputedAt);

/// <summary>The stored landmark basis: the landmark model ids in ordinal order and the fitted basis.</summary>
public sealed record StoredBasis(IReadOnlyList<long> LandmarkIds, Remap.Core.Projections.LandmarkBasis Basis, int PlacedOutOfSample);
