using Spectre.Console;
using Spectre.Console.Rendering;

namespace Summits.Cli.Output;

/// <summary>
/// A table laid out by Spectre.Console to fit a width: id columns keep every cell whole on one line,
/// text columns wrap at spaces and are never narrower than their longest word, headers wrap at spaces.
/// When even that does not fit, the columns a reader can best do without are left out, and said; when the
/// columns kept still do not fit side by side, each row stands as a block of its own (see <see cref="WriteBlocks"/>),
/// every value in it beside its column's name, so that no line is wider than the width, no id is cut and no value is
/// left without its column.
/// </summary>
public static class FittedTable
{
    /// <summary>The narrowest a text column is made while a wider one would fit its text.</summary>
    public const int TextWidth = 16;

    private const int Gutter = 2;

    /// <summary>
    /// Writes the table, each line after <paramref name="indent"/>; returns the headers of the columns left out to fit,
    /// in the table's order (empty when none was, or when each row stands as a block).
    /// </summary>
    /// <exception cref="ArgumentException">A column other than the first has neither a header nor a flag, so a block could not say whose its values are.</exception>
    public static IReadOnlyList<string> Write(TextWriter output, IReadOnlyList<FittedColumn> columns, IEnumerable<IReadOnlyList<string>> rows, int width, string indent = "")
    {
        RequireNames(columns);
        // A control character in a cell (a tab in a path) is shown escaped, so that it cannot break the table's lines.
        var cells = rows.Select(r => (IReadOnlyList<string>)[.. r.Select(Printable.Cell)]).ToList();
        if (Fit(columns, cells, width, indent) is not { } fit)
        {
            WriteBlocks(output, columns, cells, width, indent);
            return [];
        }
        var (room, natural, least, shown, dropped) = fit;

        // Each column starts at its least width; what room is left goes first to headers that would wrap,
        // then to the text columns, in proportion to what they lack.
        var widths = least.ToArray();
        var spare = room - shown.Sum(i => least[i]) - Gutter * (shown.Count - 1);
        foreach (var i in shown.Where(i => !columns[i].Wraps))
        {
            var more = Math.Min(spare, natural[i] - widths[i]);
            widths[i] += more;
            spare -= more;
        }
        var lacking = shown.Where(i => columns[i].Wraps && natural[i] > widths[i]).ToList();
        var lack = lacking.Sum(i => natural[i] - widths[i]);
        var given = 0;
        foreach (var i in lacking)
        {
            var more = lack == 0 ? 0 : Math.Min(natural[i] - widths[i], spare * (natural[i] - widths[i]) / lack);
            widths[i] += more;
            given += more;
        }
        // The shares are rounded down, which leaves up to a column per text column unused: it goes to the columns that
        // lack least first, so that a cell one column short of its whole text (a branch's "2 passed, 0 failed" at 80
        // columns) gets it rather than wrapping beside room left over.
        var left = spare - given;
        foreach (var i in lacking.OrderBy(i => natural[i] - widths[i]).ThenBy(i => i))
        {
            var more = Math.Min(left, natural[i] - widths[i]);
            widths[i] += more;
            left -= more;
        }

        var table = new Table().Border(TableBorder.None).ShowHeaders();
        table.Expand = false;
        foreach (var i in shown)
        {
            var column = new TableColumn(new Text(columns[i].Header)).Width(widths[i])
                .Padding(new Padding(0, 0, i == shown[^1] ? 0 : Gutter, 0));
            if (columns[i].Right)
                column.RightAligned();
            table.AddColumn(column);
        }
        foreach (var row in cells)
            table.AddRow(shown.Select(i => (IRenderable)new Text(row[i])));
        var rendered = new StringWriter();
        PlainText.Write(rendered, table, room);
        foreach (var line in rendered.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
            output.WriteLine((indent + line).TrimEnd());
        return dropped;
    }

    /// <summary>
    /// Whether <see cref="Write"/> would set <paramref name="rows"/> out as a block per row at <paramref name="width"/>
    /// (true), its columns not fitting side by side even with those it may leave out; false when they stand side by side.
    /// </summary>
    public static bool StandsAsBlocks(IReadOnlyList<FittedColumn> columns, IEnumerable<IReadOnlyList<string>> rows, int width, string indent = "") =>
        Fit(columns, [.. rows.Select(r => (IReadOnlyList<string>)[.. r.Select(Printable.Cell)])], width, indent) is null;

    /// <summary>
    /// The room the columns have, each column's natural and least width, the columns shown and the headers of those
    /// left out to fit (in the table's order); null when even the columns kept do not fit side by side.
    /// </summary>
    private static (int Room, int[] Natural, int[] Least, List<int> Shown, List<string> Dropped)? Fit(
        IReadOnlyList<FittedColumn> columns, List<IReadOnlyList<string>> cells, int width, string indent)
    {
        var room = Math.Max(TerminalWidth.Minimum / 2, width - indent.Length);
        var natural = new int[columns.Count];
        var least = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var lines = cells.SelectMany(r => r[i].Split('\n')).ToList();
            // Widths in terminal cells: a CJK character or an emoji takes two. The longest word is the widest part no
            // break may fall in, which in text written without spaces is a character or two, not the sentence.
            var longestLine = lines.Count == 0 ? 0 : lines.Max(TerminalWidth.Cells);
            var longestWord = lines.Concat([column.Header]).Max(TerminalWidth.Unbreakable);
            natural[i] = Math.Max(TerminalWidth.Cells(column.Header), longestLine);
            least[i] = column.Wraps ? Math.Max(longestWord, Math.Min(natural[i], TextWidth)) : Math.Max(longestWord, longestLine);
        }

        var shown = Enumerable.Range(0, columns.Count).ToList();
        int Needed() => shown.Sum(i => least[i]) + Gutter * (shown.Count - 1);
        while (Needed() > room && shown.Where(i => columns[i].Drop > 0).OrderByDescending(i => columns[i].Drop).ThenByDescending(i => i).FirstOrDefault(-1) is var next and >= 0)
            shown.Remove(next);
        // Named in the table's order, as its header would read, not in the order they were left out.
        var dropped = Enumerable.Range(0, columns.Count).Where(i => !shown.Contains(i)).Select(i => columns[i].Header).ToList();
        return Needed() > room ? null : (room, natural, least, shown, dropped);
    }

