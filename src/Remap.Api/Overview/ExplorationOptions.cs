namespace Remap.Api.Overview;

/// <summary>The exploration settings, bound from the <c>Remap:Exploration</c> configuration section.</summary>
public sealed class ExplorationOptions
{
    public const string SectionName = "Remap:Exploration";

    /// <summary>How many landmark models each dataset's projections use. More landmarks cost more per added model (one distance each) and place points more faithfully.</summary>
    public int LandmarkCount { get; set; } = 200;

    /// <summary>
    /// The largest model count a t-SNE projection accepts in either view. Exact t-SNE costs O(n²) time and memory
    /// per iteration: on an idle 2-core machine bench/exploration/tsne.cs measured 11.7 s at 3,000 points and
    /// 27.6 s (930 MiB) at 5,000.
    /// </summary>
    public int MaxTsneModels { get; set; } = 3000;

    /// <summary>
    /// The largest model count a t-SNE projection of the structure view accepts. Before t-SNE runs, every pairwise
    /// structural distance is computed (an optimal-transport problem each), about 12 s for 1,000 models on an idle
    /// 2-core machine by the estimate of bench/exploration/tsne.cs, before t-SNE's own 2 s.
    /// </summary>
    public int MaxTsneStructureModels { get; set; } = 1000;

    /// <summary>
    /// How long a cached overview is served without asking the store whether it changed. Within it a
    /// new model or a finished job may show up late by at most this long; zero checks on every request.
    /// </summary>
    public TimeSpan OverviewRevalidateInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The seed of t-SNE layouts unless a recompute request gives one.</summary>
    public int Seed { get; set; } = 1;
}
