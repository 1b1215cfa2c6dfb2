namespace Summits.Tests;

/// <summary>
/// A scenario that says <c>model: smp</c> on the 18-actor SOE world (imported from KTAB's SOE tables) and forks into a
/// branch that changes nothing and one that moves Xi Jinping's policy position, beside the same scenario without the
/// fork; shared by the scenario, grain and command-line tests.
/// </summary>
internal static class SmpForkScenarios
{
    /// <summary>The world both scenarios run on: every actor holds a position on both topics, policy and competitive.</summary>
    public static string World => SeedFiles.File("scenarios", "worlds", "soe-18-actors.yaml");

    /// <summary>The file name <see cref="Write"/> gives the forked scenario.</summary>
    public const string ForkedFile = "soe-fork.yaml";

    /// <summary>The file name <see cref="Write"/> gives the scenario without the fork.</summary>
    public const string UnforkedFile = "soe.yaml";

    /// <summary>
    /// The forked scenario: <c>as-is</c> runs the spatial model for up to 100 turns, as <see cref="Unforked"/> does;
    /// <c>xj-reformer</c> first moves XJ's policy position from 30 to 80, then runs the same turns.
    /// </summary>
    public static string Forked => $"""
        format: 2
        scenario: soe-fork
        about: Where the SOE reform goes if Xi Jinping takes it up.
        world: {World}
        seed: 5
        model: smp
        steps:
          - fork:
              as-is:
                - {"{"} id: converge, rounds: 100 {"}"}
              xj-reformer:
                - id: xj-reforms
                  shock:
                    reason: Xi Jinping takes up the reform of the sector.
                    changes:
                      - {"{"} position: XJ, topic: policy, to: 80 {"}"}
                - {"{"} id: converge, rounds: 100 {"}"}
        """;

    /// <summary>The same scenario without the fork: the steps of <c>as-is</c>, and the same seed and model.</summary>
    public static string Unforked => $"""
        format: 2
        scenario: soe
        about: Where the SOE reform goes if Xi Jinping takes it up.
        world: {World}
        seed: 5
        model: smp
        steps:
          - {"{"} id: converge, rounds: 100 {"}"}
        """;

    /// <summary>Writes both scenarios into a new temporary folder and returns it; the caller deletes it.</summary>
    public static string Write()
    {
        var folder = Directory.CreateTempSubdirectory("summits-smp-fork-").FullName;
        File.WriteAllText(Path.Combine(folder, ForkedFile), Forked);
        File.WriteAllText(Path.Combine(folder, UnforkedFile), Unforked);
        return folder;
    }
}
