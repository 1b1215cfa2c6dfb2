using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>One step of a scenario; <see cref="Line"/> is where it stands in its file, for reports.</summary>
[GenerateSerializer, Immutable, Alias("summits.step")]
public abstract record Step([Id(0)] string Id, [Id(1)] int Line);

/// <summary>Sends terms from one actor to others; an open proposal is delivered again each round until its deadline.</summary>
/// <param name="Opens">
/// For a proposal with a deadline, how far the negotiation has come when it is made: τ from 0 to 1, at which its
/// recipients judge it (an exercise's proposal of round r of R opens at (r − 1) / R, the τ of the offers that ended
/// round r − 1). Null opens it at τ = 0, as a scenario's proposal does. A proposal without a deadline is judged at
/// τ = 1 whatever this says: there is no next round.
/// </param>
[GenerateSerializer, Immutable, Alias("summits.propose-step")]
public sealed record ProposeStep([Id(0)] string Id, [Id(1)] int Line, [Id(2)] string From, [Id(3)] ImmutableArray<string> To, [Id(4)] ImmutableArray<Term> Terms, [Id(5)] AgreementRule Rule, [Id(6)] int? Deadline, [Id(7)] double? Opens = null)
    : Step(Id, Line);

/// <summary>Dictates an actor's answer to a later proposal; naming a <c>rounds</c> step, to each of that step's offers that has no answer of its own.</summary>
[GenerateSerializer, Immutable, Alias("summits.respond-step")]
public sealed record RespondStep([Id(0)] string Id, [Id(1)] int Line, [Id(2)] string Actor, [Id(3)] string Proposal, [Id(4)] ScriptedAnswer Answer)
    : Step(Id, Line);

/// <summary>An outside event that changes saliences, capabilities, affinities or positions.</summary>
[GenerateSerializer, Immutable, Alias("summits.shock-step")]
public sealed record ShockStep([Id(0)] string Id, [Id(1)] int Line, [Id(2)] string Reason, [Id(3)] ImmutableArray<ShockChange> Changes)
    : Step(Id, Line);

/// <summary>N rounds of autonomous bargaining, on the named topics or on every open one.</summary>
/// <param name="Opener">The actor that makes the first offer on every topic it holds; null lets the seed choose.</param>
/// <param name="OnlyRound">
/// Plays only this round (1 to <paramref name="Count"/>) of a bargaining of <paramref name="Count"/> rounds, at
/// τ = OnlyRound / Count, with the opener offering; the other rounds are played by other steps (an exercise's
/// rounds, in which a student proposes). Null plays rounds 1 to Count.
/// </param>
[GenerateSerializer, Immutable, Alias("summits.rounds-step")]
public sealed record RoundsStep([Id(0)] string Id, [Id(1)] int Line, [Id(2)] int Count, [Id(3)] ImmutableArray<string> Topics, [Id(4)] AgreementRule Rule, [Id(5)] string? Opener = null, [Id(6)] int? OnlyRound = null)
    : Step(Id, Line);

/// <summary>Checks that the run so far turned out as the scenario's author reasoned.</summary>
[GenerateSerializer, Immutable, Alias("summits.expect-step")]
public sealed record ExpectStep([Id(0)] string Id, [Id(1)] int Line, [Id(2)] string Because, [Id(3)] ImmutableArray<Expectation> Expectations)
    : Step(Id, Line);
