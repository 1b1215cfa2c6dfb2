using System.Text.Json.Nodes;
using Summits.Model;
using Summits.Reports.Charts;
using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Runs;

/// <summary>Every agreement of a run as a bar across the run's steps and rounds, coloured by its status as it changed: holding, strained, breached, superseded.</summary>
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

    public static ChartFigure Render(RunResult run)
    {
        var moments = RunMoments.Of(run);
        var histories = Histories(run);
        var chart = new Chart("agreement-timeline", "Agreements over the run")
        {
            Subtitle = $"{run.Scenario.Id}, seed {run.Scenario.Seed}",
            Height = 150 + 30 * Math.Max(1, histories.Count),
            ZoomX = moments.Labels.Count > 12,
            XAxis = Chart.CategoryAxis("scenario step (rN: round N of a rounds step)", moments.Labels),
            YAxis = Chart.CategoryAxis("agreement", histories.Select(h => h.Agreement.Id), vertical: true),
        };
        foreach (var (status, color) in Colors)
        {
            var data = new JsonArray();
            for (var row = 0; row < histories.Count; row++)
            {
                var (agreement, changes) = histories[row];
                for (var k = 0; k < changes.Count; k++)
                {
                    if (changes[k].Status != status)
                        continue;
                    var from = moments.Of(changes[k].Seq);
                    // A status lasts until the moment before the next change, or to the end of the run.
                    var last = k + 1 < changes.Count ? Math.Max(from, moments.Of(changes[k + 1].Seq) - 1) : moments.Last;
                    var terms = string.Join(", ", agreement.Terms.Select(t => $"{t.Key} = {Number(t.Value)}"));
                    data.Add(Chart.Point(new JsonArray(row, from, last),
                        $"{agreement.Id}: {KebabCase.Of(status)} from {moments.Labels[from]} to {moments.Labels[last]}\n{terms}"));
                }
            }
            chart.Add(new JsonObject
            {
                ["name"] = KebabCase.Of(status),
                ["type"] = "custom",
                ["renderItem"] = "fn:span",
                ["color"] = color,
                ["encode"] = new JsonObject { ["x"] = new JsonArray(1, 2), ["y"] = 0 },
                ["data"] = data,
            });
        }
        return chart.Build();
    }
}
