using Summits.Scenarios;
using static Summits.Cli.Reports.SvgChart;

namespace Summits.Cli.Reports;

/// <summary>The strongest input–outcome correlations of a study, as signed bars of Spearman's ρ.</summary>
public static class SensitivityChart
{
    public const int Shown = 15;

    public static string Render(StudyResult study)
    {
        var rows = study.Sensitivity.Take(Shown).ToList();
        var chart = new SvgChart("sensitivity", $"Which sampled inputs went with which outcomes (the {rows.Count} strongest)", 1100, 130 + 28 * Math.Max(1, rows.Count), left: 480);
        chart.Domain(-1, 1, 0, 1);
        chart.XAxis("Spearman's ρ between the input and the outcome over the runs");
        chart.YCategories("input → outcome", [.. rows.Select(r => $"{r.Input} → {r.Outcome}")]);
        var h = chart.RowHeight(rows.Count);
        var zero = chart.X(0);
        for (var i = 0; i < rows.Count; i++)
        {
            var y = chart.Row(i, rows.Count);
            var x = chart.X(rows[i].Rho);
            var color = rows[i].Rho >= 0 ? "#0072B2" : "#D55E00";
            chart.Add(Fmt($"<rect x=\"{Math.Min(x, zero):0.#}\" y=\"{y - h * 0.3:0.#}\" width=\"{Math.Max(1, Math.Abs(x - zero)):0.#}\" height=\"{h * 0.6:0.#}\" fill=\"{color}\"><title>{Escape($"{rows[i].Input} → {rows[i].Outcome}: ρ = {rows[i].Rho:0.###}")}</title></rect>"));
        }
        chart.Add(Fmt($"<line x1=\"{zero:0.#}\" y1=\"{chart.Top}\" x2=\"{zero:0.#}\" y2=\"{chart.Bottom}\" stroke=\"#444\"/>"));
        chart.LegendBox("higher input, higher outcome", "#0072B2");
        chart.LegendBox("higher input, lower outcome", "#D55E00");
        return chart.Render();
    }
}
