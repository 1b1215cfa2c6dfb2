using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>
/// The timeline as a table that fits a width: ids (step, actor, event, topic, cause) are never cut or
/// broken; the reasons wrap. The step, round, actor, event, topic and value say which event a row is and
/// are never left out. The cause explains it (for a round offer it repeats step, round and topic): when the
/// ids and a readable reason do not fit side by side, the cause is left out if that makes them fit;
/// otherwise each event's ids stand on lines of their own (step, round, actor, event and cause on one, each
/// topic with its value on the next) with its reason under them, and the cause is left out only when it
/// would not fit on the first of those lines. A package's topics stand one to a line.
/// A column with nothing in it is not shown, nor a cause that only repeats the step.
/// </summary>
public static class TimelineTable
{
    /// <summary>The narrowest the reason column is allowed before other columns are left out.</summary>
    public const int ReasonWidth = 20;

    private const int Gutter = 2;

    private static readonly string[] Names = ["step", "rnd", "actor", "event", "topic", "value", "cause", "why"];


    /// <summary>How many rows are rendered at a time; the cancellation is checked between them.</summary>
    public const int RowsPerBlock = 100;

    /// <summary>
    /// The note under a timeline table that had to leave columns out (<see cref="Write"/>'s answer, or the columns
    /// several tables left out), in the one form of <see cref="FittedTable.WriteLeftOut"/>:
    /// <c>(left out to fit W columns: cause; --format csv has every field)</c>, wrapped at <paramref name="width"/>;
    /// nothing when none was left out. The timeline's CSV has every field of <c>timeline.jsonl</c>.
    /// </summary>
    /// <param name="dropped">The columns left out, named in the order given (<see cref="Write"/> gives the table's).</param>
    /// <param name="width">The width the table was fitted to, in terminal cells.</param>
    public static void WriteLeftOut(TextWriter output, IReadOnlyList<string> dropped, int width) =>
        FittedTable.WriteLeftOut(output, dropped, width, whole: "--format csv has every field");

    /// <summary>Writes the table; returns the columns left out to fit.</summary>
    /// <param name="cancellation">
    /// Checked between blocks of <see cref="RowsPerBlock"/> rows (a long timeline, 20,000 events, takes seconds to
    /// print): a cancelled table throws <see cref="OperationCanceledException"/> with the rows before it written.
    /// </param>
    public static IReadOnlyList<string> Write(TextWriter output, IReadOnlyList<TimelineEvent> events, int width, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        // A control character in an id is shown escaped; widths are in terminal cells (a CJK character takes two).
        var rows = events.Select(e => Cells(e).Select(Printable.Cell).ToArray()).ToList();
        var widths = Names.Select((name, i) => Math.Max(TerminalWidth.Cells(name), rows.Count == 0 ? 0 : rows.Max(r => r[i].Split('\n').Max(TerminalWidth.Cells)))).ToArray();
        // A column with nothing in it (no rounds in the run), or a cause that only repeats the step, says nothing.
        var shown = Enumerable.Range(0, Names.Length)
            .Where(i => Names[i] == "why" || rows.Any(r => r[i].Length > 0))
            .Where(i => Names[i] != "cause" || rows.Any(r => r[i] != r[0]))
            .ToList();
        int Fixed() => shown.Where(i => Names[i] != "why").Sum(i => widths[i] + Gutter);
        // The reason column is at least as wide as its longest word, so that a term such as
        // 'defense-procurement=80,' is never broken.
        var reason = Math.Max(ReasonWidth, rows.Count == 0 ? 0 : rows.Max(r => TerminalWidth.Unbreakable(r[^1])));
        bool SideBySide() => Fixed() + Math.Min(reason, widths[^1]) <= width;
        // The width of the step, round, actor, event and cause on a line of their own, as the stacked layout writes them.
        int IdLine() => shown.Where(i => Names[i] is not ("why" or "topic" or "value")).Sum(i => widths[i] + Gutter) - Gutter;
        var cause = Array.IndexOf(Names, "cause");
        var dropped = new List<string>();
        if (!SideBySide() && shown.Remove(cause))
        {
            if (!SideBySide())
            {
                // Stacked, the reason goes under the ids: the cause stays when the ids with it fit the line.
                shown.Add(cause);
                shown.Sort();
                if (IdLine() > width)
                    shown.Remove(cause);
            }
            if (!shown.Contains(cause))
                dropped.Add("cause");
        }
        if (!SideBySide())
            return WriteStacked(output, rows, widths, shown, dropped, width, cancellation);

        // Every column has a fixed width, so blocks of rows rendered one after another line up as one table;
        // only the first block has the header.
        Spectre.Console.Table Block(bool headers)
        {
            var table = new Spectre.Console.Table().Border(TableBorder.None);
            table.ShowHeaders = headers;
            table.Expand = false;
            foreach (var i in shown)
            {
                var column = new TableColumn(new Text(Names[i])).Padding(new Padding(0, 0, Gutter, 0));
                if (Names[i] == "why")
                    column.Padding(new Padding(0, 0, 0, 0)).Width(Math.Max(reason, width - Fixed()));
                else
                    column.NoWrap().Width(widths[i]);
                if (Names[i] == "rnd")
                    column.RightAligned();
                table.AddColumn(column);
            }
            return table;
        }
        if (rows.Count == 0)
            PlainText.Write(output, Block(headers: true), width);
        for (var start = 0; start < rows.Count; start += RowsPerBlock)
        {
            cancellation.ThrowIfCancellationRequested();
            var table = Block(headers: start == 0);
            foreach (var row in rows.Skip(start).Take(RowsPerBlock))
                table.AddRow(shown.Select(i => (IRenderable)new Text(row[i])));
            PlainText.Write(output, table, width);
        }
        return dropped;
    }

