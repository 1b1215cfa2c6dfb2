using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// The shapes in which governments and press agencies write readouts, each read by one rule that covers its
/// variants: numbered and lettered paragraphs, a topic label's own not-discussed sentence, a leader who did not
/// comment, single quotes used as quotation marks, a particle's case in a name, a reporting phrase set inside the
/// sentence, a meeting sentence with each leader's country, titles standing for the two leaders, and a topic label in a
/// readout of three. Every expected speaker, kind and reason is read off the small readout by hand.
/// </summary>
public sealed class ReadoutShapesTests
{
    private static Briefing Read(string text) => Briefing.Read(new SourceText("readout.txt", text));

    private static (int Line, string Kind, string Speakers)[] Found(Briefing briefing) =>
        [.. briefing.Statements.Select(s => (s.Location.Line, KebabCase.Of(s.Kind), string.Join("+", s.Speakers)))];

    [Fact]
    public void A_paragraphs_number_or_letter_in_any_common_form_is_set_aside()
    {
        const string text = """
            a) Prime Minister Shinzo Abe: Japan values the alliance.
            ii. President Donald Trump: The alliance is strong.
            II. Abe: Japan will buy more defence equipment.
            (iii) Trump: Trade must be fair.
            1. Abe: Japan will open its market.
            (b) Trump: Tariffs will fall.
            B) The two leaders agreed to meet again.
            iv) Trump said that the alliance is rock solid.
            (C) Abe: Japan stands ready.
            """;

        var briefing = Read(text);

        // Each line is read as if its number or letter were absent: lines 1-6 and 9 are a leader's label (Abe on 1, 3,
        // 5, 9; Trump on 2, 4, 6), line 7 "The two leaders" is both, line 8's subject is Trump. Nothing is skipped, no
        // "a) Prime Minister ..." or "II. Abe" becomes a third actor, and no quoted text starts with the numbering.
        Assert.Equal(["Abe", "Trump"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                (1, "stated", "Abe"), (2, "stated", "Trump"), (3, "stated", "Abe"), (4, "stated", "Trump"), (5, "stated", "Abe"),
                (6, "stated", "Trump"), (7, "joint", "Abe+Trump"), (8, "stated", "Trump"), (9, "stated", "Abe"),
            ],
            Found(briefing));
        Assert.Empty(briefing.Skipped);
        // Line 8's quote is the sentence after "iv) ", which is 4 characters: it starts at column 5.
        var eighth = Assert.Single(briefing.Statements, s => s.Location.Line == 8);
        Assert.Equal(("Trump said that the alliance is rock solid.", 5), (eighth.Text, eighth.Location.Column));
        Assert.Equal("The two leaders agreed to meet again.", Assert.Single(briefing.Statements, s => s.Location.Line == 7).Text);
    }

    [Fact]
    public void A_topic_labels_own_not_discussed_sentence_makes_the_topic_not_discussed()
    {
        const string text = """
            Prime Minister Fumio Kishida: Japan values the alliance.
            President Joe Biden: The alliance is strong.
            Trade: The two leaders did not discuss trade.
            Whaling: Whaling was not discussed.
            Fisheries: Neither leader raised fishing rights.
            """;

        var draft = SeedDraft.From(Read(text), "readout.txt");

        // Lines 3-5 each put a topic's label before a sentence saying that topic was not raised: the label is the
        // topic's, not a speaker's, so no "Trade", "Whaling" or "Fisheries" actor, and each sentence is not discussed.
        Assert.Equal(["Kishida", "Biden"], draft.Briefing.Speakers.ToArray());
        Assert.Equal(
            [(1, "stated", "Kishida"), (2, "stated", "Biden"), (3, "not-discussed", ""), (4, "not-discussed", ""), (5, "not-discussed", "")],
            Found(draft.Briefing));
        Assert.Empty(draft.Briefing.Skipped);
        // Line 3 names trade, a subject's word: trade-economy-not-discussed. Lines 4 and 5 name things no subject has:
        // "Whaling" and "fishing rights", made ids. No topic holds a stated position of these lines.
        Assert.Equal(
            ["trade-economy-not-discussed", "whaling-not-discussed", "fishing-rights-not-discussed"],
            draft.Topics.Where(t => t.Statements.All(s => s.Kind == PositionKind.NotDiscussed)).Select(t => t.Subject.Id).ToArray());
    }

