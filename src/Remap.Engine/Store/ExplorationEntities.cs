namespace Remap.Engine.Store;

/// <summary>
/// One landmark of a dataset's structural projection: the first models added on a dataset become its
/// landmarks, up to the configured count, and keep their ordinal for good.
/// </summary>
public sealed class LandmarkEntity
{
    public long Id { get; set; }

    public required string DatasetName { get; set; }

    /// <summary>The 0-based position of the landmark; a model's landmark distances are stored in this order.</summary>
    public int Ordinal { get; set; }

    public long ModelId { get; set; }
}

/// <summary>
/// A model's structural distances to its dataset's landmarks, computed when the model is added (and for
/// earlier models when a landmark is added), so a projection never computes them again.
/// </summary>
public sealed class LandmarkDistancesEntity
{
    /// <summary>The model; one row per model.</summary>
    public long ModelId { get; set; }

    /// <summary>Little-endian float64 distances, one per landmark in ordinal order.</summary>
    public required byte[] Distances { get; set; }

    public int LandmarkCount { get; set; }
}

/// <summary>
/// A cached projection of a dataset's models: the landmark basis it was fitted with and every placed
/// model's coordinates. New models are placed with the same basis and appended, so earlier points
/// never move until a recompute replaces the row.
/// </summary>
public sealed class ProjectionEntity
{
    public long Id { get; set; }

    public required string DatasetName { get; set; }

    /// <summary><c>structure</c> or <c>prediction</c>.</summary>
    public required string Kind { get; set; }

    /// <summary><c>landmark-mds</c> or <c>tsne</c>.</summary>
    public required string Method { get; set; }

    public int Seed { get; set; }

    /// <summary>The landmark basis as JSON (landmark model ids, pseudo-inverse, mean squared distances); null for t-SNE, which places nothing out of sample.</summary>
    public string? BasisJson { get; set; }

    /// <summary>Little-endian records of (model id int64, x float64, y float64), one per placed model.</summary>
    public required byte[] Points { get; set; }

    public DateTime ComputedAt { get; set; }

    /// <summary>When the last model was placed out of sample; null when none was placed since the fit.</summary>
    public DateTime? UpdatedAt { get; set; }
}
