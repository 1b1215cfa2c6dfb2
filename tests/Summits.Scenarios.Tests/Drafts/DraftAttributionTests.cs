using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// What a draft decides must be what the readout says: a sentence that goes on with a second leader's clause is two
/// statements, a place's terms do not make a sentence about a place the readout never names, and a sentence skipped
/// for the author to check is said with the reason that holds. Each expected value is read off the small readout by hand.
/// </summary>
public sealed class DraftAttributionTests
{
    private static Briefing Read(string text) => Briefing.Read(new SourceText("readout.txt", text));

    private static (string Kind, string Speakers, string Text)[] Found(Briefing briefing) =>
        [.. briefing.Statements.Select(s => (KebabCase.Of(s.Kind), string.Join("+", s.Speakers), s.Text))];

    [Fact]
    public void A_second_leaders_clause_is_that_leaders_statement()
    {
        const string text = """
            President Trump emphasized the importance of reducing the trade deficit; Prime Minister Abe noted Japan's investment in the U.S.
            Abe said that the alliance is strong, and Trump agreed.
            Trump said that trade and security are linked; he added that talks would go on.
            """;

        var briefing = Read(text);

        // Line 1: Trump's clause up to the semicolon, then Abe's, which before was quoted as Trump's. Line 2: Abe's
        // clause up to ", and", then Trump's. Line 3: the clause after the semicolon has no leader of its own as
        // subject ("he" is Trump again): one statement of Trump's, whole.
        Assert.Equal(["Trump", "Abe"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                ("stated", "Trump", "President Trump emphasized the importance of reducing the trade deficit"),
                ("stated", "Abe", "Prime Minister Abe noted Japan's investment in the U.S."),
                ("stated", "Abe", "Abe said that the alliance is strong"),
                ("stated", "Trump", "Trump agreed."),
                ("stated", "Trump", "Trump said that trade and security are linked; he added that talks would go on."),
            ],
            Found(briefing));
        Assert.Empty(briefing.Skipped);
    }

    [Fact]
    public void A_places_terms_do_not_put_a_sentence_under_a_place_the_readout_never_names()
    {
        const string text = """
            Prime Minister Abe stated that Japan would hold firm on sanctions.
            President Putin said that Russia wants Japanese investment.
            """;

        var draft = SeedDraft.From(Read(text), "readout.txt");

        // "sanctions" is a term of North Korea's, which this Japan–Russia readout never names: line 1 uses no other
        // subject's word, so it is drafted under unassigned-1 with a note, not under north-korea. Line 2 names Russia
        // (a name, 1) and uses "investment" (a trade term, 2): trade-economy, as before.
        Assert.Equal(["unassigned-1", "trade-economy"], draft.Topics.Select(t => t.Subject.Id).ToArray());
        var unassigned = Assert.Single(draft.Unassigned);
        Assert.Equal("Prime Minister Abe stated that Japan would hold firm on sanctions.", unassigned.Text);
        Assert.Equal("uses only terms of North Korea, which the readout never names", SeedDraft.NoTopicReason(unassigned));
        // Where the readout names North Korea, the same sentence is about it.
        var named = SeedDraft.From(Read(text + "\nBoth leaders condemned North Korea's missile launches.\n"), "readout.txt");
        Assert.Equal("north-korea", named.Topics[0].Subject.Id);
        Assert.Equal("Prime Minister Abe stated that Japan would hold firm on sanctions.", named.Topics[0].Statements[0].Text);
    }

