using Summits.Model;
using Summits.Scenarios;
using static Summits.Cli.Reports.SvgChart;

namespace Summits.Cli.Reports;

/// <summary>Every agreement of a run as a bar across the event sequence, coloured by its status as it changed: holding, strained, breached, superseded.</summary>
public static class AgreementTimelineChart
{
    private static readonly (AgreementStatus Status, string Color)[] Colors =
    [
        (AgreementStatus.Holding, "#009E73"),
        (AgreementStatus.Strained, "#E69F00"),
        (AgreementStatus.Breached, "#C00000"),
        (AgreementStatus.Superseded, "#9E9E9E"),
    ];

    /// <summary>Each agreement with the event at which it took each status, the first being its making (0 for a seeded one).</summary>
    public static IReadOnlyList<(Agreement Agreement, List<(int Seq, AgreementStatus Status)> Changes)> Histories(RunResult run)
    {
        var seeded = run.Start.Agreements.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var rows = new List<(Agreement, List<(int, AgreementStatus)>)>();
        foreach (var a in run.Final.Agreements)
        {
            var start = seeded.Contains(a.Id) ? 0 : run.Timeline.FirstOrDefault(e => e.Kind == EventKind.AgreementMade && e.Cause == a.Id)?.Seq ?? 0;
            var changes = new List<(int, AgreementStatus)> { (start, AgreementStatus.Holding) };
            foreach (var e in run.Timeline)
            {
                if (e.Why is null || !e.Why.StartsWith(a.Id + ":", StringComparison.Ordinal))
                    continue;
                AgreementStatus? status = e.Kind switch
                {
                    EventKind.AgreementStrained => AgreementStatus.Strained,
                    EventKind.AgreementBreached => AgreementStatus.Breached,
                    EventKind.AgreementSuperseded => AgreementStatus.Superseded,
                    _ => null,
                };
                if (status is { } s)
                    changes.Add((e.Seq, s));
            }
            rows.Add((a, changes));
        }
        return rows;
    }

    public static string Render(RunResult run)
    {
        var histories = Histories(run);
        var end = Math.Max(1, run.Timeline.Length);
        var height = 130 + 26 * Math.Max(1, histories.Count);
        var chart = new SvgChart("agreement-timeline", "Agreements over the run", 1100, height, left: 300);
        chart.Domain(0, end, 0, 1);
        chart.XAxis("event number in the run's timeline");
        chart.YCategories("agreement", [.. histories.Select(h => h.Agreement.Id)]);
        var rowHeight = chart.RowHeight(histories.Count);
        for (var i = 0; i < histories.Count; i++)
        {
            var (agreement, changes) = histories[i];
            var y = chart.Row(i, histories.Count);
            for (var k = 0; k < changes.Count; k++)
            {
                var from = changes[k].Seq;
                var to = k + 1 < changes.Count ? changes[k + 1].Seq : end;
                var color = Colors.First(c => c.Status == changes[k].Status).Color;
                var x = chart.X(from);
                var w = Math.Max(2, chart.X(to) - x);
                chart.Add(Fmt($"<rect x=\"{x:0.#}\" y=\"{y - rowHeight * 0.32:0.#}\" width=\"{w:0.#}\" height=\"{rowHeight * 0.64:0.#}\" fill=\"{color}\"><title>{Escape($"{agreement.Id}: {KebabCase.Of(changes[k].Status)} from event {from} ({string.Join(", ", agreement.Terms.Select(t => $"{t.Key} = {Number(t.Value)}"))})")}</title></rect>"));
            }
        }
        foreach (var (status, color) in Colors)
            chart.LegendBox(KebabCase.Of(status), color);
        return chart.Render();
    }
}
