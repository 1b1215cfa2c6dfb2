using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>Says when a rounds step stopped before its last round, and why.</summary>
public static class ConvergenceText
{
    public static IEnumerable<string> Lines(RunResult run)
    {
        var counts = run.Scenario.Steps.OfType<RoundsStep>().ToDictionary(s => s.Id, s => s.Count);
        foreach (var e in run.Timeline.Where(e => e.Kind == EventKind.Converged))
        {
            var last = run.Timeline.LastOrDefault(r => r.Kind == EventKind.Round && r.Step == e.Step && r.Seq < e.Seq)?.Round ?? 0;
            var of = counts.TryGetValue(e.Step, out var count) ? count : last;
            if (last < of)
                yield return $"Converged early: {e.Step} stopped after round {last} of {of}: {e.Why}.";
            else
                yield return $"Converged: {e.Step} settled in its last round, {last}: {e.Why}.";
        }
    }
}
