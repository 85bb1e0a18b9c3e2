using Remap.Core.Model;

namespace Remap.Api.Exploration;

/// <summary>Reads layer kinds and variation actions as requests spell them (the language's keywords).</summary>
public static class LayerKindNames
{
    public static string Known { get; } = string.Join(", ", LayerCatalog.All.Select(definition => definition.Keyword));

    public static bool IsKnown(string? keyword) => keyword is not null && LayerCatalog.Find(keyword) is not null;

    public static LayerKind Parse(string keyword) =>
        LayerCatalog.Find(keyword)?.Kind ?? throw new ArgumentException($"'{keyword}' is not a layer kind; use one of {Known}.", nameof(keyword));

    public static string ActionNames { get; } = "insert, remove, replace, reparameterise";

    public static bool TryParseAction(string? text, out Remap.Core.Exploration.VariationAction action)
    {
        action = default;
        return text is not null && !int.TryParse(text, out _) && Enum.TryParse(text, ignoreCase: true, out action) && Enum.IsDefined(action);
    }
}
