using System.Text.Json.Nodes;
using Summits.Model;
using Summits.Reports.Charts;
using Summits.Reports.Pages;
using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Runs;

/// <summary>
/// How each actor's position on one topic moved over a run: one line per actor across the run's steps
/// and rounds, marks where agreements were seeded, made, strained or breached, and the topic's final
/// Nash point and weighted mean as dashed lines.
/// </summary>
public static class TrajectoryChart
{
    public const string Agreement = "#009E73";
    public const string Strain = "#E69F00";
    public const string Breach = "#C00000";

    /// <summary>The topics a run touched, in the world's order.</summary>
    public static IReadOnlyList<string> Topics(RunResult run)
    {
        var touched = run.Timeline
            .Where(e => e.Kind is EventKind.Move or EventKind.Proposal or EventKind.AgreementMade or EventKind.AgreementStrained
                or EventKind.AgreementBreached or EventKind.PositionAdded)
            .SelectMany(e => e.Topic?.Split('+') ?? [])
            .ToHashSet(StringComparer.Ordinal);
        return [.. run.Final.Topics.Select(t => t.Id).Where(touched.Contains)];
    }

    /// <summary>Each actor's value after each event that moved it, starting from its seeded value at event 0.</summary>
    public static IReadOnlyList<(string Actor, List<(double Seq, double Value)> Points)> Series(RunResult run, string topic)
    {
        var end = run.Timeline.Length;
        var series = new List<(string Actor, List<(double, double)> Points)>();
        foreach (var p in run.Start.PositionsOn(topic))
            series.Add((p.Actor, [(0, p.Value.Value)]));
        foreach (var e in run.Timeline)
        {
            if (e.Topic != topic || e.Actor is null || e.After is not { } after || e.Kind is not (EventKind.Move or EventKind.PositionAdded))
                continue;
            var line = series.FirstOrDefault(s => s.Actor == e.Actor);
            if (line.Actor is null)
            {
                line = (e.Actor, []);
                series.Add(line);
            }
            if (line.Points.Count > 0)
                line.Points.Add((e.Seq, line.Points[^1].Item2));
            line.Points.Add((e.Seq, after));
        }
        foreach (var (_, points) in series)
            points.Add((end, points[^1].Item2));
        return series;
    }

    /// <summary>Each actor's value at the end of each moment of the run; null before the actor held a position on the topic.</summary>
    public static IReadOnlyList<(string Actor, double?[] Values)> ByMoment(RunResult run, RunMoments moments, string topic)
    {
        var rows = new List<(string Actor, double?[] Values)>();
        foreach (var p in run.Start.PositionsOn(topic))
        {
            var values = new double?[moments.Labels.Count];
            values[0] = p.Value.Value;
            rows.Add((p.Actor, values));
        }
        foreach (var e in run.Timeline)
        {
            if (e.Topic != topic || e.Actor is null || e.After is not { } after || e.Kind is not (EventKind.Move or EventKind.PositionAdded))
                continue;
            var row = rows.FirstOrDefault(r => r.Actor == e.Actor);
            if (row.Actor is null)
            {
                row = (e.Actor, new double?[moments.Labels.Count]);
                rows.Add(row);
            }
            row.Values[moments.Of(e)] = after;
        }
        foreach (var (_, values) in rows)
        {
            for (var i = 1; i < values.Length; i++)
                values[i] ??= values[i - 1];
        }
        return rows;
    }

