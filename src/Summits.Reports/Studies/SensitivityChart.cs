using System.Text.Json.Nodes;
using Summits.Reports.Charts;
using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Studies;

/// <summary>
/// The input–outcome correlations of a study as signed bars of Spearman's ρ: every pair flagged as
/// significant and at least the strongest <see cref="Strongest"/>, blue when significant and grey when not, with the
/// band within which one pair would be within noise even on its own.
/// </summary>
public static class SensitivityChart
{
    public const int Strongest = 15;
    public const int MostShown = 40;
    private const string Significant = "#0072B2";
    private const string Noise = "#A0A0A0";

    public static IReadOnlyList<Sensitivity> Rows(StudyResult study) =>
        [.. study.Sensitivity.Where((s, i) => i < Strongest || s.Significant).Take(MostShown)];

    /// <summary>
    /// A bar's label, "input → outcome  ρ +0.4167". ρ and its value are joined by a no-break space, so that a narrow page,
    /// which wraps the labels at their spaces, never puts the value on a line of its own, where it would read as a tick.
    /// </summary>
    public static string Label(Sensitivity s) => $"{s.Input} → {s.Outcome}  ρ\u00A0{Signed(s.Rho)}";

    public static ChartFigure Render(StudyResult study)
    {
        var rows = Rows(study);
        var test = study.SensitivityTest;
        var chart = new Chart("sensitivity", $"Which sampled inputs went with which outcomes ({rows.Count} of {study.Sensitivity.Length} pairs)")
        {
            Subtitle = test is null ? null
                : $"{Counted.Of(test.Runs, "run")}; blue: significant at a {test.FalseDiscoveryRate:0%} false discovery rate over {Counted.Of(test.Pairs, "pair")} (Benjamini–Hochberg)"
                    + (test.NoiseBand is null ? $"; over {Counted.Of(test.Runs, "run")} no single pair can be told from noise" : ""),
            Height = 170 + 26 * Math.Max(1, rows.Count),
            XAxis = Chart.ValueAxis("Spearman's ρ between input and outcome over the runs", -1, 1),
            YAxis = Chart.CategoryAxis("input → outcome", rows.Select(Label), vertical: true),
        };
        chart.Add(Bars($"significant (q < {test?.FalseDiscoveryRate ?? SensitivityRanking.FalseDiscoveryRate:0.##})", Significant, rows, s => s.Significant));
        chart.Add(Bars("not significant", Noise, rows, s => !s.Significant));
        if (test?.NoiseBand is { } noiseBand)
        {
            var band = $"one pair's noise band at 5%: |ρ| < {Number(noiseBand)}";
            chart.Add(new JsonObject
            {
                ["name"] = band,
                ["type"] = "line",
                ["color"] = "#E0E0E0",
                ["data"] = new JsonArray(),
                ["markArea"] = new JsonObject
                {
                    ["silent"] = false,
                    ["itemStyle"] = new JsonObject { ["color"] = "rgba(120,120,120,0.15)" },
                    ["label"] = new JsonObject { ["show"] = false },
                    ["data"] = new JsonArray(new JsonArray(
                        new JsonObject { ["xAxis"] = -noiseBand, [Chart.Tip] = band },
                        new JsonObject { ["xAxis"] = noiseBand })),
                },
            });
        }
        return chart.Build();
    }

    private static JsonObject Bars(string name, string color, IReadOnlyList<Sensitivity> rows, Func<Sensitivity, bool> which) => new()
    {
        ["name"] = name,
        ["type"] = "bar",
        ["stack"] = "rho",
        ["color"] = color,
        ["barWidth"] = "60%",
        ["data"] = rows.Any(which)
            ? new JsonArray([.. rows.Select(s => which(s) ? (JsonNode?)Chart.Point(s.Rho,
                $"{s.Input} → {s.Outcome}\nρ = {Signed(s.Rho)}, p = {P(s.P)}, adjusted q = {P(s.Q)}{(s.Significant ? ", significant" : ", within noise")}") : null)])
            : new JsonArray(),
    };
}
