using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// Shapes of sentences real readouts use that a draft must give the right speaker and kind, or report: a quotation's
/// reporting clause in its common shapes, sentences that say a topic was not raised or that the leaders did not agree,
/// a subject that names no leader ("Neither leader"), and a family name with a particle written with a capital; and the
/// shapes in which governments and press agencies write readouts, each read by one rule that covers its variants:
/// numbered and lettered paragraphs, a topic label's own not-discussed sentence, a leader who did not comment, single
/// quotes used as quotation marks, a particle's case in a name, a reporting phrase set inside the sentence, a meeting
/// sentence with each leader's country, titles standing for the two leaders, and a topic label in a readout of three.
/// Each expected speaker, kind and reason is read off the small readout by hand.
/// </summary>
public sealed class FieldShapesTests
{
    private static Briefing Read(string text) => Briefing.Read(new SourceText("readout.txt", text));

    private static (int Line, string Kind, string Speakers)[] Found(Briefing briefing) =>
        [.. briefing.Statements.Select(s => (s.Location.Line, KebabCase.Of(s.Kind), string.Join("+", s.Speakers)))];

    [Fact]
    public void A_reporting_clause_of_any_common_shape_names_the_speaker_not_the_label_above()
    {
        const string text = """
            Prime Minister Shinzo Abe: Japan values the alliance.
            President Donald Trump: The alliance is strong.
            Abe: Japan will buy more US defence equipment.
            "We will never accept a nuclear North Korea," Trump told reporters.
            "We will keep talking," Trump said in Tokyo.
            "We are partners," Mr. Trump said.
            "The Indo-Pacific must be free," Trump said, "and open to all."
            'Trade must be reciprocal,' said Trump.
            "North Korea is a threat to the world," said President Trump on Monday.
            "Japan's market must open," the President said.
            “The alliance is rock solid,” Trump stressed.
            "We will see," said the spokesman.
            "Talks go on," a senior official told reporters.
            "Russia must help," Putin told reporters.
            "Wait and see," one of the officials at the talks with the press said later.
            Trump added: "Tariffs will fall."
            "Free and open Indo-Pacific" was stressed by both.
            Abe: Japan will keep buying.
            """;

        var briefing = Read(text);

        // Lines 1-3 are labelled. Lines 4-11 each quote Trump in a clause of their own, whatever its shape: the verb
        // after the name with an object ("told reporters", 4), a place (5), "Mr." (6), a split quotation (7), single
        // quotes with the verb first (8), a title and a time (9), the title alone, which only Trump holds (10), curly
        // quotes (11): all Trump's, none Abe's. Line 16 names Trump before a colon and the quotation: his too, and it
        // ends the label's run. Line 17's clause is passive, with no speaker before its verb: reported with the clause,
        // no label above it now. Line 18 is Abe's label.
        Assert.Equal(["Abe", "Trump"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                (1, "stated", "Abe"), (2, "stated", "Trump"), (3, "stated", "Abe"),
                (4, "stated", "Trump"), (5, "stated", "Trump"), (6, "stated", "Trump"), (7, "stated", "Trump"),
                (8, "stated", "Trump"), (9, "stated", "Trump"), (10, "stated", "Trump"), (11, "stated", "Trump"),
                (16, "stated", "Trump"), (18, "stated", "Abe"),
            ],
            Found(briefing));
        // Lines 12-15 name a speaker who is no leader of the readout (or, 15, one in more words than a speaker's name
        // takes, which the draft does not read): reported with the speaker, and the label above is said not to be carried.
        Assert.Equal(
            [
                (12, "quotes a speaker of its own, 'the spokesman', who is no leader of the readout; the label 'Abe' above it is not carried to it"),
                (13, "quotes a speaker of its own, 'a senior official', who is no leader of the readout; the label 'Abe' above it is not carried to it"),
                (14, "quotes a speaker of its own, 'Putin', who is no leader of the readout; the label 'Abe' above it is not carried to it"),
            ],
            briefing.Skipped.Where(s => s.Location.Line < 15).Select(s => (s.Location.Line, s.Reason)).ToArray());
        var unread = Assert.Single(briefing.Skipped, s => s.Location.Line == 15);
        Assert.Equal("quotes a speaker in a reporting clause ('one of the officials at the talks with the press said') whose speaker the draft cannot tell; the label 'Abe' above it is not carried to it; label the sentence with the speaker's name", unread.Reason);
        var passive = Assert.Single(briefing.Skipped, s => s.Location.Line == 17);
        Assert.Equal("quotes a speaker in a reporting clause ('was stressed') whose speaker the draft cannot tell; label the sentence with the speaker's name", passive.Reason);
    }

