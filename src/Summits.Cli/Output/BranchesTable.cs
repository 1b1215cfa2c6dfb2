using System.Globalization;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>
/// The branches of a forked scenario side by side: a column per branch, a row per agreement made or
/// changed in any branch and per position that ends differently in any two, then each branch's count
/// of events and expectations.
/// </summary>
public static class BranchesTable
{
    /// <summary>Writes the table, fitted to <paramref name="width"/> columns (at least <see cref="TerminalWidth.Minimum"/>).</summary>
    public static void Write(TextWriter output, IReadOnlyList<RunResult> runs, int width)
    {
        var names = runs.Select(r => Commands.RunCommand.BranchName(r.Loaded)).ToArray();
        output.WriteLine("Branches side by side");
        var rows = new List<IReadOnlyList<string>>();
        var seeded = runs[0].Start.Agreements.ToDictionary(a => a.Id, a => a.Status);
        var agreements = runs.SelectMany(r => r.Final.Agreements)
            .Where(a => !seeded.TryGetValue(a.Id, out var was) || was != a.Status)
            .Select(a => a.Id).Distinct().ToList();
        foreach (var id in agreements)
        {
            rows.Add([$"agreement {id}", .. runs.Select(r =>
            {
                var a = r.Final.Agreements.FirstOrDefault(g => g.Id == id);
                return a is null ? "—" : $"{KebabCase.Of(a.Status)}: {string.Join(", ", a.Terms.Select(t => $"{t.Key} {N(t.Value)}"))}";
            })]);
        }
        var keys = runs.SelectMany(r => r.Final.Positions.Select(p => (p.Topic, p.Actor))).Distinct().ToList();
        foreach (var (topic, actor) in keys)
        {
            var values = runs.Select(r => r.Final.Positions.FirstOrDefault(p => p.Topic == topic && p.Actor == actor)?.Value.Value).ToArray();
            var known = values.OfType<double>().ToArray();
            if (known.Length == values.Length && known.Max() - known.Min() < Comparison.Moved)
                continue;
            rows.Add([$"{topic} {actor}", .. values.Select(v => v is { } x ? N(x) : "—")]);
        }
        rows.Add(["events", .. runs.Select(r => r.Timeline.Length.ToString(CultureInfo.InvariantCulture))]);
        rows.Add(["expectations", .. runs.Select(r => $"{r.Timeline.Count(e => e.Kind == EventKind.ExpectationPassed)} passed, {r.Failures} failed")]);

        // A row's label ("bilateral-fta JP") is kept on one line: wrapped, its actor would stand alone under the
        // topic, read as a row of its own. The branches' cells wrap between words only, so an id is never cut; when
        // the labels and branches do not fit side by side, each row stands as a block, its label on a line of its own.
        FittedTable.Write(output, [new FittedColumn(""), .. names.Select(n => new FittedColumn(n, Wraps: true))], rows, width);
    }

    private static string N(double value) => Figures.Text(value);
}
