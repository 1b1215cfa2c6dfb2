using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// Shapes of sentences real readouts use that a draft must give the right speaker and kind, or report: a quotation's
/// reporting clause in its common shapes, sentences that say a topic was not raised or that the leaders did not agree,
/// a subject that names no leader ("Neither leader"), and a family name with a particle written with a capital. Each
/// expected speaker, kind and reason is read off the small readout by hand.
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
}
