using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>One uncertain input a what-if study draws anew for every sample, as a scenario's <c>vary</c> block names it.</summary>
[GenerateSerializer, Immutable]
public abstract record Variation(string Actor)
{
    /// <summary>How reports name the input, for example <c>salience JP trade-imbalance</c>.</summary>
    public abstract string Name { get; }
}

/// <summary>An actor's position on a topic, drawn uniformly from a range of the 0–100 scale.</summary>
[GenerateSerializer, Immutable]
public sealed record PositionVariation(string Actor, string Topic, Interval Range) : Variation(Actor)
{
    public override string Name => $"position {Actor} {Topic}";
}

/// <summary>An actor's salience on a topic, drawn uniformly from a range within 0–1.</summary>
[GenerateSerializer, Immutable]
public sealed record SalienceVariation(string Actor, string Topic, Interval Range) : Variation(Actor)
{
    public override string Name => $"salience {Actor} {Topic}";
}

/// <summary>An actor's capability, drawn uniformly from a range within 0–1.</summary>
[GenerateSerializer, Immutable]
public sealed record CapabilityVariation(string Actor, Interval Range) : Variation(Actor)
{
    public override string Name => $"capability {Actor}";
}

/// <summary>An actor's bargaining strategy, one of the choices with equal chance.</summary>
[GenerateSerializer, Immutable]
public sealed record StrategyVariation(string Actor, ImmutableArray<Strategy> Choices) : Variation(Actor)
{
    public override string Name => $"strategy {Actor}";
}
