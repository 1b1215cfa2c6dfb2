using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>One sentence a briefing attributes: to one speaker (stated) or to the leaders together (joint).</summary>
/// <param name="Speakers">The one speaker of a stated sentence, or the parties to a joint one.</param>
public sealed record BriefingStatement(string Text, PositionKind Kind, ImmutableArray<string> Speakers, SourceLocation Location)
{
    public bool Involves(string speaker) => Speakers.Contains(speaker);
}