    [Fact]
    public void A_reporting_clause_that_names_no_speaker_is_reported_not_given_to_the_label_above()
    {
        const string text = """
            Prime Minister Shinzo Abe: Japan values the alliance.
            President Donald Trump: The alliance is strong.
            Abe: Japan will buy more US defence equipment.
            "We will work together," came the reply.
            "Trade must be fair," was the answer.
            "The alliance is unshakable," the statement said.
            "Is the door open?" came the question.
            "Peace is near," the joint statement said in Tokyo.
            Abe: Japan will keep buying.
            """;

        var briefing = Read(text);

        // Lines 1-3 and 9 are labelled. Lines 4-8 each quote with a clause of their own after the quotation's comma or
        // question mark, which tells that someone spoke but not who: a reply, an answer, a question (no reporting verb
        // at all), or a statement that "said" it (a text, not a person). Abe's label above is not their speaker; each
        // is reported with its clause, and none is Abe's.
        Assert.Equal([(1, "stated", "Abe"), (2, "stated", "Trump"), (3, "stated", "Abe"), (9, "stated", "Abe")], Found(briefing));
        const string Rest = "whose speaker the draft cannot tell; the label 'Abe' above it is not carried to it; label the sentence with the speaker's name";
        Assert.Equal(
            [
                (4, $"quotes a speaker in a reporting clause ('came the reply') {Rest}"),
                (5, $"quotes a speaker in a reporting clause ('was the answer') {Rest}"),
                (6, $"quotes a speaker in a reporting clause ('the statement said') {Rest}"),
                (7, $"quotes a speaker in a reporting clause ('came the question') {Rest}"),
                (8, $"quotes a speaker in a reporting clause ('the joint statement said') {Rest}"),
            ],
            briefing.Skipped.Select(s => (s.Location.Line, s.Reason)).ToArray());
    }

    [Fact]
    public void Sentences_that_say_a_topic_was_not_raised_are_not_discussed_and_a_disagreement_is_reported()
    {
        const string text = """
            Japanese Prime Minister Fumio Kishida: Japan values trilateral cooperation.
            South Korean President Yoon Suk Yeol: Korea values trilateral cooperation.
            Trade tariffs were not on the agenda.
            The two leaders did not touch on the Dokdo islands.
            Both leaders did not address fishing rights.
            The leaders did not agree on tariffs.
            Neither leader raised the issue of whaling.
            The question of energy prices did not come up.
            None of the leaders mentioned the yen exchange rate.
            Neither side commented on the report.
            """;

        var briefing = Read(text);

        // Yoon is tied to South Korea, whose names put the family name first. Line 3 follows Yoon's label but says the
        // topic was not raised: not discussed, no speaker. Lines 4, 5, 7, 8 and 9 say so in other words; line 6 says the
        // two did not agree, which is no joint position: reported. "Neither leader" and "None of the leaders" are no
        // actor: the readout has two speakers.
        Assert.Equal(["Kishida", "Yoon"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                (1, "stated", "Kishida"), (2, "stated", "Yoon"),
                (3, "not-discussed", ""), (4, "not-discussed", ""), (5, "not-discussed", ""),
                (7, "not-discussed", ""), (8, "not-discussed", ""), (9, "not-discussed", ""),
            ],
            Found(briefing));
        Assert.Equal(
            [
                (6, "says that Kishida and Yoon did not agree, which is no position they share; draft each leader's position on it by hand from what the readout says"),
                (10, "has 'Neither side' as its subject, which is no leader; it states no leader's position"),
            ],
            briefing.Skipped.Select(s => (s.Location.Line, s.Reason)).ToArray());
        // Each not-discussed sentence names its thing, an article and "the issue of" / "the question of" dropped.
        Assert.Equal(
            ["Trade tariffs", "Dokdo islands", "Fishing rights", "Whaling", "Energy prices", "Yen exchange rate"],
            briefing.Statements.Where(s => s.Kind == PositionKind.NotDiscussed).Select(s => SeedDraft.NotDiscussedThing(s.Text)?.Title ?? "(none)").ToArray());
    }

