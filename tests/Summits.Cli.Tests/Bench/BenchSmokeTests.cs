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
}
