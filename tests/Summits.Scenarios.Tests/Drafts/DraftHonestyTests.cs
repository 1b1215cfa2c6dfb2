using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// What a draft must never do with a readout: count a joint statement as drafted while it is only a
/// comment or give it to one leader, take a Chinese or Korean given name for the family name, take a
/// title for a leader's name, or put a sentence with no subject's word under the sentence before's topic.
/// Each expected value is read off the small readout by hand.
/// </summary>
public sealed class DraftHonestyTests
{
    private static SeedDraft Draft(string text) => SeedDraft.From(Briefing.Read(new SourceText("readout.txt", text)), "readout.txt");

    private static string Readout(string name) => Path.Combine(WorldsRepository.Root, "scenarios", "sources", "readouts", name);

    /// <summary>The part of a draft before its notes (the joint statements on topics of their own, what was not drafted): the actors, topics and positions.</summary>
    private static string Positions(SeedDraft draft)
    {
        var written = draft.Write();
        var end = written.IndexOf("\n\n# ", written.IndexOf("positions:", StringComparison.Ordinal), StringComparison.Ordinal);
        return end < 0 ? written : written[..(end + 1)];
    }

    private const string KishidaXi = """
        Japan-China Summit Meeting

        Prime Minister Kishida met Chinese leader Xi Jinping in San Francisco.
        Prime Minister Kishida stated that Japan wants stable relations.
        Chinese leader Xi Jinping said that China values the stability of the region.
        The two leaders concurred to promote a mutually beneficial relationship.
        """;

    [Fact]
    public void A_joint_statement_on_a_topic_where_a_party_speaks_alone_is_drafted_as_both_on_a_topic_of_its_own()
    {
        var draft = Draft(KishidaXi);

        // Line 6 is joint (Kishida and Xi) and about relations ("relationship", bilateral-relations), the topic
        // of Kishida's own line 4 ("relations"). Kishida's position there is his, stated: the joint line is not
        // his alone, so it goes on a topic of its own right after it, bilateral-relations-joint, as a position of
        // 'both' for Kishida and for Xi, verbatim, and the draft's notes say so. Drafted: lines 4, 5 and 6: 3.
        // Not drafted: the heading (line 1) and the meeting (line 3).
        Assert.Equal(["Prime Minister Kishida stated that Japan wants stable relations.", "Chinese leader Xi Jinping said that China values the stability of the region.", "The two leaders concurred to promote a mutually beneficial relationship."],
            draft.Drafted.Select(s => s.Text).ToArray());
        Assert.Equal(["bilateral-relations", "bilateral-relations-joint", "china"], draft.Topics.Select(t => t.Subject.Id).ToArray());
        Assert.Equal([1, 3], draft.NotDrafted.Select(n => n.Location.Line).ToArray());
        var written = Positions(draft);
        foreach (var actor in new[] { "Kishida", "Xi" })
        {
            Assert.Contains(
                $"  - actor: {actor}\n    topic: bilateral-relations-joint\n    speaker: both\n    kind: joint\n    quotes:\n      - \"The two leaders concurred to promote a mutually beneficial relationship.\"  # joint (Kishida and Xi), line 6, column 1\n",
                written);
        }
        // Kishida's own position on bilateral-relations quotes his line alone.
        Assert.Contains("  - actor: Kishida\n    topic: bilateral-relations\n    speaker: Kishida\n    kind: stated\n    quotes:\n      - \"Prime Minister Kishida stated that Japan wants stable relations.\"  # Kishida, stated, line 4, column 1\n", written);
        var joint = Assert.Single(draft.JointApart);
        Assert.Equal(("bilateral-relations", "bilateral-relations-joint", (6, 1)), (joint.Topic, joint.JointTopic, (joint.Statement.Location.Line, joint.Statement.Location.Column)));
        Assert.Contains("#   line 6, column 1: \"The two leaders concurred to promote a mutually beneficia...\": under 'bilateral-relations-joint', since Kishida also speaks alone on 'bilateral-relations'", draft.Write());
        Assert.Contains("# Not drafted (2), with the reason:", draft.Write());
        Assert.Contains("2 stated, 1 joint and 0 not-discussed statements", draft.Write());
    }

