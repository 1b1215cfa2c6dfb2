using System.Text.Json.Nodes;
using Summits.Reports.Charts;
using Summits.Scenarios;
using static Summits.Reports.Pages.Shown;

namespace Summits.Reports.Studies;

/// <summary>Per topic, the share of a study's runs that ended with an agreement in force and with one made during the run, each with its 95% Wilson interval.</summary>
public static class AgreementOddsChart
{
    private const string InForce = "#0072B2";
    private const string Made = "#E69F00";

    /// <summary>The topics with an agreement in force at the end of at least one run, in the world's order.</summary>
    public static IReadOnlyList<AgreementOdds> Rows(StudyResult study) => [.. study.Agreements.Where(a => a.InForce.Count > 0 || a.Made.Count > 0)];

    public static ChartFigure Render(StudyResult study)
    {
        var rows = Rows(study);
        var chart = new Chart("agreement-odds", $"Chance of an agreement at the end of a run ({Counted.Of(study.Finished, "run")})")
        {
            Subtitle = $"{study.Scenario}, seed {study.Seed}",
            Height = 160 + 44 * Math.Max(1, rows.Count),
            XAxis = Chart.ValueAxis("share of runs (%)", 0, 100, "percent"),
            YAxis = Chart.CategoryAxis("topic", rows.Select(r => r.Topic), vertical: true),
        };
        chart.Add(Bars("in force at the end (seeded or new)", InForce, rows.Select(r => (r.Topic, r.InForce, "in force at the end"))));
        chart.Add(Bars("made during the run", Made, rows.Select(r => (r.Topic, r.Made, "made during the run"))));
        // The bars of a topic sit a quarter band apart: in force above, made below.
        chart.Add(Whiskers(rows.Select(r => r.InForce), -0.15));
        chart.Add(Whiskers(rows.Select(r => r.Made), 0.15));
        return chart.Build();
    }

    private static JsonObject Bars(string name, string color, IEnumerable<(string Topic, Proportion P, string What)> rows) => new()
    {
        ["name"] = name,
        ["type"] = "bar",
        ["color"] = color,
        ["barWidth"] = "30%",
        ["barGap"] = "0%",
        ["data"] = new JsonArray([.. rows.Select(r => (JsonNode?)Chart.Point(Math.Round(r.P.P * 100, 4),
            $"{r.Topic}: {r.What} in {Percent(r.P.P)} of runs ({r.P.Count} of {r.P.Runs}); 95% interval {Percent(r.P.Low)} to {Percent(r.P.High)}"))]),
    };

    private static JsonObject Whiskers(IEnumerable<Proportion> rows, double offset) => new()
    {
        ["name"] = "95% Wilson interval",
        ["type"] = "custom",
        ["renderItem"] = "fn:whisker",
        ["color"] = "#222",
        ["z"] = 4,
        ["encode"] = new JsonObject { ["x"] = new JsonArray(0, 1), ["y"] = 2 },
        ["data"] = new JsonArray([.. rows.Select((p, i) => (JsonNode?)Chart.Point(new JsonArray(Math.Round(p.Low * 100, 4), Math.Round(p.High * 100, 4), i, offset),
            $"95% Wilson interval: {Percent(p.Low)} to {Percent(p.High)}"))]),
    };
}
