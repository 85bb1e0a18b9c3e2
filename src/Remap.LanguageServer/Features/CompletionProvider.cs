using Remap.Core.Language;
using Remap.Core.Model;
using Remap.LanguageServer.Documents;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Features;

/// <summary>
/// Completion from the text around the cursor alone, without compiling, so it stays fast on long files: statement
/// keywords and layer snippets at the start of a line, the parameters a layer has not been given yet, enumeration
/// values after <c>=</c>, and training settings inside the training block.
/// </summary>
internal static class CompletionProvider
{
    private static readonly HeaderKind[] Headers = [HeaderKind.Model, HeaderKind.Input, HeaderKind.Classes, HeaderKind.Dataset];

    /// <summary>Completes at a position; <paramref name="datasets"/> are the dataset names a file may use (the server's, or the built-in ones without a server).</summary>
    public static CompletionList Complete(DocumentSnapshot snapshot, Position position, bool snippets, IReadOnlyDictionary<string, DatasetShape>? datasets = null)
    {
        var offset = snapshot.GetOffset(position);
        var line = snapshot.Lines.GetLine(offset);
        var before = snapshot.Text.AsSpan(line.Start, offset - line.Start).ToString();
        if (before.Contains('#', StringComparison.Ordinal))
        {
            return new CompletionList(false, []);
        }

        var wordStart = offset;
        while (wordStart > line.Start && IsWordCharacter(snapshot.Text[wordStart - 1]))
        {
            wordStart--;
        }

        var replace = new Range(snapshot.GetPosition(wordStart), position);
        var words = before[..(wordStart - line.Start)].Split([' ', '\t', '\uFEFF'], StringSplitOptions.RemoveEmptyEntries);
        var items = TrainingBlockScanner.IsInside(snapshot, line.Number - 1)
            ? CompleteSetting(snapshot, line.Number - 1, words, replace)
            : CompleteStatement(snapshot, line, words, replace, snippets, datasets);
        return new CompletionList(false, [.. items]);
    }

    private static IEnumerable<CompletionItem> CompleteStatement(
        DocumentSnapshot snapshot, TextLine line, string[] words, Range replace, bool snippets, IReadOnlyDictionary<string, DatasetShape>? datasets)
    {
        if (words.Length == 0)
        {
            return StatementKeywords(replace, snippets, TrainingBlockScanner.StatementKeywords(snapshot, line.Number - 1));
        }

        if (words is ["input" or "classes"] && datasets is not null)
        {
            return DatasetValues(words[0] == "input", datasets, replace);
        }

        if (words is ["dataset"] && datasets is not null)
        {
            return datasets.OrderBy(dataset => dataset.Key, StringComparer.Ordinal).Select(dataset => new CompletionItem(dataset.Key, CompletionItemKind.Value)
            {
                Detail = $"dataset: input {dataset.Value.Input}, {dataset.Value.Classes} classes",
                Documentation = Markdown($"**{dataset.Key}**, a dataset: input {dataset.Value.Input}, {dataset.Value.Classes} classes."),
                TextEdit = new TextEdit(replace, dataset.Key),
            });
        }

        if (LayerCatalog.Find(words[0]) is not { } definition)
        {
            return [];
        }

        var last = words.Length > 1 ? words[^1] : "";
        if (last.EndsWith('=') && definition.FindParameter(last.TrimEnd('=')) is { } parameter)
        {
            return Values(definition, parameter, replace);
        }

        var lineText = snapshot.Text.AsSpan(line.Start, line.End - line.Start).ToString();
        var given = lineText.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Where(argument => argument.Contains('=', StringComparison.Ordinal))
            .Select(argument => argument.Split('=')[0]).ToHashSet(StringComparer.Ordinal);
        return definition.Parameters
            .Where(schema => !given.Contains(schema.Name))
            .Select((schema, index) => new CompletionItem(schema.Name, CompletionItemKind.Property)
            {
                Detail = $"{definition.Keyword} parameter, default {schema.DefaultText}",
                Documentation = Markdown(LayerDocumentation.Parameter(definition, schema)),
                SortText = index.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
                TextEdit = new TextEdit(replace, schema.Name + "="),
            });
    }

    // The input shapes or class counts of the known datasets, each documented with the datasets that have it.
    private static IEnumerable<CompletionItem> DatasetValues(bool input, IReadOnlyDictionary<string, DatasetShape> datasets, Range replace) =>
        datasets.GroupBy(dataset => input ? dataset.Value.Input.ToSourceText() : dataset.Value.Classes.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group =>
            {
                var names = string.Join(", ", group.Select(dataset => $"`{dataset.Key}`").Order(StringComparer.Ordinal));
                return new CompletionItem(group.Key, CompletionItemKind.Value)
                {
                    Detail = input ? $"input shape of {string.Join(", ", group.Select(dataset => dataset.Key))}" : $"class count of {string.Join(", ", group.Select(dataset => dataset.Key))}",
                    Documentation = Markdown(input ? $"The input shape of the dataset {names}." : $"The class count of the dataset {names}."),
                    TextEdit = new TextEdit(replace, group.Key),
                };
            });