    public static ChartFigure Render(RunResult run, string topic)
    {
        var moments = RunMoments.Of(run);
        var rows = ByMoment(run, moments, topic);
        var analysis = run.Analyses().FirstOrDefault(a => a.Topic == topic);
        var final = run.Final.Agreements.Where(a => a.Covers(topic)).ToDictionary(a => a.Id, a => a.Terms[topic]);
        var made = run.Timeline.Where(e => e.Kind == EventKind.AgreementMade && final.ContainsKey(e.Cause)).ToList();
        var seeded = run.Start.Agreements.Where(a => a.Covers(topic)).ToList();
        var troubles = run.Timeline
            .Where(e => e.Kind is EventKind.AgreementStrained or EventKind.AgreementBreached && e.Topic == topic)
            .Select(e => (Event: e, Id: e.Why?.Split(':')[0] ?? ""))
            .Where(t => final.ContainsKey(t.Id))
            .ToList();

        var values = rows.SelectMany(r => r.Values).OfType<double>()
            .Concat(made.Select(m => final[m.Cause])).Concat(seeded.Select(a => a.Terms[topic]))
            .Concat(analysis is null ? [] : [analysis.WeightedMean]).Concat(analysis?.Nash is { } n ? [n] : [])
            .ToList();
        var (low, high) = (values.Min(), values.Max());
        var pad = Math.Max(2, (high - low) * 0.1);
        var chart = new Chart($"trajectory-{topic}", $"Positions on {topic} over the run")
        {
            Subtitle = $"{run.Scenario.Id}, seed {run.Scenario.Seed}",
            Height = 440,
            ZoomX = moments.Labels.Count > 12,
            TooltipByAxis = true,
            XAxis = Chart.CategoryAxis("scenario step (rN: round N of a rounds step)", moments.Labels),
            YAxis = Chart.PositionAxis("position (0–100 scale)", low - pad, high + pad, vertical: true),
        };

        for (var i = 0; i < rows.Count; i++)
        {
            var (actor, line) = rows[i];
            var data = new JsonArray();
            for (var m = 0; m < line.Length; m++)
            {
                data.Add(line[m] is { } v
                    ? Chart.Point(v, $"{actor} on {topic} after {moments.Labels[m]}: {Number(v)}" + (m > 0 && line[m - 1] is { } before && Number(before) != Number(v) ? $" ({SignedChange(before, v)})" : ""))
                    : null);
            }
            chart.Add(new JsonObject
            {
                ["name"] = actor,
                ["type"] = "line",
                ["step"] = "end",
                ["color"] = Palette.Color(i),
                ["symbolSize"] = 5,
                // Past 30 steps and rounds a dot on every one hides the lines; hover still shows each value.
                ["showSymbol"] = moments.Labels.Count <= 30,
                ["lineStyle"] = new JsonObject { ["width"] = 2.5 },
                ["data"] = data,
            });
        }
        if (analysis?.Nash is { } nash)
            chart.Add(Level($"Nash point at the end ({Number(nash)})", nash, "#555", moments));
        if (analysis is not null)
            chart.Add(Level($"weighted mean at the end ({Number(analysis.WeightedMean)})", analysis.WeightedMean, "#AA55AA", moments));
        chart.Add(Marks("seeded agreement", "diamond", "#fff", Agreement,
            seeded.Select(a => (0, a.Terms[topic], $"{a.Id} seeded at {Number(a.Terms[topic])}"))));
        chart.Add(Marks("agreement made", "diamond", Agreement, Agreement,
            made.Select(e => (moments.Of(e), final[e.Cause], $"{e.Cause} made at {Number(final[e.Cause])} in {moments.Labels[moments.Of(e)]}"))));
        chart.Add(Marks("strained", "path://M0,0 L10,10 M0,10 L10,0 Z", Strain, Strain,
            troubles.Where(t => t.Event.Kind == EventKind.AgreementStrained).Select(t => (moments.Of(t.Event), final[t.Id], $"{t.Id} strained in {moments.Labels[moments.Of(t.Event)]}"))));
        chart.Add(Marks("breached", "path://M0,0 L10,10 M0,10 L10,0 Z", Breach, Breach,
            troubles.Where(t => t.Event.Kind == EventKind.AgreementBreached).Select(t => (moments.Of(t.Event), final[t.Id], $"{t.Id} breached in {moments.Labels[moments.Of(t.Event)]}"))));
        return chart.Build();
    }

    private static JsonObject Level(string name, double value, string color, RunMoments moments) => new()
    {
        ["name"] = name,
        ["type"] = "line",
        ["color"] = color,
        ["symbol"] = "none",
        ["lineStyle"] = new JsonObject { ["type"] = "dashed", ["width"] = 1.5 },
        ["data"] = new JsonArray([.. moments.Labels.Select(_ => (JsonNode?)Chart.Point(value, name))]),
    };

    private static JsonObject Marks(string name, string symbol, string fill, string stroke, IEnumerable<(int Moment, double Value, string Tip)> marks) => new()
    {
        ["name"] = name,
        ["type"] = "scatter",
        ["symbol"] = symbol,
        ["symbolSize"] = 13,
        ["color"] = stroke,
        ["itemStyle"] = new JsonObject { ["color"] = fill, ["borderColor"] = stroke, ["borderWidth"] = 2 },
        ["z"] = 5,
        ["data"] = new JsonArray([.. marks.Select(m => (JsonNode?)Chart.Point(new JsonArray(m.Moment, m.Value), m.Tip))]),
    };
}
