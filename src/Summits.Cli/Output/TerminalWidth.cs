using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Summits.Cli.Output;

/// <summary>
/// How many columns the text output may use, and how many a text takes: every fitting measures in terminal cells
/// (<see cref="Cells"/>), not in characters, so that CJK characters and emoji, two cells each, are counted as the
/// terminal draws them.
/// </summary>
public static class TerminalWidth
{
    /// <summary>
    /// The terminal cells <paramref name="text"/> takes as a terminal draws it: two for a wide character (CJK
    /// ideographs, kana, hangul, most emoji: East Asian Width W or F), none for a combining mark or a zero-width
    /// character, one for the rest (Spectre.Console's cell width, from the Unicode tables). A control character is to
    /// be shown escaped (<see cref="Printable"/>) before it is measured.
    /// </summary>
    public static int Cells(string text)
    {
        foreach (var c in text)
        {
            // ASCII printable text, nearly every line, takes a cell a character.
            if (c < ' ' || c > '~')
                return text.GetCellWidth();
        }
        return text.Length;
    }

    /// <summary>
    /// <paramref name="text"/> followed by as many spaces as it takes to fill <paramref name="cells"/> terminal cells
    /// (<see cref="Cells"/>): a left-aligned column, as <c>{text,-n}</c> would give if every character took one cell.
    /// A text that takes <paramref name="cells"/> or more is returned as it is, never cut.
    /// </summary>
    public static string PadRight(string text, int cells) => text + Spaces(cells - Cells(text));

    /// <summary>
    /// <paramref name="text"/> after as many spaces as it takes to fill <paramref name="cells"/> terminal cells
    /// (<see cref="Cells"/>): a right-aligned column, as <c>{text,n}</c> would give if every character took one cell.
    /// A text that takes <paramref name="cells"/> or more is returned as it is, never cut.
    /// </summary>
    public static string PadLeft(string text, int cells) => Spaces(cells - Cells(text)) + text;

    private static string Spaces(int count) => new(' ', Math.Max(0, count));