    [Fact]
    public void A_leader_who_did_not_comment_is_reported_with_the_leader_and_the_topic()
    {
        const string text = """
            Prime Minister Fumio Kishida: Japan values the alliance.
            President Joe Biden: The alliance is strong.
            Biden did not comment on the yen exchange rate.
            Prime Minister Kishida declined to comment on whaling.
            The President declined to comment.
            Kishida: Japan will keep buying.
            Kishida refused to comment about the tariffs.
            """;

        var briefing = Read(text);

        // A leader who did not comment states no position: lines 3-5 and 7 are not drafted, and each reason names the
        // leader ("The President" is Biden, the one President) and what he did not comment on, as the sentence writes it.
        Assert.Equal([(1, "stated", "Kishida"), (2, "stated", "Biden"), (6, "stated", "Kishida")], Found(briefing));
        Assert.Equal(
            [
                (3, "notes that Biden did not comment on the yen exchange rate, which is no position of Biden's: nothing is drafted from it"),
                (4, "notes that Kishida declined to comment on whaling, which is no position of Kishida's: nothing is drafted from it"),
                (5, "notes that Biden declined to comment, on no topic the sentence names, which is no position of Biden's: nothing is drafted from it"),
                (7, "notes that Kishida refused to comment on the tariffs, which is no position of Kishida's: nothing is drafted from it"),
            ],
            briefing.Skipped.Select(s => (s.Location.Line, s.Reason)).ToArray());
    }

    [Fact]
    public void Single_straight_quotes_are_a_quotation_and_apostrophes_do_not_end_it()
    {
        const string text = """
            Prime Minister Shinzo Abe: Japan values the alliance.
            President Donald Trump: The alliance is strong.
            'Japan's market must open,' Trump said.
            'The leaders' meeting was a success,' Abe said.
            Abe said: 'We will act. Japan's role is clear.'
            The two leaders agreed to meet again. 'We stand together,' said Trump.
            """;

        var briefing = Read(text);

        // Line 3: the quotation holds "Japan's" and Trump's clause follows it. Line 4: "leaders'" is an apostrophe, the
        // quotation ends at "success,'" and Abe's clause follows. Line 5: Abe's sentence opens a quotation that the next
        // sentence, "Japan's role is clear.'", closes: both Abe's. Line 6: the joint sentence ends at "again." and a
        // quotation opening with ' starts the next sentence, which Trump's clause names.
        Assert.Equal(["Abe", "Trump"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                (1, "stated", "Abe"), (2, "stated", "Trump"), (3, "stated", "Trump"), (4, "stated", "Abe"),
                (5, "stated", "Abe"), (5, "stated", "Abe"), (6, "joint", "Abe+Trump"), (6, "stated", "Trump"),
            ],
            Found(briefing));
        Assert.Empty(briefing.Skipped);
        Assert.Equal(
            ["Abe said: 'We will act.", "Japan's role is clear.'", "The two leaders agreed to meet again.", "'We stand together,' said Trump."],
            briefing.Statements.Where(s => s.Location.Line >= 5).Select(s => s.Text).ToArray());
    }

    [Fact]
    public void Names_that_differ_only_in_a_particles_case_are_one_actor()
    {
        const string text = """
            President Abdel Fattah Al-Sisi: Egypt backs a ceasefire.
            President Charles de Gaulle: France backs it too.
            al-Sisi: Aid must flow.
            De Gaulle said that the crossings must open.
            Al-Sisi said that talks go on.
            DE GAULLE: Peace is near.
            AL-SISI: The talks must go on.
            """;

        var briefing = Read(text);

        // "Al-Sisi" and "al-Sisi" differ only in the case of the particle "al", "De Gaulle" and "de Gaulle" in that of
        // "de": two actors, each named as the readout first writes the short name alone or in full (Al-Sisi, written
        // alone with a capital on line 5; de Gaulle, the family name with its particle).
        Assert.Equal(["Al-Sisi", "de Gaulle"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                (1, "stated", "Al-Sisi"), (2, "stated", "de Gaulle"), (3, "stated", "Al-Sisi"), (4, "stated", "de Gaulle"),
                (5, "stated", "Al-Sisi"), (6, "stated", "de Gaulle"), (7, "stated", "Al-Sisi"),
            ],
            Found(briefing));
        Assert.Empty(briefing.Skipped);
    }

