using Remap.Core.Language;
using Remap.LanguageServer.Protocol;

namespace Remap.LanguageServer.Documents;

/// <summary>One version of an open document: its text and the line map that turns LSP positions into offsets.</summary>
internal sealed class DocumentSnapshot
{
    private readonly Lazy<LineMap> lines;

    public DocumentSnapshot(string uri, int version, string text)
    {
        Uri = uri;
        Version = version;
        Text = text;
        lines = new Lazy<LineMap>(() => LineMap.Create(text));
    }

    public string Uri { get; }

    public int Version { get; }

    public string Text { get; }

    public LineMap Lines => lines.Value;

    /// <summary>
    /// Returns the UTF-16 offset of a position. As the specification requires, a character past the end of its line
    /// means the end of that line, and a line past the last one means the end of the text.
    /// </summary>
    public int GetOffset(Position position)
    {
        var all = Lines.Lines;
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= all.Length)
        {
            return Text.Length;
        }

        var line = all[position.Line];
        return line.Start + Math.Clamp(position.Character, 0, line.End - line.Start);
    }

    /// <summary>Returns the zero-based LSP position of a UTF-16 offset.</summary>
    public Position GetPosition(int offset)
    {
        var line = Lines.GetLine(Math.Clamp(offset, 0, Text.Length));
        return new Position(line.Number - 1, Math.Min(offset, line.End) - line.Start);
    }

    public Range GetRange(TextSpan span) => new(GetPosition(span.Start), GetPosition(span.End));

    public Range WholeDocument => new(new Position(0, 0), GetPosition(Text.Length));
}