    /// <summary>
    /// The longest start of <paramref name="text"/> that takes at most <paramref name="room"/> cells, cut between
    /// text elements (a character with its combining marks, a surrogate pair, an emoji sequence are never split).
    /// </summary>
    public static string Prefix(string text, int room)
    {
        var used = 0;
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var cells = Cells(element);
            if (used + cells > room)
                break;
            used += cells;
            end = elements.ElementIndex + element.Length;
        }
        return text[..end];
    }

    /// <summary>The width used when standard output is not a terminal and <c>COLUMNS</c> is not set.</summary>
    public const int Default = 100;

    /// <summary>The narrowest width honoured; below it lines are laid out for this width.</summary>
    public const int Minimum = 40;

    /// <summary>
    /// The terminal's width when standard output is one; otherwise <c>COLUMNS</c> when it holds a whole
    /// number, or <see cref="Default"/>, so that a file or a pipe gets the same layout every time.
    /// </summary>
    public static int OfStandardOutput()
    {
        if (!Console.IsOutputRedirected)
        {
            try
            {
                if (Console.WindowWidth > 0)
                    return Math.Max(Minimum, Console.WindowWidth);
            }
            catch (IOException)
            {
            }
        }
        return int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0
            ? Math.Max(Minimum, columns)
            : Default;
    }

    /// <summary>
    /// The columns a line on standard error is wrapped to: the terminal's width when standard error is one (at least
    /// <see cref="Minimum"/>); null when it is a file or a pipe, which gets each line whole, as a log reads best.
    /// </summary>
    public static int? OfStandardError()
    {
        if (Console.IsErrorRedirected)
            return null;
        try
        {
            if (Console.WindowWidth > 0)
                return Math.Max(Minimum, Console.WindowWidth);
        }
        catch (IOException)
        {
        }
        catch (PlatformNotSupportedException)
        {
        }
        return int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0
            ? Math.Max(Minimum, columns)
            : Default;
    }

    /// <summary>
    /// The columns a line drawn in place on standard error may take without wrapping: the terminal's width
    /// less one (a line that fills the last column wraps on some terminals, and a wrapped line cannot be
    /// erased with a carriage return) and less <see cref="StatusLine.EchoRoom"/> (the terminal's <c>^C</c> after
    /// the line when Ctrl-C is pressed, which must not wrap either); from <c>COLUMNS</c> when the width cannot
    /// be read, else from <see cref="Default"/>. At least 1.
    /// </summary>
    public static int ForProgress()
    {
        const int reserved = 1 + StatusLine.EchoRoom;
        try
        {
            if (Console.WindowWidth > 0)
                return Math.Max(1, Console.WindowWidth - reserved);
        }
        catch (IOException)
        {
        }
        catch (PlatformNotSupportedException)
        {
        }
        return int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > reserved
            ? columns - reserved
            : Math.Max(1, Default - reserved);
    }

    /// <summary>
    /// Shortens a line to at most <paramref name="room"/> cells (at least 1, <see cref="Cells"/>) for drawing in place: a
    /// longer line is cut between text elements and ends in "..." (or is only cut when <paramref name="room"/> is 3 or less).
    /// </summary>
    public static string Fit(string line, int room)
    {
        room = Math.Max(1, room);
        if (Cells(line) <= room)
            return line;
        return room > 3 ? Prefix(line, room - 3) + "..." : Prefix(line, room);
    }

    /// <summary>
    /// Breaks a line that takes more than <paramref name="width"/> cells (<see cref="Cells"/>) at spaces, continuing with its own indent plus
    /// four; a word that does not fit after the indent starts as far left as it needs (a word longer than the
    /// width stays whole on a line of its own, from the left edge), so an id is never cut. Text in a script written
    /// without spaces (Chinese, Japanese) also breaks between its wide characters (<see cref="Pieces(string)"/>), so that a
    /// sentence of it fills its lines instead of passing the width as one word. No
    /// line it gives ends in a space, and none is blank: the spaces a break falls among (a table's padding
    /// around an empty cell) are dropped with the break, so the next line starts at its next word.
    /// </summary>
    /// <param name="hanging">The columns a continuation is indented by, in place of the line's own indent plus four: for
    /// lines whose indent varies with a right-aligned number, so that their continuations align. At most half the width.</param>
    /// <param name="paths">Files and folders the line names, each kept whole as one word wherever it stands in the line
    /// (with any punctuation written against it): the spaces inside a path are no places to break, nor are its wide
    /// characters, so a path that does not fit where it stands starts the next line, and passes the width only when it
    /// alone (with what is written against it) is wider.</param>
    public static IEnumerable<string> Wrap(string line, int width, int? hanging = null, IReadOnlyCollection<string>? paths = null)
    {
        line = line.TrimEnd(' ');
        if (Cells(line) <= width)
        {
            yield return line;
            yield break;
        }
        var indent = line.Length - line.TrimStart(' ').Length;
        var continuation = new string(' ', Math.Min(hanging ?? indent + 4, width / 2));
        var words = Words(line[indent..], paths);
        var current = new StringBuilder(line[..indent]);
        // The cells the current line takes; its text after the indent may hold wide characters.
        var used = indent;
        var empty = true;
        foreach (var (word, whole) in words)
        {
            var cells = Cells(word);
            // A word with places to break inside it that does not fit where it would stand fills this line and goes on
            // on the next, piece by piece, the pieces written against each other as they were.
            if (!whole && (empty ? used + cells : used + 1 + cells) > width && Pieces(word) is { Count: > 1 } pieces)
            {
                for (var k = 0; k < pieces.Count; k++)
                {
                    var piece = pieces[k];
                    var pieceCells = Cells(piece);
                    var space = k == 0 && !empty ? 1 : 0;
                    if (!empty && used + space + pieceCells > width)
                    {
                        yield return current.ToString().TrimEnd(' ');
                        current.Clear().Append(continuation);
                        used = continuation.Length;
                        empty = true;
                        space = 0;
                    }
                    if (empty && used + pieceCells > width)
                    {
                        used = Math.Max(0, width - pieceCells);
                        current.Clear().Append(' ', used);
                    }
                    if (space == 1)
                    {
                        current.Append(' ');
                        used++;
                    }
                    current.Append(piece);
                    used += pieceCells;
                    empty = false;
                }
                continue;
            }
            if (!empty && used + 1 + cells > width)
            {
                yield return current.ToString().TrimEnd(' ');
                current.Clear().Append(continuation);
                used = continuation.Length;
                empty = true;
            }
            if (empty && word.Length == 0)
                continue;
            // A word that would pass the width at the indent starts further left, at the left edge at most.
            if (empty && used + cells > width)
            {
                used = Math.Max(0, width - cells);
                current.Clear().Append(' ', used);
            }
            if (!empty)
            {
                current.Append(' ');
                used++;
            }
            current.Append(word);
            used += cells;
            empty = false;
        }
        yield return current.ToString().TrimEnd(' ');
    }

    /// <summary>
    /// A word cut at the places a line may break inside it: where the Unicode line breaking algorithm allows a break
    /// (<see cref="LineBreaks"/>: as text in a script written without spaces breaks, never before closing punctuation
    /// or a small kana such as 、。」っ, never after opening punctuation such as 「（) and a wide text element (a CJK
    /// character, a kana, an emoji: two cells) stands on one side of it. A word of narrow characters (an id such as
    /// <c>trade-imbalance</c>, an English word, a number) has no such place: it is one piece. The pieces joined give
    /// the word back. Without ICU every edge of a wide text element is such a place (<see cref="LineBreaks"/>).
    /// </summary>
    public static IReadOnlyList<string> Pieces(string word) => Pieces(word, LineBreaks.Opportunities);

    /// <summary><see cref="Pieces(string)"/> with the places a line may break given by <paramref name="opportunities"/>.</summary>
    internal static IReadOnlyList<string> Pieces(string word, Func<string, IReadOnlyList<int>> opportunities)
    {
        var wide = WideEdges(word);
        if (wide.Count == 0)
            return [word];
        var pieces = new List<string>();
        var start = 0;
        foreach (var at in opportunities(word).Where(wide.Contains))
        {
            pieces.Add(word[start..at]);
            start = at;
        }
        pieces.Add(word[start..]);
        return pieces;
    }

    /// <summary>The offsets inside <paramref name="word"/> that a wide text element begins or ends at.</summary>
    private static HashSet<int> WideEdges(string word)
    {
        var edges = new HashSet<int>();
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (Cells(element) == 2)
            {
                edges.Add(elements.ElementIndex);
                edges.Add(elements.ElementIndex + element.Length);
            }
        }
        return edges;
    }

    /// <summary>
    /// The cells of the widest part of <paramref name="text"/> that no line break may fall inside: its longest word
    /// (between spaces or line breaks) or, in a script written without spaces, its longest <see cref="Pieces(string)"/>. A
    /// column of wrapping text is at least this wide.
    /// </summary>
    public static int Unbreakable(string text) =>
        text.Split(' ', '\n').SelectMany(Pieces).Select(Cells).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The words of a line, split at its spaces but at none inside a path it names; a word that holds a path, or
    /// is part of one, is whole (never broken inside, <see cref="Pieces(string)"/>).
    /// </summary>
    private static List<(string Word, bool Whole)> Words(string text, IReadOnlyCollection<string>? paths)
    {
        if (paths is null || paths.Count == 0)
            return [.. text.Split(' ').Select(w => (w, false))];
        var kept = new bool[text.Length];
        foreach (var path in paths.Where(p => p.Length > 0))
        {
            for (var at = text.IndexOf(path, StringComparison.Ordinal); at >= 0; at = text.IndexOf(path, at + path.Length, StringComparison.Ordinal))
                Array.Fill(kept, true, at, path.Length);
        }
        var words = new List<(string, bool)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ' ' && !kept[i]))
            {
                words.Add((text[start..i], Array.IndexOf(kept, true, start, i - start) >= 0));
                start = i + 1;
            }
        }
        return words;
    }

    /// <summary>
    /// Names the first items of a list and counts the rest, "JP, US and 198 more", so that a list of any
    /// length takes a line at most: as many items as fit in <paramref name="room"/> cells (at least one).
    /// </summary>
    public static string Abbreviate(IReadOnlyList<string> items, int room, string separator = ", ")
    {
        var all = Join(items, items.Count, separator);
        if (Cells(all) <= room || items.Count <= 1)
            return all;
        var shown = 1;
        while (shown + 1 < items.Count && Cells(Join(items, shown + 1, separator)) + Cells($" and {items.Count - shown - 1} more") <= room)
            shown++;
        return $"{Join(items, shown, separator)} and {items.Count - shown} more";
    }

    private static string Join(IReadOnlyList<string> items, int count, string separator) => string.Join(separator, items.Take(count));
}