    [Fact]
    public void Neither_leader_is_no_actor_and_the_two_leaders_stay_two()
    {
        const string text = """
            Prime Minister Kishida stated that Japan values the alliance.
            President Biden said that the alliance is strong.
            Neither leader raised the issue of whaling.
            The two leaders did not touch on the yen exchange rate.
            Nuclear energy was not raised.
            """;

        var draft = SeedDraft.From(Read(text), "readout.txt");

        // Two speakers; "The two leaders" (line 4) is both of them, and the three not-discussed sentences give one
        // position to each of the two actors per topic, never a third.
        Assert.Equal(["Kishida", "Biden"], draft.Briefing.Speakers.ToArray());
        Assert.Empty(draft.Briefing.Skipped);
        Assert.Equal(3, draft.Briefing.Statements.Count(s => s.Kind == PositionKind.NotDiscussed));
    }

    [Fact]
    public void A_particle_written_with_a_capital_stays_with_the_family_name_and_labels_in_any_case_match_it()
    {
        const string text = """
            European Council President Herman Van Rompuy: The Council backs the fiscal compact.
            Chancellor Angela Merkel: Germany backs it too.
            Van Rompuy: Growth measures must accompany consolidation.
            van Rompuy: The banking union is a priority.
            VAN ROMPUY: Markets will calm.
            """;

        var briefing = Read(text);

        // "Van" after a first name is a particle: the family name is "Van Rompuy", which lines 3-5 use alone in three
        // cases.
        Assert.Equal(["Van Rompuy", "Merkel"], briefing.Speakers.ToArray());
        Assert.Equal(
            [(1, "stated", "Van Rompuy"), (2, "stated", "Merkel"), (3, "stated", "Van Rompuy"), (4, "stated", "Van Rompuy"), (5, "stated", "Van Rompuy")],
            Found(briefing));
        Assert.Empty(briefing.Skipped);
        // Only Merkel's family name is a guess ("Merkel" is never written alone here); "Van Rompuy" is written alone.
        Assert.Equal(["Merkel"], briefing.SpeakerNotes.Select(n => n.Speaker).ToArray());
        // The actor id keeps the particle: "Van Rompuy" with its space made '-'.
        Assert.Equal("Van-Rompuy", SeedDraft.From(briefing, "readout.txt").ActorId("Van Rompuy"));
    }

    [Fact]
    public void Von_der_Leyen_in_other_capitals_is_the_same_leader()
    {
        const string text = """
            Commission President Ursula Von der Leyen: Deforestation commitments must be enforceable.
            Prime Minister Mark Rutte: The Netherlands backs the deal.
            Von Der Leyen: Trade must be fair.
            VON DER LEYEN: Markets will open.
            von der Leyen: Talks go on.
            """;

        var briefing = Read(text);

        // The full name writes "Von der Leyen"; lines 3-5 write it "Von Der Leyen", in capitals, and small: each is she.
        Assert.Equal(["Von der Leyen", "Rutte"], briefing.Speakers.ToArray());
        Assert.Equal(
            [(1, "stated", "Von der Leyen"), (2, "stated", "Rutte"), (3, "stated", "Von der Leyen"), (4, "stated", "Von der Leyen"), (5, "stated", "Von der Leyen")],
            Found(briefing));
        Assert.Empty(briefing.Skipped);
    }

    [Theory]
    // Accents dropped, the letters kept: "Sánchez" is S, a with an acute accent, nchez; "Maizière" has e with a grave
    // accent; "Erdoğan" g with a breve; "Søreide" ø, spelt o; "Weiß" ß, spelt ss.
    [InlineData("Sánchez", "Sanchez")]
    [InlineData("de Maizière", "de-Maiziere")]
    [InlineData("Erdoğan", "Erdogan")]
    [InlineData("Søreide", "Soreide")]
    [InlineData("Weiß", "Weiss")]
    public void An_id_of_a_name_with_accents_keeps_its_letters(string name, string id) =>
        Assert.Equal(id, IdText.From(name, "speaker", keepCase: true));