    [Fact]
    public void They_after_a_sentence_of_leaders_that_could_not_be_told_says_so()
    {
        const string text = """
            Prime Minister Abe met President Trump and President Xi in Da Nang.
            Prime Minister Abe stated that the region needs stability.
            The two leaders concurred that trade must be fair.
            They also confirmed their cooperation on North Korea.
            """;

        var briefing = Read(text);

        // Three leaders: "The two leaders" (line 3) could be any two, so it is skipped for the author. "They" (line 4)
        // comes right after it, not after Abe's sentence alone (line 2), and the reason says so.
        Assert.Equal(["Abe", "Trump", "Xi"], briefing.Speakers.ToArray());
        var skipped = briefing.Skipped.Where(s => s.Text.StartsWith("They also", StringComparison.Ordinal)).ToArray();
        var they = Assert.Single(skipped);
        Assert.Equal(
            "says 'They' right after \"The two leaders concurred ...\", whose leaders the draft could not tell, in a readout of 3 leaders (Abe, Trump and Xi); check who they are and label the sentence with their names",
            they.Reason);
        Assert.DoesNotContain("alone", they.Reason);
    }

    [Fact]
    public void A_not_discussed_topic_is_named_from_the_sentence_itself_not_from_other_sentences()
    {
        const string text = """
            Prime Minister Abe stated that North Korea must abandon its missiles.
            Nuclear energy was not discussed.
            """;

        var draft = SeedDraft.From(Read(text), "readout.txt");

        // Line 2 uses "nuclear", a term of North Korea's, but does not name North Korea: only line 1 does. Read in the
        // sentence alone, North Korea's terms do not count, and "energy" (a term of energy and climate, weight 2) is the
        // only subject's word: the topic is energy-climate-not-discussed, not north-korea-not-discussed, which claimed
        // that North Korea was not discussed in a readout that discusses it.
        Assert.Equal(["north-korea", "energy-climate-not-discussed"], draft.Topics.Select(t => t.Subject.Id).ToArray());
        // Its title says only what the sentence names, "Nuclear energy" (the words before "was not discussed"), not
        // the subject's "Energy and climate": the readout says nothing of climate.
        Assert.Equal("Nuclear energy: not discussed, the readout says", draft.Topics[1].Subject.Title);
        // Line 1 names North Korea itself: its topic is no guess.
        Assert.Empty(draft.Guessed);
    }

    [Fact]
    public void A_not_discussed_topic_is_titled_by_what_its_sentences_name()
    {
        const string text = """
            Prime Minister Abe stated that the alliance is strong.
            There was no discussion on the Futenma relocation.
            Nuclear energy was not discussed.
            The leaders did not discuss climate finance.
            Abe raised the fisheries quota. It was not discussed further.
            """;

        var draft = SeedDraft.From(Read(text), "readout.txt");
        var titles = draft.Topics.ToDictionary(t => t.Subject.Id, t => t.Subject.Title);

        // Line 2: "no discussion on" names "the Futenma relocation"; the article goes. Its id stays the bases
        // subject's (Futenma a name, relocation a term), but the title is the relocation, not "Bases and realignment".
        Assert.Equal("Futenma relocation: not discussed, the readout says", titles["bases-realignment-not-discussed"]);
        // Lines 3 and 4 both fall on energy and climate ("energy", "climate" its terms): one topic, whose title names
        // the two things the sentences name, in the readout's order, each as it is written.
        Assert.Equal("Nuclear energy and climate finance: not discussed, the readout says", titles["energy-climate-not-discussed"]);
        // Line 5's second sentence (column 33: "Abe raised the fisheries quota. " is 32 characters) names its thing
        // only by "It": the title names the sentence by its place rather than guess what "It" stands for.
        var other = Assert.Single(draft.Topics, t => t.Subject.Id == "other-not-discussed");
        Assert.Equal("The sentence at line 5, column 33: not discussed, the readout says", other.Subject.Title);
    }

