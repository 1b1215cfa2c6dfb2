using System.Globalization;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Reports.Runs;

/// <summary>
/// The Expectations table of a run's report: each expectation of the scenario in the file's order, with what the run
/// found and, when any step gives one, its step's <c>because:</c> beside it, as the study report's table gives it.
/// </summary>
public static class RunExpectations
{
    /// <summary>Whether the run's scenario has an <c>expect</c> step, and so the report a table of them.</summary>
    public static bool Any(RunResult run) => run.Scenario.Steps.OfType<ExpectStep>().Any();

    /// <summary>
    /// The table's columns: expectation, step, line and result, then <c>because</c> when any <c>expect</c> step gives a
    /// reason.
    /// </summary>
    public static IReadOnlyList<string> Header(RunResult run) =>
        HasReasons(run) ? ["expectation", "step", "line", "result", "because"] : ["expectation", "step", "line", "result"];

    /// <summary>
    /// One row per expectation, in the file's order: what it expects in words (<see cref="ExpectationOdds.Words"/>), its
    /// step's id, the step's line (1 or more), <c>passed</c> or <c>failed</c> as the run's event for it says, or
    /// <c>not reached</c> where the run has none (it stopped first); then, when <see cref="Header"/> has the column, the
    /// step's <c>because:</c> as written, empty for a step without one. The runner emits one event per expectation,
    /// caused by its step, in the step's order.
    /// </summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(RunResult run)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var e in run.Timeline)
        {
            if (e.Kind is not (EventKind.ExpectationPassed or EventKind.ExpectationFailed))
                continue;
            if (!found.TryGetValue(e.Cause, out var results))
                found[e.Cause] = results = [];
            results.Add(e.Kind == EventKind.ExpectationPassed ? "passed" : "failed");
        }
        var reasons = HasReasons(run);
        foreach (var step in run.Scenario.Steps.OfType<ExpectStep>())
        {
            for (var k = 0; k < step.Expectations.Length; k++)
            {
                var result = found.TryGetValue(step.Id, out var results) && k < results.Count ? results[k] : "not reached";
                var line = step.Line.ToString(CultureInfo.InvariantCulture);
                yield return reasons
                    ? [ExpectationOdds.Words(step.Expectations[k]), step.Id, line, result, step.Because]
                    : [ExpectationOdds.Words(step.Expectations[k]), step.Id, line, result];
            }
        }
    }

    private static bool HasReasons(RunResult run) => run.Scenario.Steps.OfType<ExpectStep>().Any(s => s.Because.Length > 0);
}
