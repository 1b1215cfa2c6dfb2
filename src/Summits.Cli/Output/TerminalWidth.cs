using System.Globalization;

namespace Summits.Cli.Output;

/// <summary>How many columns the text output may use.</summary>
public static class TerminalWidth
{
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
    /// Shortens a line to at most <paramref name="room"/> columns (at least 1) for drawing in place: a longer
    /// line is cut and ends in "..." (or is only cut when <paramref name="room"/> is 3 or less).
    /// </summary>
    public static string Fit(string line, int room)
    {
        room = Math.Max(1, room);
        if (line.Length <= room)
            return line;
        return room > 3 ? line[..(room - 3)] + "..." : line[..room];
    }

    /// <summary>
    /// Breaks a line longer than <paramref name="width"/> at spaces, continuing with its own indent plus
    /// four; a word that does not fit after the indent starts as far left as it needs (a word longer than the
    /// width stays whole on a line of its own, from the left edge), so an id is never cut. No
    /// line it gives ends in a space, and none is blank: the spaces a break falls among (a table's padding
    /// around an empty cell) are dropped with the break, so the next line starts at its next word.
    /// </summary>
    /// <param name="hanging">The columns a continuation is indented by, in place of the line's own indent plus four: for
    /// lines whose indent varies with a right-aligned number, so that their continuations align. At most half the width.</param>
    /// <param name="paths">Files and folders the line names, each kept whole as one word wherever it stands in the line
    /// (with any punctuation written against it): the spaces inside a path are no places to break, so a path that
    /// does not fit where it stands starts the next line, and passes the width only when it alone (with what is written
    /// against it) is wider.</param>
    public static IEnumerable<string> Wrap(string line, int width, int? hanging = null, IReadOnlyCollection<string>? paths = null)
    {
        line = line.TrimEnd(' ');
        if (line.Length <= width)
        {
            yield return line;
            yield break;
        }
        var indent = line.Length - line.TrimStart(' ').Length;
        var continuation = new string(' ', Math.Min(hanging ?? indent + 4, width / 2));
        var words = Words(line[indent..], paths);
        var current = new System.Text.StringBuilder(line[..indent]);
        var empty = true;
        foreach (var word in words)
        {
            if (!empty && current.Length + 1 + word.Length > width)
            {
                yield return current.ToString().TrimEnd(' ');
                current.Clear().Append(continuation);
                empty = true;
            }
            if (empty && word.Length == 0)
                continue;
            // A word that would pass the width at the indent starts further left, at the left edge at most.
            if (empty && current.Length + word.Length > width)
                current.Clear().Append(' ', Math.Max(0, width - word.Length));
            if (!empty)
                current.Append(' ');
            current.Append(word);
            empty = false;
        }
        yield return current.ToString().TrimEnd(' ');
    }

    /// <summary>The words of a line: split at its spaces, but at none inside a path it names.</summary>
    private static List<string> Words(string text, IReadOnlyCollection<string>? paths)
    {
        if (paths is null || paths.Count == 0)
            return [.. text.Split(' ')];
        var kept = new bool[text.Length];
        foreach (var path in paths.Where(p => p.Length > 0))
        {
            for (var at = text.IndexOf(path, StringComparison.Ordinal); at >= 0; at = text.IndexOf(path, at + path.Length, StringComparison.Ordinal))
                Array.Fill(kept, true, at, path.Length);
        }
        var words = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && !kept[i])
            {
                words.Add(text[start..i]);
                start = i + 1;
            }
        }
        words.Add(text[start..]);
        return words;
    }

    /// <summary>
    /// Names the first items of a list and counts the rest, "JP, US and 198 more", so that a list of any
    /// length takes a line at most: as many items as fit in <paramref name="room"/> columns (at least one).
    /// </summary>
    public static string Abbreviate(IReadOnlyList<string> items, int room, string separator = ", ")
    {
        var all = Join(items, items.Count, separator);
        if (all.Length <= room || items.Count <= 1)
            return all;
        var shown = 1;
        while (shown + 1 < items.Count && Join(items, shown + 1, separator).Length + $" and {items.Count - shown - 1} more".Length <= room)
            shown++;
        return $"{Join(items, shown, separator)} and {items.Count - shown} more";
    }

    private static string Join(IReadOnlyList<string> items, int count, string separator) => string.Join(separator, items.Take(count));
}
