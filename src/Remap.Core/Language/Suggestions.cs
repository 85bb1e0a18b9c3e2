namespace Remap.Core.Language;

/// <summary>Finds the closest known word to a misspelled one, for "did you mean" hints. Public so that hosts word their own messages the same way.</summary>
public static class Suggestions
{
    /// <summary>Returns the candidate with the smallest edit distance, or null when none is close enough to be a likely typo.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Max(2, word.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Returns "; did you mean 'x'?" or ": use one of a, b, c" for a message's tail.</summary>
    public static string Hint(string word, IReadOnlyCollection<string> candidates)
    {
        var closest = Closest(word, candidates);
        return closest is not null ? $"; did you mean '{closest}'?" : $": use one of {string.Join(", ", candidates)}";
    }

    /// <summary>Returns the Levenshtein distance: insertions, deletions and substitutions, each costing 1.</summary>
    public static int EditDistance(string first, string second)
    {
        var previous = new int[second.Length + 1];
        var current = new int[second.Length + 1];
        for (var j = 0; j <= second.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= first.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= second.Length; j++)
            {
                var substitution = previous[j - 1] + (first[i - 1] == second[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[second.Length];
    }
}
