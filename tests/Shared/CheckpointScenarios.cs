namespace Summits.Tests;

/// <summary>The scenarios whose writes the checkpoint-interval tests count, shared by the grain and the command-line tests.</summary>
internal static class CheckpointScenarios
{
    /// <summary>Six advances, each a shock that moves Japan's FTA position by +1 (seeded at 20: 21, 22, … 26).</summary>
    public const string SixShocks = """
        format: 2
        scenario: checkpoint-test
        about: Japan's position on the FTA rises by 1, six times.
        world: ../summits/2017-11-06-abe-trump.yaml
        seed: 42
        steps:
          - { id: s1, shock: { reason: One., changes: [{ position: JP, topic: bilateral-fta, by: 1 }] } }
          - { id: s2, shock: { reason: Two., changes: [{ position: JP, topic: bilateral-fta, by: 1 }] } }
          - { id: s3, shock: { reason: Three., changes: [{ position: JP, topic: bilateral-fta, by: 1 }] } }
          - { id: s4, shock: { reason: Four., changes: [{ position: JP, topic: bilateral-fta, by: 1 }] } }
          - { id: s5, shock: { reason: Five., changes: [{ position: JP, topic: bilateral-fta, by: 1 }] } }
          - { id: s6, shock: { reason: Six., changes: [{ position: JP, topic: bilateral-fta, by: 1 }] } }
        """;

    /// <summary>The path <see cref="SixShocks"/> is read as, so that its world resolves to the seeded one.</summary>
    public static string Path => System.IO.Path.Combine(SeedFiles.Root, "scenarios", "what-if", "fault-test.yaml");
}
