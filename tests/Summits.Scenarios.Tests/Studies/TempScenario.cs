namespace Summits.Scenarios.Tests;

/// <summary>Writes a small two-country world and a scenario on it into a fresh temporary folder.</summary>
internal static class TempScenario
{
    /// <summary>
    /// A and B hold positions on the topic <c>t</c>; B's value is uncertain in <paramref name="bRange"/>
    /// and its salience in <paramref name="bSalience"/>. A's position is a point.
    /// </summary>
    public static string World(string bValue, string bRange, string bSalience, string bSalienceRange) => $"""
        world: tiny
        title: Two countries and one topic
        actors:
          - {"{"} id: A, name: Alpha, capability: 0.5, strategy: linear {"}"}
          - {"{"} id: B, name: Beta, capability: 0.5, strategy: linear {"}"}
        topics:
          - id: t
            title: The topic
            scale: {"{"} low: none, middle: some, high: all {"}"}
          - id: u
            title: Another topic
            scale: {"{"} low: none, middle: some, high: all {"}"}
        positions:
          - {"{"} actor: A, topic: t, value: 50, salience: 0.5 {"}"}
          - {"{"} actor: B, topic: t, value: {bValue}, range: {bRange}, salience: {bSalience}, salience-range: {bSalienceRange} {"}"}
          - {"{"} actor: A, topic: u, value: 30, range: [20, 40], salience: 0.3 {"}"}
        """;

    public static string Write(string world, string scenario)
    {
        var dir = Directory.CreateTempSubdirectory("summits-study-").FullName;
        File.WriteAllText(Path.Combine(dir, "world.yaml"), world);
        var path = Path.Combine(dir, "scenario.yaml");
        File.WriteAllText(path, scenario);
        return path;
    }

    public static string Proposal(double value, string vary = "") => $"""
        scenario: constructed
        world: world.yaml
        seed: 5
        {vary}
        steps:
          - id: ask
            propose: {"{"} from: A, to: [B], terms: {"{"} t: {value} {"}"} {"}"}
          - expect:
              agreement: {"{"} topic: t {"}"}
        """;
}
