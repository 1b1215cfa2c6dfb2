using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// One sentence a briefing attributes: to one speaker (stated), to two or more leaders together (joint),
/// or to nobody, saying a subject was not discussed (not-discussed).
/// </summary>
/// <param name="Text">The sentence verbatim, without a leading <c>Name:</c> label.</param>
/// <param name="Speakers">The one speaker of a stated sentence, the parties to a joint one, none for a not-discussed one.</param>
/// <param name="Section">
/// The label of the section the sentence is in, as the readout writes it ("North Korea" for "North Korea: Both leaders
/// condemned ..." and the sentences after it in its paragraph), or null when it is in none.
/// </param>
public sealed record BriefingStatement(string Text, PositionKind Kind, ImmutableArray<string> Speakers, SourceLocation Location, string? Section = null)
{
    public bool Involves(string speaker) => Speakers.Contains(speaker);
}
