using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
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
    public static void Write(TextWriter output, IReadOnlyList<RunResult> runs, int width)
    {
        var names = runs.Select(r => Commands.RunCommand.BranchName(r.Loaded)).ToArray();
        output.WriteLine("Branches side by side");
        var table = new Spectre.Console.Table().Border(TableBorder.None).ShowHeaders();
        table.AddColumn(new TableColumn(new Text("")).NoWrap().Padding(new Padding(0, 0, 2, 0)));
        foreach (var name in names)
            table.AddColumn(new TableColumn(new Text(name)).Padding(new Padding(0, 0, 2, 0)));

        var seeded = runs[0].Start.Agreements.ToDictionary(a => a.Id, a => a.Status);
        var agreements = runs.SelectMany(r => r.Final.Agreements)
            .Where(a => !seeded.TryGetValue(a.Id, out var was) || was != a.Status)
            .Select(a => a.Id).Distinct().ToList();
        foreach (var id in agreements)
        {
            table.AddRow([new Text($"agreement {id}"), .. runs.Select(r =>
            {
                var a = r.Final.Agreements.FirstOrDefault(g => g.Id == id);
                return (IRenderable)new Text(a is null ? "—" : $"{KebabCase.Of(a.Status)}: {string.Join(", ", a.Terms.Select(t => $"{t.Key} {N(t.Value)}"))}");
            })]);
        }
        var keys = runs.SelectMany(r => r.Final.Positions.Select(p => (p.Topic, p.Actor))).Distinct().ToList();
        foreach (var (topic, actor) in keys)
        {
            var values = runs.Select(r => r.Final.Positions.FirstOrDefault(p => p.Topic == topic && p.Actor == actor)?.Value.Value).ToArray();
            var known = values.OfType<double>().ToArray();
            if (known.Length == values.Length && known.Max() - known.Min() < Comparison.Moved)
                continue;
            table.AddRow([new Text($"{topic} {actor}"), .. values.Select(v => (IRenderable)new Text(v is { } x ? N(x) : "—"))]);
        }
        table.AddRow([new Text("events"), .. runs.Select(r => (IRenderable)new Text(r.Timeline.Length.ToString(CultureInfo.InvariantCulture)))]);
        table.AddRow([new Text("expectations"), .. runs.Select(r =>
            (IRenderable)new Text($"{r.Timeline.Count(e => e.Kind == EventKind.ExpectationPassed)} passed, {r.Failures} failed"))]);

        PlainText.Write(output, table, width);
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