    [Fact]
    public void A_quotation_that_names_its_own_speaker_is_not_given_to_the_label_above_it()
    {
        const string text = """
            Chancellor Scholz met President Macron in Berlin.
            Scholz: Europe must stand together.
            "We stand together," said Macron.
            "Trade must be fair," Macron said.
            "The talks were useful," said a spokesman.
            """;

        var briefing = Read(text);

        // Lines 3 to 5 stand in the paragraph of line 2's label 'Scholz:', which carries to a label-less sentence after it.
        // Each of them says who speaks, after the quotation: "said Macron", "Macron said" name a leader the readout
        // introduces (line 1), so they are his; before, both were drafted as Scholz's. "a spokesman" is no leader: the
        // sentence is reported, not given to Scholz.
        var said = briefing.Statements.ToDictionary(s => s.Location.Line, s => (s.Kind, Speakers: string.Join(",", s.Speakers)));
        Assert.Equal((PositionKind.Stated, "Scholz"), said[2]);
        Assert.Equal((PositionKind.Stated, "Macron"), said[3]);
        Assert.Equal((PositionKind.Stated, "Macron"), said[4]);
        Assert.False(said.ContainsKey(5));
        var skipped = Assert.Single(briefing.Skipped, s => s.Location.Line == 5);
        Assert.Equal("quotes a speaker of its own, 'a spokesman', who is no leader of the readout; the label 'Scholz' above it is not carried to it", skipped.Reason);
    }

    [Fact]
    public void A_short_name_that_starts_with_a_particle_is_the_leader_when_a_line_capitalises_it()
    {
        const string text = """
            President Charles de Gaulle: France will keep its own deterrent.
            Chancellor Konrad Adenauer: Germany welcomes the treaty.
            De Gaulle: France leaves the integrated command.
            """;

        var briefing = Read(text);

        // Line 1 names "Charles de Gaulle", whose short name is "de Gaulle" (the particle goes with the family name).
        // Line 3 writes it with a capital, as a line starts: the same leader, not a label that names nobody. Before,
        // line 3 was not drafted, and the note said the readout used no word of the name alone.
        Assert.Equal(["de Gaulle", "Adenauer"], briefing.Speakers.ToArray());
        var third = Assert.Single(briefing.Statements, s => s.Location.Line == 3);
        Assert.Equal(["de Gaulle"], third.Speakers.ToArray());
        Assert.Equal("France leaves the integrated command.", third.Text);
        Assert.Empty(briefing.Skipped.Where(s => s.Location.Line == 3));
        Assert.DoesNotContain(briefing.SpeakerNotes, n => n.Speaker == "de Gaulle");

        // The same with two particles: "Ursula von der Leyen" is "von der Leyen", and "Von der Leyen:" is she.
        var leyen = Read("""
            President Ursula von der Leyen: The partnership matters.
            President Luiz Lula da Silva: Brazil wants the agreement.
            Von der Leyen: Deforestation commitments must be enforceable.
            """);
        var hers = Assert.Single(leyen.Statements, s => s.Location.Line == 3);
        Assert.Equal(["von der Leyen"], hers.Speakers.ToArray());
    }

    [Fact]
    public void A_topic_chosen_by_a_places_terms_alone_carries_a_note_to_check()
    {
        const string text = """
            Prime Minister Abe stated that Japan would hold firm on sanctions.
            Both leaders condemned North Korea's missile launches.
            """;

        var draft = SeedDraft.From(Read(text), "readout.txt");

        // Line 1 goes under north-korea by "sanctions" alone (a term, 2), which counts only because line 2 names North
        // Korea: the sentence itself does not. That is a guess, and the draft says so, beside the quote and in its
        // list of things to check. Line 2 names North Korea itself: no note.
        Assert.Equal("north-korea", draft.Topics[0].Subject.Id);
        var guess = Assert.Single(draft.Guessed);
        Assert.Equal("Prime Minister Abe stated that Japan would hold firm on sanctions.", guess.Statement.Text);
        const string note = "drafted under 'north-korea' by the term 'sanctions' alone; the sentence does not name North Korea itself (another sentence of the readout does)";
        Assert.Equal(note, guess.Note);
        Assert.Contains($"- \"Prime Minister Abe stated that Japan would hold firm on sanctions.\"  # Abe, stated, line 1, column 1; topic to check: {note}\n", draft.Write());
    }
}
