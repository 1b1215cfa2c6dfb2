namespace Summits.Cli.Tests;

/// <summary>
/// The shipped files a line names where a file was not given (<c>CommonOptions.Shipped</c>), as the tests of several
/// commands' lines expect them, each list worked out from the repository's folders.
/// </summary>
internal static class ShippedFileLists
{
    /// <summary>
    /// The seven what-if scenarios: ls scenarios/what-if, in ordinal order, all seven named (at most ten are), the last
    /// after "and" (Listed.AndMore).
    /// </summary>
    public const string ShippedScenarios = "scenarios/what-if/baseline.yaml, scenarios/what-if/china-role-shift.yaml, "
        + "scenarios/what-if/north-korea-offers-talks.yaml, scenarios/what-if/okinawa-realignment-friction.yaml, scenarios/what-if/trade-for-defense-package.yaml, "
        + "scenarios/what-if/us-fta-press-or-package.yaml and scenarios/what-if/us-presses-bilateral-fta.yaml";

    /// <summary>
    /// The four world files: the summit (ls scenarios/summits), then the three YAML worlds of scenarios/worlds in ordinal
    /// order (its ktab/ folder holds tables, not worlds), folder by folder as InputKind.World names them.
    /// </summary>
    public const string ShippedWorlds = "scenarios/summits/2017-11-06-abe-trump.yaml, scenarios/worlds/dummy-3dim.yaml, "
        + "scenarios/worlds/dummy-40.yaml and scenarios/worlds/soe-18-actors.yaml";

    /// <summary>
    /// 'summits run' given neither a scenario nor --world: its argument SCENARIO with --world FILE as the other way
    /// (RunCommand), then the shipped files of each, scenarios first as the argument comes first.
    /// </summary>
    public const string RunWithoutAFile = "summits run: error: the argument <SCENARIO> is missing: 'summits run' takes <SCENARIO> or --world FILE; "
        + "the shipped scenario files: " + ShippedScenarios + "; the shipped world files: " + ShippedWorlds + " (see 'summits run --help')";
}
