namespace Summits.Model;

/// <summary>
/// Everything a run must keep between steps: where it is, its random generator, the timeline so far,
/// the proposals it has applied and the ones still open. Persisted by the world grain, so a run
/// survives the grain's deactivation.
/// </summary>
[GenerateSerializer, Alias("summits.run-state")]
public sealed class RunState
{
    [Id(0)] public required Scenario Scenario { get; init; }

    [Id(1)] public required WorldRandom Random { get; init; }

    [Id(2)] public List<string> ActorOrder { get; init; } = [];

    [Id(3)] public List<string> TopicOrder { get; init; } = [];

    [Id(4)] public Dictionary<string, Actor> Actors { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Each position's value when the run began, keyed <c>actor/topic</c>.</summary>
    [Id(5)] public Dictionary<string, double> Start { get; init; } = new(StringComparer.Ordinal);

    [Id(6)] public int NextStep { get; set; }

    [Id(7)] public int RoundsDone { get; set; }

    [Id(8)] public int RoundOffset { get; set; }

    /// <summary>
    /// Every event of the run so far. Not part of the persisted state: a world grain writes each
    /// advance's events once, as a page of their own, and reads the pages back when it reactivates.
    /// </summary>
    public List<TimelineEvent> Timeline => _timeline ??= [];

    [NonSerialized] private List<TimelineEvent>? _timeline;

    /// <summary>How many timeline pages the world grain has written.</summary>
    [Id(9)] public int Pages { get; set; }

    [Id(10)] public HashSet<string> Applied { get; init; } = new(StringComparer.Ordinal);

    [Id(11)] public List<OpenProposal> Open { get; init; } = [];

    /// <summary>Scripted answers, keyed <c>proposal/actor</c>.</summary>
    [Id(12)] public Dictionary<string, ScriptedAnswer> Scripted { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Each actor's latest offer (a proposal's terms or a counter-offer) on each topic, keyed <c>actor/topic</c>.</summary>
    [Id(16)] public Dictionary<string, double> LastOffer { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Each actor's offer before its latest on each topic, keyed <c>actor/topic</c>: tit-for-tat mirrors the move between them.</summary>
    [Id(17)] public Dictionary<string, double> OfferBefore { get; init; } = new(StringComparer.Ordinal);

    [Id(14)] public int Failures { get; set; }

    [Id(15)] public int TotalRounds { get; set; }

    /// <summary>How far the first turn of the spatial-model step in progress moved the actors (0–100 scale), which its stopping rule reads.</summary>
    [Id(20)] public double? SmpFirstShift { get; set; }

    public bool Finished => NextStep >= Scenario.Steps.Length;

    public static RunState Begin(Scenario scenario, World world) => new()
    {
        Scenario = scenario,
        Random = new WorldRandom(scenario.Seed),
        ActorOrder = [.. world.Actors.Select(a => a.Id)],
        TopicOrder = [.. world.Topics.Select(t => t.Id)],
        Actors = world.Actors.ToDictionary(a => a.Id, StringComparer.Ordinal),
        Start = world.Positions.ToDictionary(p => $"{p.Actor}/{p.Topic}", p => p.Value.Value, StringComparer.Ordinal),
    };
}