    [Fact]
    public void A_reporting_phrase_set_inside_the_sentence_names_its_speaker()
    {
        const string text = """
            Prime Minister Shinzo Abe met President Donald Trump in Tokyo.
            Trump, in turn, stressed that trade must be fair.
            According to Trump, the alliance is stronger than ever.
            Abe, for his part, said that Japan will buy more defence equipment.
            According to Prime Minister Abe, Japan will open its market.
            President Trump, on his part, noted that tariffs will fall.
            """;

        var briefing = Read(text);

        // Line 1 tells that the two met. Lines 2, 4 and 6 set a phrase between commas ("in turn", "for his part", "on
        // his part") between the speaker and the verb; lines 3 and 5 open with "According to" and the speaker.
        Assert.Equal(["Abe", "Trump"], briefing.Speakers.ToArray());
        Assert.Equal(
            [(2, "stated", "Trump"), (3, "stated", "Trump"), (4, "stated", "Abe"), (5, "stated", "Abe"), (6, "stated", "Trump")],
            Found(briefing));
        Assert.Equal([(1, "tells that Abe and Trump met; it states no position")], briefing.Skipped.Select(s => (s.Location.Line, s.Reason)).ToArray());
    }

    [Fact]
    public void A_meeting_sentence_that_gives_each_leaders_country_is_a_meeting()
    {
        const string text = """
            Prime Minister Kishida of Japan met President Yoon of South Korea in Seoul.
            Prime Minister Kishida stated that Japan values the partnership.
            President Yoon said that Korea values it too.
            President Yoon of South Korea and Prime Minister Kishida of Japan held talks on the sidelines.
            """;

        var briefing = Read(text);

        // "of Japan" and "of South Korea" describe the leader before them: line 1 is Kishida meeting Yoon and line 4
        // the two holding talks, no position; lines 2 and 3 are each leader's own.
        Assert.Equal(["Kishida", "Yoon"], briefing.Speakers.ToArray());
        Assert.Equal([(2, "stated", "Kishida"), (3, "stated", "Yoon")], Found(briefing));
        Assert.Equal(
            [(1, "tells that Kishida and Yoon met; it states no position"), (4, "tells that Yoon and Kishida met; it states no position")],
            briefing.Skipped.Select(s => (s.Location.Line, s.Reason)).ToArray());
    }

    [Fact]
    public void The_titles_of_the_two_leaders_together_are_a_joint_statement_of_both()
    {
        const string text = """
            Japanese Prime Minister Fumio Kishida met U.S. President Joe Biden at the White House.
            The Prime Minister and the President agreed to deepen defence cooperation.
            The President and the Prime Minister confirmed their commitment to a free and open Indo-Pacific.
            The Prime Minister and President also agreed to meet again.
            """;

        var briefing = Read(text);

        // The readout names one Prime Minister (Kishida) and one President (Biden): "The Prime Minister and the
        // President" is the two of them, joint, in the order the sentence names them; no actor is a bare title.
        Assert.Equal(["Kishida", "Biden"], briefing.Speakers.ToArray());
        Assert.Equal([(2, "joint", "Kishida+Biden"), (3, "joint", "Biden+Kishida"), (4, "joint", "Kishida+Biden")], Found(briefing));
        Assert.Empty(briefing.Unnamed);
    }

    [Fact]
    public void A_topic_label_in_a_readout_of_three_is_never_a_fourth_actor()
    {
        const string text = """
            Trilateral meeting of Japanese Prime Minister Fumio Kishida, South Korean President Yoon Suk Yeol and U.S. President Joe Biden
            Security: The three leaders reaffirmed their commitment to deterrence.
            Economy: The three leaders agreed to strengthen supply chains.
            Security: Japan will increase its defence budget.
            Prime Minister Kishida stated that Japan values the partnership.
            President Yoon said that Korea values it too.
            President Biden said that the United States values it too.
            """;

        var draft = SeedDraft.From(Read(text), "readout.txt");
        var briefing = draft.Briefing;

        // The title line names the three leaders. "Security" and "Economy" name none of them and no country: topic
        // labels. Lines 2 and 3 are the three leaders' joint statements; line 4's subject is Japan, whose leader the
        // title line names (Kishida). Three actors, and no "Security".
        Assert.Equal(["Kishida", "Yoon", "Biden"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                (2, "joint", "Kishida+Yoon+Biden"), (3, "joint", "Kishida+Yoon+Biden"), (4, "stated", "Kishida"),
                (5, "stated", "Kishida"), (6, "stated", "Yoon"), (7, "stated", "Biden"),
            ],
            Found(briefing));
        // Line 4 is drafted under its label's topic only if "Security" is a subject's word; it is not, so its own
        // words ("defence") put it under defence-alliance, as they do line 2's ("deterrence").
        Assert.Equal("Security", Assert.Single(briefing.Statements, s => s.Location.Line == 4).Section);
        Assert.Equal("defence-alliance", Assert.Single(draft.Topics, t => t.Statements.Any(s => s.Location.Line == 4)).Subject.Id);
    }
}
