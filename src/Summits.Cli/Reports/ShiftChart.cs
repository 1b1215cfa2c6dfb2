using Summits.Scenarios;
using static Summits.Cli.Reports.SvgChart;

namespace Summits.Cli.Reports;

/// <summary>The positions that ended elsewhere in B than in A: a row per position, from A's value (hollow) to B's (filled).</summary>
public static class ShiftChart
{
    public const int Shown = 30;
    private const string ColorA = "#0072B2";
    private const string ColorB = "#D55E00";

    public static string Render(Comparison comparison)
    {
        var rows = comparison.Positions.Where(p => p.A is not null && p.B is not null).Take(Shown).ToList();
        var values = rows.SelectMany(r => new[] { r.A!.Value, r.B!.Value }).DefaultIfEmpty(50).ToList();
        var pad = Math.Max(2, (values.Max() - values.Min()) * 0.08);
        var chart = new SvgChart("position-shifts", $"Positions that moved, A → B (the {rows.Count} largest moves)", 1100, 150 + 26 * Math.Max(1, rows.Count), left: 300, top: 84);
        chart.Domain(Math.Max(0, values.Min() - pad), Math.Min(100, values.Max() + pad), 0, 1);
        chart.XAxis("final position on the 0–100 scale");
        chart.YCategories("topic / actor", [.. rows.Select(r => $"{r.Topic} / {r.Actor}")]);
        for (var i = 0; i < rows.Count; i++)
        {
            var y = chart.Row(i, rows.Count);
            var (a, b) = (chart.X(rows[i].A!.Value), chart.X(rows[i].B!.Value));
            var title = Escape($"{rows[i].Actor} on {rows[i].Topic}: {Number(rows[i].A!.Value)} → {Number(rows[i].B!.Value)} ({(rows[i].Delta >= 0 ? "+" : "")}{Number(rows[i].Delta!.Value)})");
            chart.Add(Fmt($"<line x1=\"{a:0.#}\" y1=\"{y:0.#}\" x2=\"{b:0.#}\" y2=\"{y:0.#}\" stroke=\"#888\" stroke-width=\"2\"/>"));
            chart.Add(Fmt($"<circle cx=\"{a:0.#}\" cy=\"{y:0.#}\" r=\"5\" fill=\"#fff\" stroke=\"{ColorA}\" stroke-width=\"2\"><title>{title}</title></circle>"));
            chart.Add(Fmt($"<circle cx=\"{b:0.#}\" cy=\"{y:0.#}\" r=\"5\" fill=\"{ColorB}\"><title>{title}</title></circle>"));
            chart.Add(Fmt($"<text x=\"{Math.Max(a, b) + 10:0.#}\" y=\"{y + 4:0.#}\" class=\"tick\">{(rows[i].Delta >= 0 ? "+" : "")}{Number(rows[i].Delta!.Value)}</text>"));
        }
        chart.LegendMark($"A: {comparison.A}", $"<circle cx=\"9\" cy=\"0\" r=\"5\" fill=\"#fff\" stroke=\"{ColorA}\" stroke-width=\"2\"/>");
        chart.LegendMark($"B: {comparison.B}", $"<circle cx=\"9\" cy=\"0\" r=\"5\" fill=\"{ColorB}\"/>");
        return chart.Render();
    }
}
