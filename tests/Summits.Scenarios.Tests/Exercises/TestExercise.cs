namespace Summits.Scenarios.Tests.Exercises;

/// <summary>
/// The text of a small valid exercise on the trade imbalance alone, JP against US, with a yes-or-no question
/// ('deal') and a value question ('end', JP's final position): the file the tests of the exercise format start
/// from, each changing it in one place.
/// </summary>
internal static class TestExercise
{
    /// <param name="world">The world file as the exercise names it (a YAML scalar, quoted where it needs to be).</param>
    /// <param name="rounds">The round limit, 1 to 100.</param>
    /// <param name="jp">JP's priority (0–10) and reservation value (0–100) on the trade imbalance.</param>
    /// <param name="us">The US's priority and reservation value on the trade imbalance.</param>
    public static string Text(string world, int rounds, (int Priority, int Reservation) jp, (int Priority, int Reservation) us) => $$"""
        exercise: test
        title: A test
        world: {{world}}
        rounds: {{rounds}}
        topics: [trade-imbalance]
        objectives: [Learn.]
        facilitator-note: Run it.
        roles:
          - actor: JP
            priorities: { trade-imbalance: {{jp.Priority}} }
            reservation: { trade-imbalance: {{jp.Reservation}} }
          - actor: US
            priorities: { trade-imbalance: {{us.Priority}} }
            reservation: { trade-imbalance: {{us.Reservation}} }
        predictions:
          - { id: deal, ask: A deal?, agreement: trade-imbalance, points: 5 }
          - { id: end, ask: Where?, value: { actor: JP, topic: trade-imbalance }, points: 10 }

        """;
}
