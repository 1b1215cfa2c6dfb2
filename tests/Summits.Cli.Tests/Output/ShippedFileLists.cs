namespace Summits.Cli.Tests;

/// <summary>
/// The shipped files a line names where a file was not given, or was named and is not there in a folder that holds none
/// of its kind (<c>CommonOptions.Shipped</c>), as the tests of several commands' lines expect them, each list worked out from the repository's folders.
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

    /// <summary>The three exercises: ls scenarios/exercises, in ordinal order (its answers/ folder is no exercise).</summary>
    public const string ShippedExercises = "scenarios/exercises/bilateral-fta.yaml, scenarios/exercises/north-korea-line.yaml and scenarios/exercises/trade-for-defence.yaml";

    /// <summary>The one record: ls scenarios/record, alone, so with no "and".</summary>
    public const string ShippedRecords = "scenarios/record/after-the-summit.yaml";

    /// <summary>
    /// The seven CSV tables of scenarios/worlds/ktab in ordinal order ('-' before '.' and 'i', capitals before lower case).
    /// </summary>
    public const string ShippedKtabTables = "scenarios/worlds/ktab/SOE-Competitive.csv, scenarios/worlds/ktab/SOE-Pol-Comp.csv, "
        + "scenarios/worlds/ktab/SOE-Policy.csv, scenarios/worlds/ktab/dummyData-a040.csv, scenarios/worlds/ktab/dummyData_3Dim-no-final-comma.csv, "
        + "scenarios/worlds/ktab/dummyData_3Dim.csv and scenarios/worlds/ktab/dummyData_6Dim.csv";

    /// <summary>
    /// The three briefings: the summit's (ls scenarios/sources) and the two readouts (ls scenarios/sources/readouts), their
    /// .txt files in ordinal order, folder by folder, the notes on their sources (SOURCES.md) left out.
    /// </summary>
    public const string ShippedBriefings = "scenarios/sources/abe-trump-summit-2017-11-06.txt, "
        + "scenarios/sources/readouts/uk-pm-biden-2024-07-10.txt and scenarios/sources/readouts/whitehouse-biden-starmer-2024-09-13.txt";

    /// <summary>
    /// 'summits run' given neither a scenario nor --world: its argument SCENARIO with --world FILE as the other way
    /// (RunCommand), then the shipped files of each, scenarios first as the argument comes first.
    /// </summary>
    public const string RunWithoutAFile = "summits run: error: the argument <SCENARIO> is missing: 'summits run' takes <SCENARIO> or --world FILE; "
        + "the shipped scenario files: " + ShippedScenarios + "; the shipped world files: " + ShippedWorlds + " (see 'summits run --help')";
}
