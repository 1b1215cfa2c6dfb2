using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>One step of a scenario; <see cref="Line"/> is where it stands in its file, for reports.</summary>
[GenerateSerializer, Immutable]
public abstract record Step(string Id, int Line);

/// <summary>Sends terms from one actor to others; an open proposal is delivered again each round until its deadline.</summary>
[GenerateSerializer, Immutable]
public sealed record ProposeStep(string Id, int Line, string From, ImmutableArray<string> To, ImmutableArray<Term> Terms, AgreementRule Rule, int? Deadline)
    : Step(Id, Line);

/// <summary>Dictates an actor's answer to a later proposal.</summary>
[GenerateSerializer, Immutable]
public sealed record RespondStep(string Id, int Line, string Actor, string Proposal, ScriptedAnswer Answer)
    : Step(Id, Line);

/// <summary>An outside event that changes saliences, capabilities, affinities or positions.</summary>
[GenerateSerializer, Immutable]
public sealed record ShockStep(string Id, int Line, string Reason, ImmutableArray<ShockChange> Changes)
    : Step(Id, Line);

/// <summary>N rounds of autonomous bargaining, on the named topics or on every open one.</summary>
/// <param name="Opener">The actor that makes the first offer on every topic it holds; null lets the seed choose.</param>
[GenerateSerializer, Immutable]
public sealed record RoundsStep(string Id, int Line, int Count, ImmutableArray<string> Topics, AgreementRule Rule, string? Opener = null)
    : Step(Id, Line);

/// <summary>Checks that the run so far turned out as the scenario's author reasoned.</summary>
[GenerateSerializer, Immutable]
public sealed record ExpectStep(string Id, int Line, string Because, ImmutableArray<Expectation> Expectations)
    : Step(Id, Line);
