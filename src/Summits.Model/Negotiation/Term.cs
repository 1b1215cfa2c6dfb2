namespace Summits.Model;

/// <summary>One topic's value in a proposal, a counter-offer or an agreement.</summary>
[GenerateSerializer, Immutable, Alias("summits.term")]
public readonly record struct Term([Id(0)] string Topic, [Id(1)] double Value);
