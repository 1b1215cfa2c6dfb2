using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>
/// Says when a rounds step or a spatial-model step stopped before its last round or turn, and why, and
/// when a spatial-model step ran out of turns before its stopping rule was met.
/// </summary>
public static class ConvergenceText
{
    public static IEnumerable<string> Lines(RunResult run)
    {
        var steps = run.Scenario.Steps.OfType<RoundsStep>().Select(s => (s.Id, s.Count, Unit: "round"))
            .Concat(run.Scenario.Steps.OfType<SmpTurnsStep>().Select(s => (s.Id, s.Count, Unit: "turn")))
            .ToDictionary(s => s.Id, s => (s.Count, s.Unit), StringComparer.Ordinal);
        var converged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in run.Timeline.Where(e => e.Kind == EventKind.Converged))
        {
            converged.Add(e.Step);
            var last = LastRound(run, e.Step, e.Seq);
            var (of, unit) = steps.TryGetValue(e.Step, out var step) ? step : (last, "round");
            if (last < of)
                yield return $"Converged early: {e.Step} stopped after {unit} {last} of {of}: {e.Why}.";
            else
                yield return $"Converged: {e.Step} settled in its last {unit}, {last}: {e.Why}.";
        }
        // A spatial-model forecast cut short by its turn limit is a snapshot of a table still moving.
        foreach (var step in run.Scenario.Steps.OfType<SmpTurnsStep>().Where(s => !converged.Contains(s.Id)))
        {
            var last = LastRound(run, step.Id, long.MaxValue);
            if (last > 0 && last == step.Count)
                yield return $"Not converged: {step.Id} stopped at its last turn, {last} of {step.Count}, before the spatial model's stopping rule was met; the forecast is where that turn left the actors, and more turns would move it.";
        }
    }

    private static int LastRound(RunResult run, string step, long before) =>
        run.Timeline.LastOrDefault(r => r.Kind == EventKind.Round && r.Step == step && r.Seq < before)?.Round ?? 0;
}