    [Fact]
    public void A_joint_statement_no_party_speaks_alone_on_is_drafted_for_every_party_as_both()
    {
        var draft = Draft("""
            Prime Minister Kishida met President Biden.
            Prime Minister Kishida stated that trade must be fair.
            The two leaders concurred to promote cooperation on semiconductors.
            """);

        // Line 3 is about technology ("semiconductors"), where neither leader speaks alone: each party gets a
        // position of 'both' quoting it, so it is never one leader's.
        var written = Positions(draft);
        foreach (var actor in new[] { "Kishida", "Biden" })
        {
            Assert.Contains(
                $"  - actor: {actor}\n    topic: technology\n    speaker: both\n    kind: joint\n    quotes:\n      - \"The two leaders concurred to promote cooperation on semiconductors.\"  # joint (Kishida and Biden), line 3, column 1\n",
                written);
        }
        Assert.DoesNotContain(draft.NotDrafted, n => n.Location.Line == 3);
    }

    [Fact]
    public void A_Chinese_or_Korean_leader_tied_to_the_country_is_known_by_the_family_name_first()
    {
        // "Chinese leader Xi Jinping": China puts the family name first, and "Xi" is never used alone: Xi, not
        // Jinping. "President Lee Jae Myung of South Korea" likewise: Lee. "Prime Minister Keir Starmer of the
        // United Kingdom": the family name last, Starmer. None of them is a guess, so nothing is flagged.
        var briefing = Briefing.Read(new SourceText("readout.txt", """
            Chinese leader Xi Jinping said that China supports dialogue.
            President Lee Jae Myung of South Korea stated that talks must resume.
            Prime Minister Keir Starmer of the United Kingdom welcomed the talks.
            """));

        Assert.Equal(["Xi", "Lee", "Starmer"], briefing.Speakers.ToArray());
        Assert.Empty(briefing.SpeakerNotes);
    }

    [Fact]
    public void A_name_the_readout_ties_to_no_country_is_flagged_for_the_user()
    {
        // "President Xi Jinping" with no country: the last word is taken, and the user is told it is a guess,
        // at the first mention (line 1, column 1), with the other reading.
        var briefing = Briefing.Read(new SourceText("readout.txt", "President Xi Jinping said that talks must resume.\nPrime Minister Kishida welcomed the talks.\n"));

        Assert.Equal(["Jinping", "Kishida"], briefing.Speakers.ToArray());
        var note = Assert.Single(briefing.SpeakerNotes);
        Assert.Equal(("Jinping", 1, 1), (note.Speaker, note.Location.Line, note.Location.Column));
        Assert.Contains("named 'Xi Jinping'", note.Note);
        Assert.Contains("if the family name comes first, it is 'Xi'", note.Note);
        Assert.Contains("To check: named 'Xi Jinping'", SeedDraft.From(briefing, "readout.txt").Write());
    }

    [Fact]
    public void A_sentence_with_no_subject_s_word_gets_a_topic_of_its_own_not_the_one_before()
    {
        // Line 1 is about energy ("energy"). Line 2 uses no subject's word: "turmoil" holds "oil" and
        // "overseas" holds "seas" only inside other words, which do not count. It gets 'unassigned-1', not
        // energy-climate.
        var draft = Draft("Abe: We will buy more energy from you.\nTrump: The turmoil overseas worries us.\n");

        Assert.Equal(["energy-climate", "unassigned-1"], draft.Topics.Select(t => t.Subject.Id).ToArray());
        Assert.Equal("Trump: The turmoil overseas worries us.".Split(": ")[1], Assert.Single(draft.Unassigned).Text);
    }