    /// <summary>Refuses a column after the first with neither a header nor a flag: a block could not name its values.</summary>
    private static void RequireNames(IReadOnlyList<FittedColumn> columns)
    {
        for (var i = 1; i < columns.Count; i++)
        {
            if (columns[i] is { Header.Length: 0, Flag: null })
                throw new ArgumentException($"column {i + 1} of {columns.Count} has no header and is no flag: a block could not name its values", nameof(columns));
        }
    }

    /// <summary>
    /// The layout of a table too wide for the width even with the columns it may do without left out: a block per
    /// row, each value beside the name of its column, "header: text" (a cell of several lines joined by spaces): the
    /// first on a line of its own, and under it, indented by two, each other cell that has text, a flag's as
    /// "flag: yes" or "flag: no" (<see cref="FittedColumn.Flag"/>). Each line wraps between words at the width, the
    /// continuation under the text. A first column with no header gives its text alone: its cells name their rows.
    /// </summary>
    /// <exception cref="ArgumentException">A column other than the first has neither a header nor a flag.</exception>
    public static void WriteBlocks(TextWriter output, IReadOnlyList<FittedColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, int width, string indent = "")
    {
        RequireNames(columns);
        static string Flat(string cell) => string.Join(' ', cell.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        static string Named(FittedColumn column, string text) =>
            column.Flag is { } flag ? $"{flag}: {(text.Length > 0 ? "yes" : "no")}"
            : column.Header.Length == 0 ? text
            : $"{column.Header}: {text}";
        foreach (var row in rows.Select(r => r.Select(Printable.Cell).ToList()))
        {
            foreach (var line in TerminalWidth.Wrap(indent + Named(columns[0], Flat(row[0])), width))
                output.WriteLine(line);
            for (var i = 1; i < columns.Count; i++)
            {
                var text = Flat(row[i]);
                if (text.Length == 0 && columns[i].Flag is null)
                    continue;
                foreach (var line in TerminalWidth.Wrap($"{indent}  {Named(columns[i], text)}", width, hanging: indent.Length + 6))
                    output.WriteLine(line);
            }
        }
    }

    /// <summary>The note under a table that had to leave columns out, naming them in the order given (<see cref="Write"/> gives the table's), or nothing.</summary>
    /// <param name="whole">Where the reader finds what was left out: <c>--format csv has every column</c> unless the command's CSV lacks the table.</param>
    public static void WriteLeftOut(TextWriter output, IReadOnlyList<string> dropped, int width, string indent = "", string whole = "--format csv has every column")
    {
        if (dropped.Count == 0)
            return;
        foreach (var line in TerminalWidth.Wrap($"{indent}(left out to fit {width} columns: {Summits.Model.Listed.And(dropped)}; {whole})", width))
            output.WriteLine(line);
    }
}
