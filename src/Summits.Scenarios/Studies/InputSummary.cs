namespace Summits.Scenarios;

/// <summary>An input a study sampled and the interval (or the strategies) it was drawn from.</summary>
public sealed record InputSummary(string Name, double Low, double High, IReadOnlyList<string>? Choices);
