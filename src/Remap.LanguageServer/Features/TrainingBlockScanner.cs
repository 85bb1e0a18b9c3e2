using Remap.Core.Model;
using Remap.LanguageServer.Documents;

namespace Remap.LanguageServer.Features;

/// <summary>Finds the training block around a line from the text alone, by looking for <c>training {</c> and <c>}</c>.</summary>
internal static class TrainingBlockScanner
{
    public static bool IsInside(DocumentSnapshot snapshot, int lineIndex)
    {
        for (var index = lineIndex - 1; index >= 0; index--)
        {
            var text = Code(snapshot, index);
            if (text.StartsWith('}'))
            {
                return false;
            }

            if (text.StartsWith("training", StringComparison.Ordinal))
            {
                return text.Contains('{', StringComparison.Ordinal);
            }

            if (text.Length > 0 && (LayerCatalog.Find(text.Split(' ')[0]) is not null || text.Split(' ')[0] is "model" or "input" or "classes" or "dataset"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Returns the setting names already written in the block around a line.</summary>
    public static HashSet<string> SettingNames(DocumentSnapshot snapshot, int lineIndex)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var index = lineIndex - 1; index >= 0 && !Code(snapshot, index).StartsWith("training", StringComparison.Ordinal); index--)
        {
            names.Add(Code(snapshot, index).Split('=')[0].Trim());
        }

        for (var index = lineIndex + 1; index < snapshot.Lines.Lines.Length && !Code(snapshot, index).StartsWith('}'); index++)
        {
            names.Add(Code(snapshot, index).Split('=')[0].Trim());
        }

        return names;
    }

    /// <summary>Returns the header keywords and <c>training</c> that lines other than <paramref name="lineIndex"/> start with.</summary>
    public static IReadOnlySet<string> StatementKeywords(DocumentSnapshot snapshot, int lineIndex)
    {
        var keywords = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < snapshot.Lines.Lines.Length; index++)
        {
            var first = Code(snapshot, index).Split([' ', '\t', '{'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (index != lineIndex && first is "model" or "input" or "classes" or "dataset" or "training")
            {
                keywords.Add(first);
            }
        }

        return keywords;
    }

    private static string Code(DocumentSnapshot snapshot, int lineIndex)
    {
        var line = snapshot.Lines.Lines[lineIndex];
        var text = snapshot.Text.AsSpan(line.Start, line.End - line.Start);
        var comment = text.IndexOf('#');
        return (comment >= 0 ? text[..comment] : text).Trim().TrimStart('\uFEFF').ToString();
    }
}
