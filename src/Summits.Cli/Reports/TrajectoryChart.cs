using Summits.Model;
using Summits.Scenarios;
using static Summits.Cli.Reports.SvgChart;

namespace Summits.Cli.Reports;

/// <summary>
/// How each actor's position on one topic moved over a run: one line per actor across the event
/// sequence, marks where agreements were made, strained or breached, and the topic's final Nash
/// point and weighted mean as dashed lines.
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

    public static string Render(RunResult run, string topic)
    {
        var series = Series(run, topic);
        var analysis = run.Analyses().FirstOrDefault(a => a.Topic == topic);
        var agreements = run.Final.Agreements.Where(a => a.Covers(topic)).ToDictionary(a => a.Id, a => a.Terms[topic]);
        var made = run.Timeline.Where(e => e.Kind == EventKind.AgreementMade && agreements.ContainsKey(e.Cause))
            .Select(e => (Seq: (double)e.Seq, Value: agreements[e.Cause], e.Cause)).ToList();
        var seeded = run.Start.Agreements.Where(a => a.Covers(topic)).Select(a => (Seq: 0.0, Value: a.Terms[topic], Cause: a.Id)).ToList();
        var troubles = run.Timeline
            .Where(e => e.Kind is EventKind.AgreementStrained or EventKind.AgreementBreached && e.Topic == topic)
            .Select(e => (e.Seq, e.Kind, Id: e.Why?.Split(':')[0] ?? ""))
            .Where(t => agreements.ContainsKey(t.Id))
            .ToList();

        var values = series.SelectMany(s => s.Points.Select(p => p.Value))
            .Concat(made.Select(m => m.Value)).Concat(seeded.Select(m => m.Value))
            .Concat(analysis is null ? [] : [analysis.WeightedMean]).Concat(analysis?.Nash is { } n ? [n] : [])
            .ToList();
        var low = values.Min();
        var high = values.Max();
        var pad = Math.Max(2, (high - low) * 0.12);
        var end = Math.Max(1, run.Timeline.Length);
        var chart = new SvgChart($"trajectory-{topic}", $"Positions on {topic} over the run", 1100, 400, top: 84);
        chart.Domain(0, end, Math.Max(0, low - pad), Math.Min(100, high + pad));
        chart.XAxis("event number in the run's timeline");
        chart.YAxis("position on the 0–100 scale");

        for (var i = 0; i < series.Count; i++)
        {
            var (actor, points) = series[i];
            chart.Polyline(points, Color(i), 2.5, title: $"{actor}: {Number(points[0].Value)} → {Number(points[^1].Value)}");
            chart.LegendLine(actor, Color(i));
            chart.Add(Fmt($"<text x=\"{chart.X(end) + 4:0.#}\" y=\"{chart.Y(points[^1].Value) + 4:0.#}\" fill=\"{Color(i)}\" class=\"tick\">{Escape(actor)}</text>"));
        }
        if (analysis?.Nash is { } nash)
        {
            chart.Polyline([(0, nash), (end, nash)], "#555", 1.5, dashed: true, title: $"Nash point at the end: {Number(nash)}");
            chart.LegendLine($"Nash point at the end ({Number(nash)})", "#555", dashed: true);
        }
        if (analysis is not null)
        {
            chart.Polyline([(0, analysis.WeightedMean), (end, analysis.WeightedMean)], "#AA55AA", 1.5, dashed: true, title: $"weighted mean at the end: {Number(analysis.WeightedMean)}");
            chart.LegendLine($"weighted mean at the end ({Number(analysis.WeightedMean)})", "#AA55AA", dashed: true);
        }
        foreach (var (seq, value, cause) in seeded)
            chart.Add(Diamond(chart.X(seq), chart.Y(value), "none", $"seeded agreement {cause} at {Number(value)}"));
        foreach (var (seq, value, cause) in made)
        {
            chart.Add(Fmt($"<line x1=\"{chart.X(seq):0.#}\" y1=\"{chart.Top}\" x2=\"{chart.X(seq):0.#}\" y2=\"{chart.Bottom}\" stroke=\"{Agreement}\" stroke-dasharray=\"2 3\"/>"));
            chart.Add(Diamond(chart.X(seq), chart.Y(value), Agreement, $"agreement {cause} made at {Number(value)} (event {seq})"));
        }
        foreach (var (seq, kind, id) in troubles)
        {
            var x = chart.X(seq);
            var y = chart.Y(agreements[id]);
            var color = kind == EventKind.AgreementBreached ? Breach : Strain;
            chart.Add(Fmt($"<path d=\"M{x - 6:0.#},{y - 6:0.#} L{x + 6:0.#},{y + 6:0.#} M{x - 6:0.#},{y + 6:0.#} L{x + 6:0.#},{y - 6:0.#}\" stroke=\"{color}\" stroke-width=\"3\"><title>{Escape($"{id} {(kind == EventKind.AgreementBreached ? "breached" : "strained")} (event {seq})")}</title></path>"));
        }
        chart.LegendMark("agreement made", Diamond(9, 0, Agreement, null));
        if (seeded.Count > 0)
            chart.LegendMark("seeded agreement", Diamond(9, 0, "none", null));
        chart.LegendMark("strained", Fmt($"<path d=\"M3,-6 L15,6 M3,6 L15,-6\" stroke=\"{Strain}\" stroke-width=\"3\"/>"));
        chart.LegendMark("breached", Fmt($"<path d=\"M3,-6 L15,6 M3,6 L15,-6\" stroke=\"{Breach}\" stroke-width=\"3\"/>"));
        return chart.Render();
    }

    private static string Diamond(double x, double y, string fill, string? title) =>
        Fmt($"<path d=\"M{x:0.#},{y - 7:0.#} L{x + 7:0.#},{y:0.#} L{x:0.#},{y + 7:0.#} L{x - 7:0.#},{y:0.#} Z\" fill=\"{fill}\" stroke=\"{Agreement}\" stroke-width=\"2\">")
        + (title is null ? "" : $"<title>{Escape(title)}</title>") + "</path>";
}
