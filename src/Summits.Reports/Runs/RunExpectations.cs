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
    /// step's id, the step's line (1 or more), <c>passed</c> or <c>failed</c> as the run's event for it says
    /// (<see cref="ExpectationIndex.Results"/>); then, when <see cref="Header"/> has the column, the step's <c>because:</c>
    /// as written, empty for a step without one. A run checks every <c>expect</c> step before it ends, so a finished run
    /// has a result for each; <c>not reached</c> stands only where <paramref name="run"/>'s timeline lacks the event, a
    /// timeline cut short of the run's end, which <c>summits run --report</c> never writes.
    /// </summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(RunResult run)
    {
        var results = new ExpectationIndex(run.Scenario).Results(run.Timeline);
        var reasons = HasReasons(run);
        // The index's order is this loop's: every expect step in the file's order, each step's expectations in theirs.
        var i = 0;
        foreach (var step in run.Scenario.Steps.OfType<ExpectStep>())
        {
            var line = step.Line.ToString(CultureInfo.InvariantCulture);
            foreach (var expectation in step.Expectations)
            {
                var result = results[i++] switch { true => "passed", false => "failed", null => "not reached" };
                yield return reasons
                    ? [ExpectationOdds.Words(expectation), step.Id, line, result, step.Because]
                    : [ExpectationOdds.Words(expectation), step.Id, line, result];
            }
        }
    }

    private static bool HasReasons(RunResult run) => run.Scenario.Steps.OfType<ExpectStep>().Any(s => s.Because.Length > 0);
}
