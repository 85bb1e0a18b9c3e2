using System.Collections.Immutable;

namespace Remap.Core.Language;

/// <summary>A range of UTF-16 code units in a source text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int position) => position >= Start && position < End;
}

/// <summary>One line of a source text: <see cref="End"/> excludes the line break, <see cref="EndIncludingBreak"/> includes it.</summary>
public readonly record struct TextLine(int Number, int Start, int End, int EndIncludingBreak)
{
    public TextSpan Span => TextSpan.FromBounds(Start, End);
}

/// <summary>The line starts of a text, for turning offsets into 1-based lines and UTF-16 columns.</summary>
public sealed class LineMap
{
    private LineMap(ImmutableArray<TextLine> lines) => Lines = lines;

    public ImmutableArray<TextLine> Lines { get; }

    /// <summary>Splits a text at <c>\r\n</c>, <c>\n</c> and <c>\r</c>; an empty text has one empty line.</summary>
    public static LineMap Create(string text)
    {
        // Counting the breaks first sizes the array once for '\n' endings; "\r\n" endings count twice, so that array is copied once.
        var span = text.AsSpan();
        var lines = ImmutableArray.CreateBuilder<TextLine>(span.Count('\n') + span.Count('\r') + 1);
        var start = 0;
        var position = 0;
        while (position < text.Length)
        {
            var character = text[position];
            if (character is '\n' or '\r')
            {
                var breakLength = character == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
                lines.Add(new TextLine(lines.Count + 1, start, position, position + breakLength));
                position += breakLength;
                start = position;
            }
            else
            {
                position++;
            }
        }

        lines.Add(new TextLine(lines.Count + 1, start, text.Length, text.Length));
        return new LineMap(lines.Count == lines.Capacity ? lines.MoveToImmutable() : lines.ToImmutable());
    }

    public TextLine GetLine(int offset)
    {
        var low = 0;
        var high = Lines.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Lines[middle].Start <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return Lines[low];
    }

    /// <summary>Returns the 1-based line and the 1-based column, counted in UTF-16 code units, of an offset.</summary>
    public (int Line, int Column) GetPosition(int offset)
    {
        var line = GetLine(offset);
        return (line.Number, offset - line.Start + 1);
    }
}
