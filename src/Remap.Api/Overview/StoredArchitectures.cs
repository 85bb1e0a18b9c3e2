using System.Collections.Concurrent;
using Remap.Core.Exploration;
using Remap.Core.Language;
using Remap.Core.Model;
using Remap.Engine.Store;

namespace Remap.Api.Overview;

/// <summary>
/// Compiles stored models back to architectures and keeps each one's structural profile and short
/// form. A stored model's canonical text never changes, so the cache is keyed by model id alone.
/// </summary>
public sealed class StoredArchitectures
{
    private readonly ConcurrentDictionary<long, Entry> entries = new();

    /// <summary>The compiled architecture, its structural profile and its layers' short form.</summary>
    public sealed record Entry(Architecture Architecture, LayerProfile Profile, string ShortForm);

    /// <summary>Returns the model's entry, compiling its canonical text the first time.</summary>
    /// <exception cref="InvalidOperationException">The stored canonical text no longer compiles (a store written by an incompatible version).</exception>
    public Entry Get(long modelId, string canonicalText) =>
        entries.GetOrAdd(modelId, _ => Create(modelId, canonicalText));

    public Entry Get(ModelEntity model) => Get(model.Id, model.CanonicalText);

    /// <summary>Returns the entry of a model compiled before, or null.</summary>
    public Entry? TryGet(long modelId) => entries.GetValueOrDefault(modelId);

    /// <summary>Returns the short form of a model compiled before, or null.</summary>
    public string? TryGetShortForm(long modelId) => entries.TryGetValue(modelId, out var entry) ? entry.ShortForm : null;

    private static Entry Create(long modelId, string canonicalText)
    {
        // The canonical text carries its input shape and class count, so no dataset lookup is needed.
        var compilation = ArchitectureCompiler.Compile(canonicalText);
        var architecture = compilation.Architecture
            ?? throw new InvalidOperationException(
                $"The stored canonical text of model {modelId} no longer compiles: {compilation.Diagnostics.FirstOrDefault(diagnostic => diagnostic.IsError)?.Message}");
        return new Entry(architecture, LayerProfile.Of(architecture), LayerShortForm.Format(architecture.Layers));
    }
}
