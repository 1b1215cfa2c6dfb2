using Summits.Scenarios;
using static Summits.Cli.Reports.SvgChart;

namespace Summits.Cli.Reports;

/// <summary>Per topic, the share of a study's runs that ended with an agreement in force and with one made during the run, each with its 95% Wilson interval.</summary>
public static class AgreementOddsChart
{
    private const string InForce = "#0072B2";
    private const string Made = "#E69F00";

    public static string Render(StudyResult study)
    {
        var rows = study.Agreements;
        var chart = new SvgChart("agreement-odds", $"Chance of an agreement at the end of a run ({study.Finished} runs)", 1100, 130 + 34 * Math.Max(1, rows.Length), left: 240, right: 70);
        chart.Domain(0, 1, 0, 1);
        chart.XAxis("share of runs (bars) with 95% Wilson interval (whiskers)", v => $"{v * 100:0}%");
        chart.YCategories("topic", [.. rows.Select(r => r.Topic)]);
        var h = chart.RowHeight(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var y = chart.Row(i, rows.Length);
            Bar(chart, rows[i].InForce, y - h * 0.2, h * 0.36, InForce, $"{rows[i].Topic}: in force at the end");
            Bar(chart, rows[i].Made, y + h * 0.2, h * 0.36, Made, $"{rows[i].Topic}: made during the run");
        }
        chart.LegendBox("an agreement in force at the end (seeded or new)", InForce);
        chart.LegendBox("a new agreement made during the run", Made);
        chart.LegendMark("95% Wilson interval", "<path d=\"M2,-5 L2,5 M2,0 L16,0 M16,-5 L16,5\" stroke=\"#222\" stroke-width=\"1.5\"/>");
        return chart.Render();
    }

    private static void Bar(SvgChart chart, Proportion p, double y, double height, string color, string what)
    {
        var x0 = chart.X(0);
        var title = Escape($"{what}: {StudyTextShare(p)} ({p.Count} of {p.Runs} runs)");
        chart.Add(Fmt($"<rect x=\"{x0:0.#}\" y=\"{y - height / 2:0.#}\" width=\"{Math.Max(0.5, chart.X(p.P) - x0):0.#}\" height=\"{height:0.#}\" fill=\"{color}\"><title>{title}</title></rect>"));
        var (lo, hi) = (chart.X(p.Low), chart.X(p.High));
        chart.Add(Fmt($"<path d=\"M{lo:0.#},{y - 5:0.#} L{lo:0.#},{y + 5:0.#} M{lo:0.#},{y:0.#} L{hi:0.#},{y:0.#} M{hi:0.#},{y - 5:0.#} L{hi:0.#},{y + 5:0.#}\" stroke=\"#222\" stroke-width=\"1.5\"/>"));
        chart.Add(Fmt($"<text x=\"{hi + 6:0.#}\" y=\"{y + 4:0.#}\" class=\"tick\">{p.P * 100:0.#}%</text>"));
    }

    private static string StudyTextShare(Proportion p) => Output.StudyText.Share(p);
}