    /// <summary>
    /// The layout for a terminal too narrow for the ids and a readable reason side by side: each event's
    /// step, round, actor, event and cause on a line, then each of its topics beside its value on a line of
    /// its own (a package's topics one to a line, each with its term), then the reason, wrapped to the full
    /// width and indented. A topic and its value that do not fit on one line stand on two.
    /// </summary>
    private static IReadOnlyList<string> WriteStacked(TextWriter output, List<string[]> rows, int[] widths, List<int> shown, List<string> dropped, int width, CancellationToken cancellation)
    {
        var topic = Array.IndexOf(Names, "topic");
        var value = Array.IndexOf(Names, "value");
        var heads = shown.Where(i => Names[i] is not ("why" or "topic" or "value")).ToList();
        string Cell(int i, string text) => (Names[i] == "rnd" ? TerminalWidth.PadLeft(text, widths[i]) : TerminalWidth.PadRight(text, widths[i])) + new string(' ', Gutter);
        // Even the heads may not fit side by side (a long cause): such a line breaks between its cells, never
        // inside one. An empty cell (an event with no actor) is only padding: it never breaks the line, and
        // padding alone is never written as a line of its own.
        void Fitted(IEnumerable<string> cells)
        {
            var line = new System.Text.StringBuilder();
            foreach (var cell in cells)
            {
                if (cell.Trim().Length > 0 && line.ToString().Trim().Length > 0 && TerminalWidth.Cells(line.ToString()) + TerminalWidth.Cells(cell.TrimEnd()) > width)
                {
                    output.WriteLine(line.ToString().TrimEnd());
                    line.Clear().Append("  ");
                }
                line.Append(cell);
            }
            if (line.ToString().Trim().Length > 0)
                output.WriteLine(line.ToString().TrimEnd());
        }
        // A topic with its value: side by side in columns when they fit, else side by side, else the value under it.
        void Term(string t, string v)
        {
            var padded = $"  {TerminalWidth.PadRight(t, shown.Contains(topic) ? widths[topic] : 0)}  {v}".TrimEnd();
            var plain = $"  {t}  {v}".TrimEnd();
            if (TerminalWidth.Cells(padded) <= width)
                output.WriteLine(padded);
            else if (TerminalWidth.Cells(plain) <= width)
                output.WriteLine(plain);
            else
            {
                if (t.Length > 0)
                    output.WriteLine($"  {t}");
                foreach (var line in TerminalWidth.Wrap($"      {v}", width))
                    output.WriteLine(line);
            }
        }
        Fitted(heads.Select(i => Cell(i, Names[i])));
        if (shown.Contains(topic) || shown.Contains(value))
            Term(shown.Contains(topic) ? "topic" : "", shown.Contains(value) ? "value" : "");
        output.WriteLine("    why");
        foreach (var row in rows)
        {
            cancellation.ThrowIfCancellationRequested();
            Fitted(heads.Select(i => Cell(i, row[i])));
            var topics = shown.Contains(topic) ? row[topic].Split('\n') : [];
            var values = shown.Contains(value) ? row[value].Split('\n') : [];
            for (var k = 0; k < Math.Max(topics.Length, values.Length); k++)
            {
                var (t, v) = (k < topics.Length ? topics[k] : "", k < values.Length ? values[k] : "");
                if (t.Length > 0 || v.Length > 0)
                    Term(t, v);
            }
            if (row[^1].Length > 0)
                foreach (var line in TerminalWidth.Wrap("    " + row[^1], width))
                    output.WriteLine(line);
        }
        return dropped;
    }

    private static string[] Cells(TimelineEvent e)
    {
        var values = (e.Before, e.After) switch
        {
            ({ } b, { } a) => $"{N(b)} → {N(a)}",
            (null, { } a) => $"→ {N(a)}",
            _ => "",
        };
        var why = e.Why ?? "";
        // A package's topics go one to a line, so that the column is as wide as its longest topic id; the
        // terms of a proposal or counter stand in the value column, each beside its topic.
        var topic = (e.Topic ?? "").Replace("+", "+\n", StringComparison.Ordinal);
        if (e.Terms is { IsDefaultOrEmpty: false } terms)
        {
            if (values.Length == 0 && string.Join('+', terms.Select(t => t.Topic)) == e.Topic)
                values = string.Join('\n', terms.Select(t => N(t.Value)));
            else
                why = $"{string.Join(", ", terms.Select(t => $"{t.Topic}={N(t.Value)}"))}; {why}";
        }
        return [e.Step, e.Round?.ToString(CultureInfo.InvariantCulture) ?? "", e.Actor ?? "", KebabCase.Of(e.Kind), topic, values, e.Cause, why];
    }

    /// <summary>A value as the timeline shows it: by <see cref="Figures.Text(double)"/>, at most four decimals, as every line of words shows a figure.</summary>
    public static string N(double value) => Figures.Text(value);
}