    [Fact]
    public void A_subjects_word_that_opens_a_sentence_is_small_inside_a_not_discussed_title()
    {
        const string text = """
            Prime Minister Kishida stated that Japan values the alliance.
            President Biden said that the alliance is strong.
            Nuclear energy was not discussed.
            Climate change was not discussed.
            """;

        var draft = SeedDraft.From(Read(text), "readout.txt");

        // Both sentences are about energy and climate: one not-discussed topic, its title the two things, the second
        // written small as "climate" is a subject's word, not a name.
        var topic = Assert.Single(draft.Topics, t => t.Subject.Id == "energy-climate-not-discussed");
        Assert.Equal("Nuclear energy and climate change: not discussed, the readout says", topic.Subject.Title);
    }

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
            Prime Minister Fumio Kishida met President Joe Biden in Tokyo.
            Trade: The two leaders did not discuss trade.
            Whaling: Whaling was not discussed.
            Fisheries: Neither leader raised fishing rights.
            Kishida said that the alliance is strong.
            """;

        var draft = SeedDraft.From(Read(text), "readout.txt");

        // Line 1 tells that the two met. Lines 2-4 each put a topic's label before a sentence saying that topic was not
        // raised: the label is the topic's, not a speaker's, so no "Trade", "Whaling" or "Fisheries" actor, and each
        // sentence is not discussed. Line 5 is Kishida's.
        Assert.Equal(["Kishida", "Biden"], draft.Briefing.Speakers.ToArray());
        Assert.Equal(
            [(2, "not-discussed", ""), (3, "not-discussed", ""), (4, "not-discussed", ""), (5, "stated", "Kishida")],
            Found(draft.Briefing));
        Assert.Equal([1], draft.Briefing.Skipped.Select(s => s.Location.Line).ToArray());
        // Line 2 names trade, a subject's word: trade-economy-not-discussed. Lines 3 and 4 name things no subject has:
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
        const string Rest = "nothing is drafted from it";
        Assert.Equal(
            [
                $"3: notes that Biden did not comment on the yen exchange rate, which is no position of Biden's: {Rest}",
                $"4: notes that Kishida declined to comment on whaling, which is no position of Kishida's: {Rest}",
                $"5: notes that Biden declined to comment, on no topic the sentence names, which is no position of Biden's: {Rest}",
                $"7: notes that Kishida refused to comment on the tariffs, which is no position of Kishida's: {Rest}",
            ],
            briefing.Skipped.Select(s => $"{s.Location.Line}: {s.Reason}").ToArray());
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

    [Fact]
    public void A_speakers_initial_is_part_of_the_name_not_a_paragraphs_letter()
    {
        const string text = """
            President Joe Biden and Prime Minister Keir Starmer met at the White House.
            J. Biden: The alliance is strong.
            K. Starmer: Britain stands with Ukraine.

            Trade: The leaders discussed tariffs.
            J. Biden said tariffs must fall.

