using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>One assertion of an <c>expect</c> step.</summary>
[GenerateSerializer, Immutable, Alias("summits.expectation")]
public abstract record Expectation;

/// <summary>An agreement on a topic exists (with these parties, in this value range, with this status) or is absent.</summary>
[GenerateSerializer, Immutable, Alias("summits.agreement-expectation")]
public sealed record AgreementExpectation([Id(0)] string Topic, [Id(1)] bool Absent, [Id(2)] ImmutableArray<string> Parties, [Id(3)] Interval? Value, [Id(4)] AgreementStatus? Status) : Expectation;

/// <summary>Which way a position moved since the run began.</summary>
[Alias("summits.direction")]
public enum Direction
{
    Toward = 0,
    Away = 1,
    Unchanged = 2,
}

/// <summary>A position lies in a range, or moved toward or away from a value or another actor's position since the start.</summary>
[GenerateSerializer, Immutable, Alias("summits.position-expectation")]
public sealed record PositionExpectation([Id(0)] string Actor, [Id(1)] string Topic, [Id(2)] Interval? Range, [Id(3)] Direction? Moved, [Id(4)] double? Target, [Id(5)] string? TargetActor) : Expectation;

/// <summary>Matches timeline events; every field left null matches anything.</summary>
[GenerateSerializer, Immutable, Alias("summits.event-pattern")]
public sealed record EventPattern([Id(0)] EventKind Kind, [Id(1)] string? Actor, [Id(2)] string? Topic, [Id(3)] string? Cause)
{
    public bool Matches(TimelineEvent e) =>
        e.Kind == Kind
        && (Actor is null || e.Actor == Actor)
        && (Topic is null || e.Topic == Topic || (e.Topic?.Split('+').Contains(Topic) ?? false))
        && (Cause is null || e.Cause == Cause || e.Step == Cause);
}

/// <summary>An event happened, or did not.</summary>
[GenerateSerializer, Immutable, Alias("summits.event-expectation")]
public sealed record EventExpectation([Id(0)] EventPattern Pattern, [Id(1)] bool Happened) : Expectation;

/// <summary>Events happened in this order: each pattern's first match comes after the previous one's.</summary>
[GenerateSerializer, Immutable, Alias("summits.order-expectation")]
public sealed record OrderExpectation([Id(0)] ImmutableArray<EventPattern> Patterns) : Expectation;
