using Summits.Model;

namespace Summits.Scenarios;

/// <summary>A line or sentence of a readout that the draft does not take, where it stands, and why.</summary>
public sealed record SkippedSentence(string Text, SourceLocation Location, string Reason);
