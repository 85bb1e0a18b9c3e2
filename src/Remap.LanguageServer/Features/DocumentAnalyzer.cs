using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Remap.Core.Language;
using Remap.LanguageServer.Documents;

namespace Remap.LanguageServer.Features;

/// <summary>
/// Compiles a document version with Remap.Core once and keeps the result while that version and the settings stay current.
/// Each document has its own <see cref="IncrementalCompiler"/>, so a version reparses only the lines edited since the last
/// one compiled, and allocates little enough that typing rarely triggers a garbage collection.
/// </summary>
internal sealed class DocumentAnalyzer(SettingsStore settings)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IncrementalCompiler> compilers = new(StringComparer.Ordinal);

    public SettingsStore Settings => settings;

    /// <summary>Returns the compilation of a snapshot. Throws only <see cref="OperationCanceledException"/>.</summary>
    public Compilation Analyze(DocumentSnapshot snapshot, CancellationToken cancellationToken)
    {
        var generation = settings.Generation;
        if (entries.TryGetValue(snapshot.Uri, out var entry) && entry.Version == snapshot.Version && entry.Generation == generation && ReferenceEquals(entry.Text, snapshot.Text))
        {
            return entry.Compilation;
        }

        var current = settings.Current;
        var options = new CompileOptions
        {
            DefaultInput = current.DefaultInput,
            DefaultClasses = current.DefaultClasses,
            DefaultInputSetting = "remap.defaults.input",
            DefaultClassesSetting = "remap.defaults.classes",
            DefaultName = ModelNames.FromUri(snapshot.Uri),
            ResolveDataset = current.ResolvableDatasets.GetValueOrDefault,
            KnownDatasets = current.ResolvableDatasets.Keys.Order(StringComparer.Ordinal).ToArray(),
            DatasetCheckUnavailable = current.DatasetCheck,
        };
        var compiler = compilers.GetOrAdd(snapshot.Uri, _ => new IncrementalCompiler());
        var compilation = compiler.Compile(snapshot.Text, options, cancellationToken);
        entries[snapshot.Uri] = new Entry(snapshot.Version, generation, snapshot.Text, compilation);
        return compilation;
    }

    public void Forget(string uri)
    {
        entries.TryRemove(uri, out _);
        compilers.TryRemove(uri, out _);
    }

    private sealed record Entry(int Version, int Generation, string Text, Compilation Compilation);
}

/// <summary>
/// The model name of a file that has no <c>model</c> line: its percent-decoded file name without the extension, with every
/// character other than a letter, digit, combining mark, <c>_</c>, <c>-</c> or <c>.</c> replaced by <c>_</c>, cut to 100
/// characters; "unnamed" when that leaves nothing.
/// </summary>
internal static class ModelNames
{
    private const int MaximumLength = 100;

    public static string FromUri(string uri)
    {
        var path = Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed.AbsolutePath : uri;
        var name = Path.GetFileNameWithoutExtension(Uri.UnescapeDataString(path));
        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var valid = Rune.IsLetterOrDigit(rune) || rune.Value is '_' or '-' or '.'
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (valid && builder.Length + rune.Utf16SequenceLength <= MaximumLength)
            {
                builder.Append(rune.ToString());
            }
            else if (!valid && builder.Length < MaximumLength)
            {
                builder.Append('_');
            }
        }

        return builder.Length > 0 ? builder.ToString() : "unnamed";
    }

    /// <summary>Returns the name the file gives on its <c>model</c> line, or the one derived from its URI.</summary>
    public static string Of(Compilation compilation, string uri) =>
        compilation.Architecture?.Name
        ?? compilation.Syntax.Headers.FirstOrDefault(header => header.Kind == HeaderKind.Model)?.Value?.Text
        ?? FromUri(uri);
}
