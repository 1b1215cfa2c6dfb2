using Summits.Cli.Output;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Analysis;

/// <summary>Prints an analysed run for people: one table per topic, one per actor, fitted to a width.</summary>
public static class AnalysisReport
{
    /// <summary>The line that heads the report, and all that <c>-q</c> prints.</summary>
    public static string Heading(RunAnalysis analysis, IReadOnlyList<string> files) =>
        $"{Listed.And(files.Select(InputPath.Said))}: {Counted.Of(analysis.Spans, "span")}, {Counted.Of(analysis.Proposals, "proposal")}";

    public static void Write(TextWriter output, RunAnalysis analysis, IReadOnlyList<string> files, int width)
    {
        foreach (var line in TerminalWidth.Wrap(Heading(analysis, files), width))
            output.WriteLine(line);
        WriteTable(output, "topic", analysis.Topics, width);
        WriteTable(output, "actor", analysis.Actors, width);
    }

    /// <summary>
    /// The order in which figures are left out when the table is too wide: timing first (the telemetry's
    /// cost more than the negotiation's), then the rarer events, then the received counts.
    /// </summary>
    private static readonly Dictionary<string, int> DropOrder = new()
    {
        ["p95 ms/proposal"] = 8, ["mean ms/proposal"] = 7, ["largest move"] = 6, ["strains"] = 5, ["breaches"] = 4, ["proposals received"] = 3, ["mean move"] = 2,
    };

    private static void WriteTable(TextWriter output, string key, IReadOnlyList<Tally> rows, int width)
    {
        output.WriteLine();
        if (rows.Count == 0)
        {
            output.WriteLine($"{key}s: none (the export has no summits.proposal, evaluate, move or agreement spans)");
            return;
        }
        // The key reads left to right; figures line up on their last digit; headers wrap at spaces.
        var left = FittedTable.Write(output,
            [new(key), .. AnalysisTable.Headers.Select(h => new FittedColumn(h, Right: true, Drop: DropOrder.GetValueOrDefault(h)))],
            rows.Select(r => (IReadOnlyList<string>)[r.Key, .. AnalysisTable.Cells(r, percent: true)]),
            width);
        FittedTable.WriteLeftOut(output, left, width);
    }
}
