using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>One uncertain input a what-if study draws anew for every sample, as a scenario's <c>vary</c> block names it.</summary>
[GenerateSerializer, Immutable, Alias("summits.variation")]
public abstract record Variation([Id(0)] string Actor)
{
    /// <summary>How reports name the input, for example <c>salience JP trade-imbalance</c>.</summary>
    public abstract string Name { get; }
}

/// <summary>An actor's position on a topic, drawn uniformly from a range of the 0–100 scale.</summary>
[GenerateSerializer, Immutable, Alias("summits.position-variation")]
public sealed record PositionVariation([Id(0)] string Actor, [Id(1)] string Topic, [Id(2)] Interval Range) : Variation(Actor)
{
    public override string Name => $"position {Actor} {Topic}";
}

/// <summary>An actor's salience on a topic, drawn uniformly from a range within 0–1.</summary>
[GenerateSerializer, Immutable, Alias("summits.salience-variation")]
public sealed record SalienceVariation([Id(0)] string Actor, [Id(1)] string Topic, [Id(2)] Interval Range) : Variation(Actor)
{
    public override string Name => $"salience {Actor} {Topic}";
}

/// <summary>An actor's capability, drawn uniformly from a range within 0–1.</summary>
[GenerateSerializer, Immutable, Alias("summits.capability-variation")]
public sealed record CapabilityVariation([Id(0)] string Actor, [Id(1)] Interval Range) : Variation(Actor)
{
    public override string Name => $"capability {Actor}";
}

/// <summary>An actor's bargaining strategy, one of the choices with equal chance.</summary>
[GenerateSerializer, Immutable, Alias("summits.strategy-variation")]
public sealed record StrategyVariation([Id(0)] string Actor, [Id(1)] ImmutableArray<Strategy> Choices) : Variation(Actor)
{
    public override string Name => $"strategy {Actor}";
}
