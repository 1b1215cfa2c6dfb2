using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>One assertion of an <c>expect</c> step.</summary>
[GenerateSerializer, Immutable]
public abstract record Expectation;

/// <summary>An agreement on a topic exists (with these parties, in this value range, with this status) or is absent.</summary>
[GenerateSerializer, Immutable]
public sealed record AgreementExpectation(string Topic, bool Absent, ImmutableArray<string> Parties, Interval? Value, AgreementStatus? Status) : Expectation;

/// <summary>Which way a position moved since the run began.</summary>
public enum Direction
{
    Toward,
    Away,
    Unchanged,
}

/// <summary>A position lies in a range, or moved toward or away from a value or another actor's position since the start.</summary>
[GenerateSerializer, Immutable]
public sealed record PositionExpectation(string Actor, string Topic, Interval? Range, Direction? Moved, double? Target, string? TargetActor) : Expectation;

/// <summary>Matches timeline events; every field left null matches anything.</summary>
[GenerateSerializer, Immutable]
public sealed record EventPattern(EventKind Kind, string? Actor, string? Topic, string? Cause)
{
    public bool Matches(TimelineEvent e) =>
        e.Kind == Kind
        && (Actor is null || e.Actor == Actor)
        && (Topic is null || e.Topic == Topic || (e.Topic?.Split('+').Contains(Topic) ?? false))
        && (Cause is null || e.Cause == Cause || e.Step == Cause);
}

/// <summary>An event happened, or did not.</summary>
[GenerateSerializer, Immutable]
public sealed record EventExpectation(EventPattern Pattern, bool Happened) : Expectation;

/// <summary>Events happened in this order: each pattern's first match comes after the previous one's.</summary>
[GenerateSerializer, Immutable]
public sealed record OrderExpectation(ImmutableArray<EventPattern> Patterns) : Expectation;
