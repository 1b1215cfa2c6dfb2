using System.Text.Json;
using Summits.Cli.Bench;

namespace Summits.Cli.Tests;

/// <summary>The bench still runs end to end; its figures are not timed here.</summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task Quick_bench_prints_every_figure_as_json_with_positive_values()
    {
        var run = await SummitsProcess.RunAsync("bench", "--quick", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        var results = document.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (Figure: r.GetProperty("figure").GetString()!, Name: r.GetProperty("name").GetString()!, Value: r.GetProperty("value").GetDouble()))
            .ToArray();
        Assert.Equal(BenchFigures.All.Select(f => f.Id).Order(), results.Select(r => r.Figure).Distinct().Order());
        Assert.All(results, r => Assert.True(r.Value > 0, $"figure {r.Figure}, {r.Name}: {r.Value}"));
        Assert.True(document.RootElement.GetProperty("quick").GetBoolean());
        Assert.Equal(Environment.ProcessorCount, document.RootElement.GetProperty("machine").GetProperty("cores").GetInt32());
    }

    [Fact]
    public async Task Quick_figure_7_times_one_pair_of_whatif_studies_and_reads_the_peak_working_set_after_them()
    {
        var run = await SummitsProcess.RunAsync("bench", "--only", WhatIfRuns.Figure, "--quick", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        var results = document.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (Figure: r.GetProperty("figure").GetString()!, Name: r.GetProperty("name").GetString()!, Value: r.GetProperty("value").GetDouble(),
                Unit: r.GetProperty("unit").GetString()!, Detail: r.GetProperty("detail").GetString()!, Judged: r.TryGetProperty("met", out _),
                Target: r.TryGetProperty("target", out var target) ? target.GetString() : null))
            .ToArray();
        // Figure 7 reads no other figure, so --only 7 measures it alone: four rows, studies of BenchSizes.Quick's 50 runs.
        Assert.Equal(["7", "7", "7", "7"], results.Select(r => r.Figure));
        Assert.Equal(["50-run whatif study in grains", "50-run whatif study, the pure model", "whatif study, grains / pure model", "peak working set of the bench process"],
            results.Select(r => r.Name));
        Assert.Equal(["s", "s", "ratio", "MiB"], results.Select(r => r.Unit));
        Assert.All(results, r => Assert.False(r.Judged, $"{r.Name} is judged under --quick"));
        var (grains, local, ratio, peak) = (results[0], results[1], results[2], results[3]);
        // One timed pair (BenchSizes.Quick.WhatIfPairs): each engine's median is its one study, and the median of the
        // pairs' ratios is that pair's ratio, the grains' study over the pure model's.
        Assert.Equal(1, BenchSizes.Quick.WhatIfPairs);
        Assert.Equal(grains.Value / local.Value, ratio.Value, 1e-9);
        Assert.Contains($"studies (s) {grains.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}, from ", grains.Detail);
        Assert.Contains($"studies (s) {local.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}, from ", local.Detail);
        // Figure 7 is the first figure this bench measured, so the peak row carries the 1 GiB target (not judged here,
        // under --quick, but set) and says why.
        Assert.Equal("< 1 GiB", peak.Target);
        Assert.Contains("figure 7, measured first", peak.Detail);
        // A peak read after the studies is at least the one read before them, which the detail gives in whole MiB.
        var before = System.Text.RegularExpressions.Regex.Match(peak.Detail, @"; (\d+) MiB before the figure began$");
        Assert.True(before.Success, peak.Detail);
        Assert.True(peak.Value >= double.Parse(before.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 0.5, peak.Detail);
    }
}
