namespace Remap.Api.Overview;

/// <summary>The exploration settings, bound from the <c>Remap:Exploration</c> configuration section.</summary>
public sealed class ExplorationOptions
{
    public const string SectionName = "Remap:Exploration";

    /// <summary>How many landmark models each dataset's projections use. More landmarks cost more per added model (one distance each) and place points more faithfully.</summary>
    public int LandmarkCount { get; set; } = 200;

    /// <summary>The largest model count a t-SNE projection accepts: it needs every pairwise distance and O(n²) work per iteration.</summary>
    public int MaxTsneModels { get; set; } = 2000;

    /// <summary>
    /// How long a cached overview is served without asking the store whether it changed. Within it a
    /// new model or a finished job may show up late by at most this long; zero checks on every request.
    /// </summary>
    public TimeSpan OverviewRevalidateInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The seed of t-SNE layouts unless a recompute request gives one.</summary>
    public int Seed { get; set; } = 1;
}
