using System.Text;
using System.Text.RegularExpressions;

namespace Summits.Cli.Output;

/// <summary>
/// Lays out <c>--help</c> for a width at word boundaries. The help is rendered one row a line (at a width no row
/// reaches), then each row is wrapped here: an option's or command's description continues under its own column,
/// a paragraph under its indent, and a word is never cut. A word longer than the room left beside its column (a
/// default path, say) stands on a line of its own, moved left as far as it must to fit the width, and past the
/// width only when it is longer than the whole line. Widths are terminal cells (<see cref="TerminalWidth.Cells"/>).
/// </summary>
public static partial class HelpText
{
    /// <summary>The width at which the help is rendered before it is wrapped: wider than any of its rows.</summary>
    public const int Unwrapped = 10_000;

    /// <summary>A description is given this many columns at least; with fewer beside its option, it starts under it.</summary>
    public const int LeastRoom = 20;

    /// <summary>
    /// The lines of <paramref name="text"/> (rendered at <see cref="Unwrapped"/>) wrapped to <paramref name="width"/>
    /// terminal cells (<see cref="TerminalWidth.Cells"/>: a CJK character or an emoji takes two, a combining mark none),
    /// the measure every other output is fitted by.
    /// </summary>
    public static IEnumerable<string> Wrap(string text, int width)
    {
        foreach (var raw in text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            var line = raw.TrimEnd();
            if (TerminalWidth.Cells(line) <= width)
            {
                yield return line;
                continue;
            }
            var row = Row().Match(line);
            if (row.Success)
            {
                var first = row.Groups["first"].Value;
                var lead = first + row.Groups["gap"].Value;
                // The cell the description starts at, where its continuations start too.
                var column = TerminalWidth.Cells(lead);
                var words = row.Groups["text"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (width - column < LeastRoom || words.Any(w => TerminalWidth.Cells(w) > width - column))
                {
                    // Too little room beside the option, or a word (a default path) longer than the room there: the
                    // option alone, its description under it, every line of it starting at the same column.
                    yield return first;
                    column = Math.Min(column, 6);
                    foreach (var wrapped in Fill(new string(' ', column), words, column, width))
                        yield return wrapped;
                }
                else
                {
                    foreach (var wrapped in Fill(lead, words, column, width))
                        yield return wrapped;
                }
            }
            else
            {
                var indent = line.Length - line.TrimStart(' ').Length;
                foreach (var wrapped in Fill(new string(' ', indent), line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries), indent, width))
                    yield return wrapped;
            }
        }
    }

    /// <summary>
    /// Fills lines of at most <paramref name="width"/> cells with <paramref name="words"/> after <paramref name="first"/>,
    /// continuing at <paramref name="indent"/> cells.
    /// </summary>
    private static IEnumerable<string> Fill(string first, IEnumerable<string> words, int indent, int width)
    {
        var current = new StringBuilder(first);
        var used = TerminalWidth.Cells(first);
        var empty = true;
        foreach (var word in words)
        {
            var cells = TerminalWidth.Cells(word);
            if (cells > width - indent)
            {
                // Longer than the room in its column: on a line of its own, as far left as it must go.
                if (!empty || current.ToString().Trim().Length > 0)
                    yield return current.ToString().TrimEnd();
                yield return new string(' ', Math.Max(0, width - cells)) + word;
                current.Clear().Append(' ', indent);
                used = indent;
                empty = true;
                continue;
            }
            if (!empty && used + 1 + cells > width)
            {
                yield return current.ToString().TrimEnd();
                current.Clear().Append(' ', indent);
                used = indent;
                empty = true;
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
        if (!empty || current.ToString().Trim().Length > 0)
            yield return current.ToString().TrimEnd();
    }

    /// <summary>A row of two columns: an indented option or command, two spaces or more, its description.</summary>
    [GeneratedRegex(@"^(?<first>  \S.*?)(?<gap> {2,})(?<text>\S.*)$")]
    private static partial Regex Row();
}
