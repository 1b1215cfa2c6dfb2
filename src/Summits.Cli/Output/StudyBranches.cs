using System.Globalization;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>The studies of a fork's branches side by side: for each topic, the share of runs ending with an agreement in force in each branch.</summary>
public static class StudyBranches
{
    public static void Write(TextWriter output, IReadOnlyList<StudyResult> studies, IReadOnlyList<string> names, int width)
    {
        foreach (var line in TerminalWidth.Wrap("Branches side by side: agreement in force at the end of a run (share of runs, 95% Wilson interval)", width))
            output.WriteLine(line);
        var topics = studies.SelectMany(s => s.Agreements.Select(a => a.Topic)).Distinct();
        var rows = topics.Select(topic => (IReadOnlyList<string>)[topic, .. studies.Select(s => s.Agreements.FirstOrDefault(a => a.Topic == topic) is { } a ? StudyText.Share(a.InForce) : "—")])
            .Append([ "runs", .. studies.Select(s => s.Finished.ToString(CultureInfo.InvariantCulture))]);
        // A branch's share has spaces ("12.0% [3.1, 20.4]") and wraps there when the branches are many. The first column
        // has no header, as a fork's run table has none: its cells name their rows, a topic or the runs, so that a row
        // standing as a block is not called a topic when it is the runs.
        FittedTable.Write(output, [new(""), .. names.Select(n => new FittedColumn(n, Wraps: true))], rows, width, "  ");
    }
}