    [Fact]
    public void Biden_on_the_Good_Friday_Agreement_is_unassigned_not_energy()
    {
        var draft = SeedDraft.From(Briefing.Read(SourceText.Load(Readout("whitehouse-biden-starmer-2024-09-13.txt"))), "readout.txt");

        // The sentence before it speaks of "clean energy"; this one uses no subject's word ("Belfast", "Good
        // Friday Agreement", "Northern Ireland", "peace" and "stability" are none). The readout's sentences
        // with no subject's word are "The leaders had an in-depth discussion ..." (unassigned-1) and this
        // one (unassigned-2).
        var belfast = draft.Topics.Single(t => t.Statements.Any(s => s.Text.StartsWith("President Biden underscored", StringComparison.Ordinal)));
        Assert.Equal("unassigned-2", belfast.Subject.Id);
        Assert.Equal(["The leaders had an in-depth discussion", "President Biden underscored his"],
            draft.Unassigned.Select(s => string.Join(' ', s.Text.Split(' ').Take(s.Text.StartsWith("The", StringComparison.Ordinal) ? 6 : 4))).ToArray());
    }

    [Fact]
    public void The_Downing_Street_readout_flags_the_unnamed_Prime_Minister_and_drafts_its_joint_lines_as_both_leaders_()
    {
        var draft = SeedDraft.From(Briefing.Read(SourceText.Load(Readout("uk-pm-biden-2024-07-10.txt"))), "readout.txt");

        // The Prime Minister is never named: actor 'unnamed-Prime-Minister', flagged. On defence-alliance both
        // leaders speak alone (the Prime Minister congratulating on the NATO summit, 3:1; the President welcoming
        // AUKUS, 6:1), so the joint lines on it, "Both leaders agreed ..." (3:95) and "They reflected on the
        // importance of the NATO alliance ..." (4:1), are drafted as both leaders' on defence-alliance-joint, right
        // after defence-alliance. "They agreed we must continue ..." (Ukraine, 4:173) and the Gaza sentence (5:1)
        // are drafted as both leaders'; "They reflected that at a time ..." (6:171) uses no subject's word and is
        // 'unassigned-1', joint too. Not drafted: the title (1:1) and the meeting (2:1). All 7 statements drafted.
        Assert.Equal(["unnamed-Prime-Minister", "Biden"], draft.Briefing.Speakers.Select(draft.ActorId).ToArray());
        Assert.Equal([(1, 1), (2, 1)], draft.NotDrafted.Select(n => (n.Location.Line, n.Location.Column)).ToArray());
        Assert.Equal(["defence-alliance", "defence-alliance-joint", "ukraine", "middle-east", "unassigned-1"], draft.Topics.Select(t => t.Subject.Id).ToArray());
        Assert.Equal([(3, 95), (4, 1)], draft.JointApart.Select(j => (j.Statement.Location.Line, j.Statement.Location.Column)).ToArray());
        Assert.All(draft.JointApart, j => Assert.Equal(["Prime Minister", "Biden"], j.Alone));
        Assert.Equal(7, draft.Drafted.Count());
        Assert.All(draft.Drafted.Where(s => s.Kind == PositionKind.Joint), s => Assert.Equal(2, Positions(draft).Split(YamlText.Quoted(s.Text)).Length - 1));
        var joint = draft.Topics.Single(t => t.Subject.Id == "defence-alliance-joint").Statements;
        Assert.Equal(["Both leaders agreed that in its 75th year, NATO is stronger and more united than ever.",
            "They reflected on the importance of the NATO alliance and the special relationship in the context of current geopolitical challenges, including the ongoing war in Ukraine."], joint.Select(s => s.Text).ToArray());
    }

    [Fact]
    public void Stable_supply_chains_are_about_trade()
    {
        // "supply chains" is a trade term (2), and the sentence names no other subject's word: trade-economy, not
        // a topic of its own for the user to place.
        var draft = Draft("""
            Prime Minister Kishida met President Biden.
            Prime Minister Kishida stated that trade must be fair.
            They also confirmed the importance of stable supply chains.
            """);

        Assert.Equal("trade-economy", SubjectLexicon.Of("They also confirmed the importance of stable supply chains.")?.Id);
        Assert.Empty(draft.Unassigned);
        Assert.Equal(["trade-economy", "trade-economy-joint"], draft.Topics.Select(t => t.Subject.Id).ToArray());
    }
}
