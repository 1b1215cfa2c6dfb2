namespace Summits.Model;

/// <summary>
/// Up to <see cref="Count"/> turns of KTAB's spatial model of politics on every topic of the world,
/// stopping early when a turn moves the actors less than 2% as far as the first did. What a
/// <c>rounds</c> step becomes when a run is told to use the spatial model.
/// </summary>
[GenerateSerializer, Immutable, Alias("summits.smp-turns-step")]
public sealed record SmpTurnsStep([Id(0)] string Id, [Id(1)] int Line, [Id(2)] int Count) : Step(Id, Line);
