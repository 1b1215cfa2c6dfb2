using Summits.Model;

namespace Summits.Scenarios;

/// <summary>Something the user should check about how a readout names a speaker, at the place it first names them.</summary>
/// <param name="Speaker">The speaker's short name, as the briefing's statements give it.</param>
/// <param name="Location">The speaker's first mention in the readout.</param>
/// <param name="Note">What to check, in one clause, such as "the readout calls this leader only 'the Prime Minister' and never gives a name: name the leader and the country".</param>
public sealed record SpeakerNote(string Speaker, SourceLocation Location, string Note);
