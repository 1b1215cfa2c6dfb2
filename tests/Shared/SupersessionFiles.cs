namespace Summits.Tests;

/// <summary>
/// A world and scenario in which agreements supersede one another, for the tests of what a run records of
/// it. Two actors, A and B, hold 40 and 60 on both x and y, each at salience 0.5, so each window is
/// 5 + 45 × 0.5 = 27.5 points. The scenario's steps: a package over x and y at (50, 50), then x alone at 52,
/// which partly supersedes the package (it still binds on y); with <see cref="Restoration"/>, a shock takes A
/// to 90 on x, 38 points from 52, beyond its window but within two windows (55), so the x agreement is
/// strained; a second shock brings A back to 50, 2 points from 52, restoring it; then y alone at 51
/// supersedes the package. B's every answer is scripted, so the model's acceptance plays no part.
/// </summary>
internal static class SupersessionFiles
{
    /// <summary>The world, as <c>world.yaml</c> beside the scenario.</summary>
    public const string World = """
        format: 2
        world: supersession
        title: Two topics, agreed, then agreed again
        actors:
          - { id: A, name: A, capability: 0.5 }
          - { id: B, name: B, capability: 0.5 }
        topics:
          - { id: x, title: X, scale: { low: l, middle: m, high: h } }
          - { id: y, title: Y, scale: { low: l, middle: m, high: h } }
        positions:
          - { actor: A, topic: x, value: 40, salience: 0.5, kind: synthetic, why: test }
          - { actor: B, topic: x, value: 60, salience: 0.5, kind: synthetic, why: test }
          - { actor: A, topic: y, value: 40, salience: 0.5, kind: synthetic, why: test }
          - { actor: B, topic: y, value: 60, salience: 0.5, kind: synthetic, why: test }
        """;

    private const string PartlySupersededSteps = """
        format: 2
        scenario: supersession
        world: world.yaml
        seed: 1
        steps:
          - respond: { actor: B, to: package, answer: accept }
          - id: package
            propose: { from: A, to: B, terms: { x: 50, y: 50 } }
          - respond: { actor: B, to: x-again, answer: accept }
          - id: x-again
            propose: { from: A, to: B, terms: { x: 52 } }
        """;

    private const string RestorationSteps = """
          - id: drift
            shock: { reason: A walks away on x, changes: [{ position: A, topic: x, to: 90 }] }
          - id: return
            shock: { reason: A comes back on x, changes: [{ position: A, topic: x, to: 50 }] }
          - respond: { actor: B, to: y-again, answer: accept }
          - id: y-again
            propose: { from: A, to: B, terms: { y: 51 } }
        """;

    /// <summary>The scenario that stops with the package partly superseded by <c>x-again</c>.</summary>
    public const string PartlySuperseded = PartlySupersededSteps + "\n";

    /// <summary>The scenario that goes on to strain and restore <c>x-again</c> and then supersede the package on y.</summary>
    public const string Restoration = PartlySupersededSteps + "\n" + RestorationSteps + "\n";

    /// <summary>Writes the world and <paramref name="scenario"/> into <paramref name="folder"/>; returns the scenario's path.</summary>
    public static string Write(string folder, string scenario)
    {
        File.WriteAllText(Path.Combine(folder, "world.yaml"), World);
        var path = Path.Combine(folder, "scenario.yaml");
        File.WriteAllText(path, scenario);
        return path;
    }
}
