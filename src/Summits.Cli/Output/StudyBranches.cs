using System.Globalization;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>The studies of a fork's branches side by side: for each topic, the share of runs ending with an agreement in force in each branch.</summary>
public static class StudyBranches
{
    public static void Write(TextWriter output, IReadOnlyList<StudyResult> studies, IReadOnlyList<string> names)
    {
        output.WriteLine("Branches side by side: agreement in force at the end of a run (share of runs, 95% Wilson interval)");
        var widths = names.Select(n => Math.Max(n.Length, 22)).ToArray();
        output.WriteLine($"  {"topic",-28} " + string.Join(" ", names.Select((n, i) => n.PadRight(widths[i]))).TrimEnd());
        var topics = studies.SelectMany(s => s.Agreements.Select(a => a.Topic)).Distinct();
        foreach (var topic in topics)
        {
            var cells = studies.Select((s, i) => (s.Agreements.FirstOrDefault(a => a.Topic == topic) is { } a ? StudyText.Share(a.InForce) : "—").PadRight(widths[i]));
            output.WriteLine($"  {topic,-28} " + string.Join(" ", cells).TrimEnd());
        }
        output.WriteLine($"  {"runs",-28} " + string.Join(" ", studies.Select((s, i) => s.Finished.ToString(CultureInfo.InvariantCulture).PadRight(widths[i]))).TrimEnd());
    }
}
