using System.Collections.Concurrent;
using Remap.Core.Exploration;
using Remap.Core.Language;
using Remap.Core.Model;
using Remap.Core.Shapes;
using Remap.Engine.Store;

namespace Remap.Api.Overview;

/// <summary>
/// Compiles stored models back to architectures and keeps each one's structural profile and short
/// form. A stored model's canonical text never changes, so the cache is keyed by model id alone.
/// </summary>
public sealed partial class StoredArchitectures(ILogger<StoredArchitectures> logger)
{
    private readonly ConcurrentDictionary<long, Entry> entries = new();

    /// <summary>The compiled architecture, its structural profile, its layers' short form and output sizes.</summary>
    /// <param name="Problem">Why the stored text no longer compiles, or null. Such a model is treated as a network without layers.</param>
    public sealed record Entry(Architecture Architecture, LayerProfile Profile, string ShortForm, IReadOnlyList<long> OutputSizes, string? Problem = null)
    {
        public bool Compiles => Problem is null;
    }

    /// <summary>Returns the model's entry, compiling its canonical text the first time.</summary>
    public Entry Get(long modelId, string canonicalText) =>
        entries.GetOrAdd(modelId, _ => Create(modelId, canonicalText));

    public Entry Get(ModelEntity model) => Get(model.Id, model.CanonicalText);

    /// <summary>Returns the entry of a model compiled before, or null.</summary>
    public Entry? TryGet(long modelId) => entries.GetValueOrDefault(modelId);


    private Entry Create(long modelId, string canonicalText)
    {
        // The canonical text carries its input shape and class count, so no dataset lookup is needed.
        var compilation = ArchitectureCompiler.Compile(canonicalText);
        if (compilation.Architecture is { } architecture)
        {
            return new Entry(architecture, LayerProfile.Of(architecture), LayerShortForm.Format(architecture.Layers),
                LayerOutputSizes.Of(ShapeInference.Infer(architecture)));
        }

        // A store written by an incompatible version: distances and diffs treat the model as having no layers.
        var problem = compilation.Diagnostics.FirstOrDefault(diagnostic => diagnostic.IsError)?.Message ?? "unknown error";
        LogUnreadable(logger, modelId, problem);
        var empty = new Architecture($"model-{modelId}", TensorShape.Features(1), 1, []);
        return new Entry(empty, LayerProfile.Of(empty), "(no longer compiles)", [], problem);
    }

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "The stored canonical text of model {ModelId} no longer compiles ({Problem}); exploration treats it as a network without layers")]
    private static partial void LogUnreadable(ILogger logger, long modelId, string problem);
}
