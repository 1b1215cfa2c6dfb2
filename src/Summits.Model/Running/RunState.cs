namespace Summits.Model;

/// <summary>
/// Everything a run must keep between steps: where it is, its random generator, how many events it has
/// written, how far the timeline has gone toward each event expectation still to be checked, and the
/// proposals still open. Persisted by the world grain, so a run survives the grain's deactivation.
/// </summary>
/// <remarks>
/// Nothing here grows with the length of a run: the timeline itself is written once, by whoever hosts the
/// run (a world grain's timeline pages, a local run's caller), and the runner keeps only what later steps
/// read of it (<see cref="Events"/> and <see cref="Watches"/>). Everything else is bounded by the world and
/// the scenario: one entry per actor and topic, per scripted answer, per open proposal.
/// </remarks>
[GenerateSerializer, Alias("summits.run-state")]
public sealed class RunState
{
    [Id(0)] public required Scenario Scenario { get; init; }

    [Id(1)] public required WorldRandom Random { get; init; }

    [Id(2)] public List<string> ActorOrder { get; init; } = [];

    [Id(3)] public List<string> TopicOrder { get; init; } = [];

    // Id 4 held a copy of every actor (capability, affinity, strategies); it is retired (state written before
    // still carries it). Each country grain is the one owner of its actor, and the runner reads it from there.

    /// <summary>Each position's value when the run began, keyed <c>actor/topic</c>.</summary>
    [Id(5)] public Dictionary<string, double> Start { get; init; } = new(StringComparer.Ordinal);

    [Id(6)] public int NextStep { get; set; }

    [Id(7)] public int RoundsDone { get; set; }

    [Id(8)] public int RoundOffset { get; set; }

    /// <summary>How many timeline pages the world grain has written.</summary>
    [Id(9)] public int Pages { get; set; }

    // Id 10 held the id of every proposal delivered in the run; it is retired (state written before still
    // carries it). Step ids are unique and every proposal id a run makes derives from one, so no id comes twice.

    [Id(11)] public List<OpenProposal> Open { get; init; } = [];

    /// <summary>Scripted answers, keyed <c>proposal/actor</c>.</summary>
    [Id(12)] public Dictionary<string, ScriptedAnswer> Scripted { get; init; } = new(StringComparer.Ordinal);

    // Id 13 held the share of the gap the last round offer on each topic conceded, which tit-for-tat mirrored;
    // it is retired (state written before still carries it): tit-for-tat now reads LastOffer and Answered.

    /// <summary>Each actor's latest offer (a proposal's terms or a counter-offer) on each topic, keyed <c>actor/topic</c>.</summary>
    [Id(16)] public Dictionary<string, double> LastOffer { get; init; } = new(StringComparer.Ordinal);

    // Id 17 held each actor's offer before its latest on each topic, from which tit-for-tat counted the move it
    // mirrored; it is retired (state written before still carries it): a move counted that way was answered
    // twice when the actor offered twice before the other side offered again. Answered replaces it.

    /// <summary>
    /// The other side's offer that each actor's latest offer on a topic answered, keyed <c>actor/other/topic</c>:
    /// tit-for-tat counts what the other side has conceded since, so each concession is answered once.
    /// </summary>
    [Id(23)] public Dictionary<string, double> Answered { get; init; } = new(StringComparer.Ordinal);

    [Id(14)] public int Failures { get; set; }

    [Id(15)] public int TotalRounds { get; set; }

    /// <summary>How far the first turn of the spatial-model step in progress moved the actors (0–100 scale), which its stopping rule reads.</summary>
    [Id(20)] public double? SmpFirstShift { get; set; }

    /// <summary>How many events the run has written: the next event's sequence number is one more.</summary>
    [Id(21)] public int Events { get; set; }

    /// <summary>
    /// How far the timeline has gone toward each event and order expectation of the steps still to run; null
    /// only in state written before it was kept, which <see cref="Resume"/> rebuilds from the timeline.
    /// </summary>
    [Id(22)] public List<EventWatch>? Watches { get; set; }

    public bool Finished => NextStep >= Scenario.Steps.Length;

    public static RunState Begin(Scenario scenario, World world) => new()
    {
        Scenario = scenario,
        Random = new WorldRandom(scenario.Seed),
        ActorOrder = [.. world.Actors.Select(a => a.Id)],
        TopicOrder = [.. world.Topics.Select(t => t.Id)],
        Start = world.Positions.ToDictionary(p => $"{p.Actor}/{p.Topic}", p => p.Value.Value, StringComparer.Ordinal),
        Watches = EventWatch.For(scenario, 0),
    };

    /// <summary>Counts an event the run wrote and moves on every watch it matches.</summary>
    public void Wrote(TimelineEvent e)
    {
        Events = e.Seq;
        foreach (var watch in Watches ??= EventWatch.For(Scenario, NextStep))
            watch.See(Scenario, e);
    }

    /// <summary>
    /// Rebuilds <see cref="Events"/> and <see cref="Watches"/> from the whole timeline so far, for state
    /// written by an earlier version, which kept the timeline instead.
    /// </summary>
    public void Resume(IEnumerable<TimelineEvent> timeline)
    {
        Events = 0;
        Watches = EventWatch.For(Scenario, NextStep);
        foreach (var e in timeline)
            Wrote(e);
    }

    /// <summary>The watch of expectation <paramref name="expectation"/> of step <paramref name="step"/>.</summary>
    /// <exception cref="InvalidOperationException">The run keeps no watch for it: it is no event or order expectation, or its step has been checked.</exception>
    public EventWatch Watch(int step, int expectation) =>
        (Watches ??= EventWatch.For(Scenario, NextStep)).Find(w => w.Step == step && w.Expectation == expectation)
        ?? throw new InvalidOperationException($"the run keeps no watch for expectation {expectation} of step {step}");

    /// <summary>Forgets the watches of a step once its expectations are checked.</summary>
    public void Checked(int step) => Watches?.RemoveAll(w => w.Step == step);
}
