namespace Summits.Model;

/// <summary>One topic's value in a proposal, a counter-offer or an agreement.</summary>
[GenerateSerializer, Immutable]
public readonly record struct Term(string Topic, double Value);