            A. Both leaders agreed to support Ukraine.
            B. Starmer: We will keep up the pressure.
            I. Security
            """;

        var briefing = Read(text);

        // Lines 2 and 3: "J." is Joe Biden's initial and "K." Keir Starmer's, each before the family name of a leader of
        // the readout: the labels are theirs. Line 6: "J. Biden said ..." is Biden's sentence whole, from column 1 with
        // its initial (before, "J." was taken for a paragraph's letter and cut: "Biden said ...", column 4), and it stays
        // in the Trade paragraph, as no new paragraph starts. Line 8: "A." before "Both", which names no leader, is the
        // paragraph's letter: the joint sentence starts at column 4. Line 9: "B." follows "A." and is no initial of
        // Keir's: a letter again, the label "Starmer" after it. Line 10: "I." before "Security" is a heading's numeral.
        Assert.Equal(
            [
                (2, 11, "stated", "Biden", "The alliance is strong.", null),
                (3, 13, "stated", "Starmer", "Britain stands with Ukraine.", null),
                (5, 8, "joint", "Biden+Starmer", "The leaders discussed tariffs.", "Trade"),
                (6, 1, "stated", "Biden", "J. Biden said tariffs must fall.", "Trade"),
                (8, 4, "joint", "Biden+Starmer", "Both leaders agreed to support Ukraine.", null),
                (9, 13, "stated", "Starmer", "We will keep up the pressure.", null),
            ],
            briefing.Statements.Select(s => (s.Location.Line, s.Location.Column, KebabCase.Of(s.Kind), string.Join("+", s.Speakers), s.Text, s.Section)).ToArray());
        var heading = Assert.Single(briefing.Skipped, s => s.Location.Line == 10);
        Assert.Equal(("Security", 4), (heading.Text, heading.Location.Column));
    }

    [Fact]
    public void A_letter_that_follows_the_readouts_last_letter_is_a_paragraphs_even_before_a_leader()
    {
        const string text = """
            Prime Minister Boris Johnson and President Joe Biden met in Cornwall.
            A. The leaders discussed trade.
            B. Johnson said a trade deal must come first.
            """;

        var briefing = Read(text);

        // "B." is Boris Johnson's initial, but it follows "A.", the paragraph before it: it is the paragraph's letter,
        // and Johnson's sentence starts at column 4, after it.
        var johnson = Assert.Single(briefing.Statements, s => s.Location.Line == 3);
        Assert.Equal(("Johnson said a trade deal must come first.", 4, "Johnson"), (johnson.Text, johnson.Location.Column, string.Join("+", johnson.Speakers)));
    }

    [Fact]
    public void An_untitled_label_with_its_own_name_for_subject_is_a_speaker_and_one_with_he_is_reported()
    {
        const string text = """
            Prime Minister Fumio Kishida and President Joe Biden held a summit meeting in Washington.
            Prime Minister Fumio Kishida: Japan values the alliance.
            President Joe Biden: The alliance is strong.
            Trade: He called for lower tariffs.
            Abe: Abe stressed that Japan will buy more defence equipment.
            Abe: He warned against haste.
            Okinawa: He said the base must move.
            Kono: He said the bases must move.
            It was his last word.
            """;

        var briefing = Read(text);

        // The leaders are introduced with titles, so a label none of them has was read as a topic's. Line 5: "Abe:" is
        // followed by Abe as the subject, which no topic's label is: Abe speaks (before, the label was set aside as a
        // topic's and the sentence reported as naming no leader). Line 6: Abe is now a leader of the readout, and his
        // label carries "He" (before, the last leader alone, Biden). Line 4: "Trade" is a common word, a topic's label;
        // "He" is the last leader spoken of alone, Biden (line 3). Line 7: "Okinawa" is a subject's word (the
        // Okinawa topic's), a topic's label; "He" is the last leader alone, Abe (line 6).
        Assert.Equal(["Kishida", "Biden", "Abe"], briefing.Speakers.ToArray());
        Assert.Equal(
            [(2, "stated", "Kishida"), (3, "stated", "Biden"), (4, "stated", "Biden"), (5, "stated", "Abe"), (6, "stated", "Abe"), (7, "stated", "Abe")],
            Found(briefing));
        // Line 8: "Kono" has no title, no leader has it, and it is no country nor a common word; "He" after it is Kono
        // if the label is a speaker's, the last leader if it is a topic's: reported, not guessed, and line 9, in its
        // paragraph, with it.
        const string Why = "a name with no title that none of its leaders (Kishida, Biden and Abe) has, and its sentence says 'He': whether 'Kono' is a speaker or a topic's heading the draft cannot tell; label the sentence with a leader's name, or put the heading on a line of its own";
        Assert.Equal(
            [
                (8, $"is labelled 'Kono', {Why}"),
                (9, $"follows the label 'Kono' in its paragraph, {Why}"),
            ],
            briefing.Skipped.Where(s => s.Location.Line >= 8).Select(s => (s.Location.Line, s.Reason)).ToArray());
    }
}