    /// <param name="written">The statement keywords other lines already start with: headers and the training block are offered only once.</param>
    private static IEnumerable<CompletionItem> StatementKeywords(Range replace, bool snippets, IReadOnlySet<string> written)
    {
        foreach (var definition in LayerCatalog.All)
        {
            yield return new CompletionItem(definition.Keyword, CompletionItemKind.Class)
            {
                Detail = definition.Summary,
                Documentation = Markdown(LayerDocumentation.Layer(definition)),
                SortText = "1" + definition.Keyword,
                TextEdit = new TextEdit(replace, definition.Keyword),
            };

            if (snippets && !definition.Parameters.IsEmpty)
            {
                yield return new CompletionItem($"{definition.Keyword} …", CompletionItemKind.Snippet)
                {
                    Detail = $"{definition.Summary} with every parameter",
                    Documentation = Markdown(LayerDocumentation.Layer(definition)),
                    SortText = "2" + definition.Keyword,
                    FilterText = definition.Keyword,
                    InsertTextFormat = Protocol.InsertTextFormat.Snippet,
                    TextEdit = new TextEdit(replace, LayerSnippet(definition)),
                };
            }
        }

        foreach (var header in Headers)
        {
            var keyword = header.ToString().ToLowerInvariant();
            if (written.Contains(keyword))
            {
                continue;
            }

            yield return new CompletionItem(keyword, CompletionItemKind.Keyword)
            {
                Detail = "header",
                Documentation = Markdown(LayerDocumentation.Header(header)),
                SortText = "3" + keyword,
                TextEdit = new TextEdit(replace, keyword + " "),
            };
        }

        if (written.Contains("training"))
        {
            yield break;
        }

        yield return new CompletionItem("training", CompletionItemKind.Keyword)
        {
            Detail = "training block",
            Documentation = Markdown(LayerDocumentation.TrainingBlock),
            SortText = "4training",
            InsertTextFormat = snippets ? Protocol.InsertTextFormat.Snippet : null,
            TextEdit = new TextEdit(replace, snippets ? "training {\n  epochs = ${1:5}\n  optimizer = ${2|adam,adamw,sgd|}\n}" : "training {"),
        };
    }

    private static IEnumerable<CompletionItem> Values(LayerDefinition definition, ParameterSchema parameter, Range replace)
    {
        var documentation = Markdown(LayerDocumentation.Parameter(definition, parameter));
        foreach (var keyword in parameter.Keywords)
        {
            yield return new CompletionItem(keyword, CompletionItemKind.EnumMember)
            {
                Detail = $"{parameter.Name} of {definition.Keyword}",
                Documentation = documentation,
                TextEdit = new TextEdit(replace, keyword),
            };
        }

        if (parameter.Default is { } value)
        {
            var text = Layer.FormatNumber(value);
            yield return new CompletionItem(text, CompletionItemKind.Value)
            {
                Detail = $"the default {parameter.Name}",
                Documentation = documentation,
                TextEdit = new TextEdit(replace, text),
            };
        }
    }

    private static IEnumerable<CompletionItem> CompleteSetting(DocumentSnapshot snapshot, int lineIndex, string[] words, Range replace)
    {
        if (words.Length == 0)
        {
            var given = TrainingBlockScanner.SettingNames(snapshot, lineIndex);
            return TrainingSettingCatalog.All.Where(setting => !given.Contains(setting.Name)).Select(setting => new CompletionItem(setting.Name, CompletionItemKind.Property)
            {
                Detail = $"training setting, default {setting.DefaultText}",
                Documentation = Markdown(LayerDocumentation.Setting(setting)),
                TextEdit = new TextEdit(replace, setting.Name + " = "),
            });
        }

        var name = words[0].Split('=')[0];
        var afterEquals = words.Length > 1 || words[0].Contains('=', StringComparison.Ordinal);
        if (!afterEquals || TrainingSettingCatalog.Find(name) is not { } schema)
        {
            return [];
        }

        var values = schema.Keywords.IsEmpty ? [schema.DefaultText] : schema.Keywords.AsEnumerable();
        return values.Select(value => new CompletionItem(value, schema.Keywords.IsEmpty ? CompletionItemKind.Value : CompletionItemKind.EnumMember)
        {
            Detail = schema.Keywords.IsEmpty ? $"the default {schema.Name}" : $"{schema.Name} value",
            Documentation = Markdown(LayerDocumentation.Setting(schema)),
            TextEdit = new TextEdit(replace, value),
        });
    }

    private static string LayerSnippet(LayerDefinition definition)
    {
        // The default comes first in a choice, because accepting the snippet as it is writes the first choice.
        var arguments = definition.Parameters.Select((parameter, index) =>
        {
            var placeholder = parameter.Keywords.IsEmpty
                ? $"${{{index + 1}:{(parameter.Default is { } value ? Layer.FormatNumber(value) : "2")}}}"
                : $"${{{index + 1}|{string.Join(',', parameter.Keywords.Prepend(parameter.DefaultText).Distinct(StringComparer.Ordinal))}|}}";
            return $"{parameter.Name}={placeholder}";
        });
        return $"{definition.Keyword} {string.Join(' ', arguments)}";
    }

    private static MarkupContent Markdown(string text) => new(MarkupKind.Markdown, text);

    private static bool IsWordCharacter(char character) => char.IsLetterOrDigit(character) || character is '_' or '-' or '.' or '+';
}
