using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// Only a sentence whose verb is a meeting (met, held talks, spoke with a leader, received a leader, hosted) is
/// skipped as telling that leaders met; the same verbs used otherwise ("spoke about", "held the view",
/// "received assurances") are the speaker's statements. Each expected outcome is read off the sentence by hand.
/// </summary>
public sealed class MeetingSentenceTests
{
    private static Briefing Read(string sentence) =>
        Briefing.Read(new SourceText("readout.txt", $"Prime Minister Kishida: Hello.\n\nPresident Biden: Hello.\n\n{sentence}\n"));

    [Theory]
    // The example found: "spoke about" is not "spoke with"; it was skipped as "tells that Kishida met".
    [InlineData("Kishida spoke about the weather.")]
    [InlineData("Kishida talked about supply chains.")]
    [InlineData("Kishida held the view that trade must be fair.")]
    [InlineData("Kishida received assurances on trade.")]
    [InlineData("Kishida has said that Japan will act.")]
    [InlineData("Kishida spoke to the press about energy.")]
    public void A_meeting_verb_used_for_something_else_is_the_speaker_s_statement(string sentence)
    {
        var briefing = Read(sentence);

        // The verb is followed by what was said or thought, not by a leader met: Kishida's own sentence.
        var last = briefing.Statements[^1];
        Assert.Equal((PositionKind.Stated, "Kishida", sentence), (last.Kind, string.Join("+", last.Speakers), last.Text));
        Assert.Empty(briefing.Skipped);
    }

    [Theory]
    [InlineData("Kishida met President Biden in Tokyo.")]
    [InlineData("Kishida spoke with President Biden by telephone.")]
    [InlineData("Kishida talked with President Biden.")]
    [InlineData("Kishida held talks with President Biden.")]
    [InlineData("Kishida had a telephone call with President Biden.")]
    [InlineData("Kishida received President Biden at the Kantei.")]
    [InlineData("Kishida hosted President Biden for dinner.")]
    public void A_sentence_whose_verb_is_meeting_a_leader_is_skipped_as_a_meeting(string sentence)
    {
        var briefing = Read(sentence);

        // Two leaders, Kishida (the subject) and Biden (named after the verb), and no position.
        var skipped = Assert.Single(briefing.Skipped);
        Assert.Equal((sentence, "tells that Kishida and Biden met; it states no position"), (skipped.Text, skipped.Reason));
        Assert.Equal(2, briefing.Statements.Length);
    }

    [Theory]
    [InlineData("Kishida met business leaders in Osaka.")]
    [InlineData("Kishida held a meeting with business leaders.")]
    public void A_meeting_with_no_other_leader_is_skipped_and_said_to_name_no_other_leader(string sentence)
    {
        var briefing = Read(sentence);

        // A meeting, but only Kishida is a leader of the readout: the reason does not say "Kishida met" alone.
        var skipped = Assert.Single(briefing.Skipped);
        Assert.Equal("tells of a meeting of Kishida's with no other leader of the readout; it states no position", skipped.Reason);
    }
}
