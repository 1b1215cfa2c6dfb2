using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// The label forms readouts and transcripts put before a speaker's words ("Title Name:", "Name:", with
/// honorifics, hyphenated and multi-word names, in capitals, with a title after the name), and what a label
/// naming no leader does: it is reported, never given to the speaker before it. Each expected speaker is
/// worked out by hand from the label, as the comment beside it says.
/// </summary>
public sealed class SpeakerLabelTests
{
    private static Briefing Read(string text) => Briefing.Read(new SourceText("readout.txt", text));

    private static (string Kind, string Speakers, string Text)[] Found(Briefing briefing) =>
        [.. briefing.Statements.Select(s => (KebabCase.Of(s.Kind), string.Join("+", s.Speakers), s.Text))];

    [Fact]
    public void A_titled_label_with_a_hyphenated_name_is_its_own_speaker_not_the_speaker_before()
    {
        // The example found: "Moon Jae-in" has a hyphen followed by a small letter, which no name word took, so the
        // label was not read and its words went to Abe, who spoke on the line before, in the same paragraph.
        const string text = "Prime Minister Abe: We will keep up the pressure.\nPresident Moon Jae-in: Korea wants dialogue.\n";

        var briefing = Read(text);

        // "Jae-in", a given name hyphenated with a small letter after the hyphen, is a Korean given name: the
        // family name, Moon, comes first.
        Assert.Equal(["Abe", "Moon"], briefing.Speakers.ToArray());
        Assert.Equal([("stated", "Abe", "We will keep up the pressure."), ("stated", "Moon", "Korea wants dialogue.")], Found(briefing));
        Assert.Empty(briefing.Skipped);
    }

    [Theory]
    // Korean names: the family name first (a hyphenated given name with a small letter after the hyphen).
    [InlineData("President Moon Jae-in", "Moon")]
    [InlineData("Moon Jae-in", "Moon")]
    [InlineData("Chairman Kim Jong-un", "Kim")]
    // Honorifics before the title or the name are not part of the name.
    [InlineData("H.E. President Moon Jae-in", "Moon")]
    [InlineData("His Excellency Moon Jae-in", "Moon")]
    [InlineData("H.E. Mr. Emmanuel Macron", "Macron")]
    [InlineData("The Right Honourable Rishi Sunak", "Sunak")]
    [InlineData("The Honourable Anthony Albanese", "Albanese")]
    // Transcripts write labels in capitals: read as "President Moon Jae-in", "Prime Minister Narendra Modi".
    [InlineData("PRESIDENT MOON JAE-IN", "Moon")]
    [InlineData("PRIME MINISTER NARENDRA MODI", "Modi")]
    // A title after the name, and a country in brackets, describe the one speaker.
    [InlineData("Moon Jae-in, President of the Republic of Korea", "Moon")]
    [InlineData("Narendra Modi, Prime Minister of India", "Modi")]
    [InlineData("President Moon Jae-in (Republic of Korea)", "Moon")]
    // Names with particles: the family name keeps its particles ("von der Leyen", "bin Salman"); a
    // particle joined with a hyphen ("el-Sisi") is one word.
    [InlineData("President Ursula von der Leyen", "von der Leyen")]
    [InlineData("Crown Prince Mohammed bin Salman", "bin Salman")]
    [InlineData("President Abdel Fattah el-Sisi", "el-Sisi")]
    // Two titles run together, a qualifier before the title, and an apostrophe in a name.
    [InlineData("Former President Donald Trump", "Trump")]
    [InlineData("Irish Taoiseach Micheál Martin", "Martin")]
    [InlineData("Prime Minister Seán O'Brien", "O'Brien")]
    public void Every_label_form_is_read_as_the_speaker_it_names(string label, string speaker)
    {
        var briefing = Read($"Abe: We will keep up the pressure.\n{label}: We want dialogue.\n");

        Assert.Equal(["Abe", speaker], briefing.Speakers.ToArray());
        Assert.Equal(("stated", speaker, "We want dialogue."), Found(briefing)[^1]);
        Assert.Empty(briefing.Skipped);
    }

    [Fact]
    public void A_label_naming_no_leader_is_reported_with_the_sentences_it_carries_not_given_to_the_speaker_before()
    {
        const string text = """
            President Trump met President Moon Jae-in and Prime Minister Abe.
            Prime Minister Abe: We will keep up the pressure.
            Moderator: Thank you. Next question.
            The President: We agree.
            North Korea: It rejects the talks. Prime Minister Abe said that Japan will respond.
            """;

        var briefing = Read(text);

        // Line 3: "Moderator" is a role, not a leader; its two sentences are reported, not Abe's. Line 4: two
        // leaders are Presidents (Trump and Moon), so "The President" cannot say which. Line 5: North Korea is a
        // country, not a person, and no leader of the readout speaks for it; its paragraph's second sentence has a
        // subject of its own, Abe, and is his. Line 1 is the meeting.
        Assert.Equal(["Trump", "Moon", "Abe"], briefing.Speakers.ToArray());
        Assert.Equal(
            [("stated", "Abe", "We will keep up the pressure."), ("stated", "Abe", "Prime Minister Abe said that Japan will respond.")],
            Found(briefing));
        var leaders = "the leaders of the readout are Trump, Moon and Abe; label the sentence with one of their names, or leave it out";
        Assert.Equal(
            [
                (1, "President Trump met President Moon Jae-in and Prime Minister Abe.", "tells that Trump, Moon and Abe met; it states no position"),
                (3, "Moderator: Thank you.", $"is labelled 'Moderator', a role, not a leader: {leaders}"),
                (3, "Next question.", $"follows the label 'Moderator' in its paragraph, a role, not a leader: {leaders}"),
                (4, "The President: We agree.", $"is labelled 'The President', which could be any of Trump and Moon: {leaders}"),
                (5, "North Korea: It rejects the talks.", $"is labelled 'North Korea', a country, and the readout names no leader of North Korea: {leaders}"),
            ],
            briefing.Skipped.Select(s => (s.Location.Line, s.Text, s.Reason)).ToArray());
    }

    [Fact]
    public void A_country_label_is_the_leader_the_readout_ties_to_that_country()
    {
        const string text = "Japanese Prime Minister Kishida met President Biden of the United States.\nJapan: We will double defence spending.\nThe United States: We welcome it.\n";

        var briefing = Read(text);

        // Kishida is tied to Japan ("Japanese Prime Minister"), Biden to the United States ("of the United States").
        Assert.Equal(
            [("stated", "Kishida", "We will double defence spending."), ("stated", "Biden", "We welcome it.")],
            Found(briefing));
    }

    [Fact]
    public void A_sentence_with_a_colon_that_is_not_a_label_is_read_by_its_subject()
    {
        // "The leaders discussed three issues" and "On North Korea" are not names: neither line is a label, and
        // neither is reported as one.
        const string text = "Abe: Hello.\n\nTrump: Hello.\n\nThe leaders discussed three issues: trade, security and energy.\nOn North Korea, the leaders agreed: pressure must continue.\n";

        var briefing = Read(text);

        Assert.Equal(
            [
                ("joint", "Abe+Trump", "The leaders discussed three issues: trade, security and energy."),
                ("joint", "Abe+Trump", "On North Korea, the leaders agreed: pressure must continue."),
            ],
            Found(briefing)[2..]);
        Assert.Empty(briefing.Skipped);
    }

    [Fact]
    public void A_label_heading_a_section_is_set_aside_and_its_sentence_read_by_its_own_subject()
    {
        const string text = """
            Prime Minister Kishida met President Biden.
            Trade: The two leaders agreed to cut tariffs.
            Security: Kishida said that Japan will double its defence budget.
            Economy: We will invest more.
            Economic Security: Biden stated that supply chains matter.
            The leaders discussed energy security.
            """;

        var briefing = Read(text);

        // By hand: none of Trade, Security, Economy or Economic Security is a leader, a title or a country. Line 2:
        // "Trade" is a word of the trade subject, and "The two leaders" is the subject of its sentence, so it is
        // joint. Line 3: the readout writes "security" in small letters on line 6, so "Security" is a common word; the
        // sentence is Kishida's. Line 4: "Economy" is a word of the trade subject, and "We will invest more." has no
        // subject that is a leader, so it is reported as naming none. Line 5: "Economic" and "Security" are both
        // common words; the sentence is Biden's. Line 6 is both leaders'. No section label becomes a speaker.
        Assert.Equal(["Kishida", "Biden"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                ("joint", "Kishida+Biden", "The two leaders agreed to cut tariffs."),
                ("stated", "Kishida", "Kishida said that Japan will double its defence budget."),
                ("stated", "Biden", "Biden stated that supply chains matter."),
                ("joint", "Kishida+Biden", "The leaders discussed energy security."),
            ],
            Found(briefing));
        Assert.Equal(
            [
                (1, "Prime Minister Kishida met President Biden."),
                (4, "We will invest more."),
            ],
            briefing.Skipped.Select(s => (s.Location.Line, s.Text)).ToArray());
    }

    [Theory]
    // A hyphenated surname is a surname, in capitals as in print: the family name is the last word.
    [InlineData("MARY SMITH-JONES", "Smith-Jones")]
    [InlineData("Mary Smith-Jones", "Smith-Jones")]
    [InlineData("JEAN-PAUL MARTIN", "Martin")]
    [InlineData("Jean-Paul Martin", "Martin")]
    [InlineData("PRESIDENT JEAN-PAUL MARTIN", "Martin")]
    // A Korean name stays one: "Moon" and "Jae", "in", "Lee", "myung", "Park", "Geun", "hye" are each one romanised
    // Korean syllable, so the family name comes first, in capitals or not.
    [InlineData("MOON JAE-IN", "Moon")]
    [InlineData("LEE JAE-MYUNG", "Lee")]
    [InlineData("President Park Geun-hye", "Park")]
    [InlineData("PRESIDENT PARK GEUN-HYE", "Park")]
    public void A_hyphenated_surname_is_the_family_name_and_a_korean_name_keeps_its_family_name_first(string label, string speaker)
    {
        var briefing = Read($"Abe: We will keep up the pressure.\n{label}: We want dialogue.\n");

        Assert.Equal(["Abe", speaker], briefing.Speakers.ToArray());
        Assert.Equal(("stated", speaker, "We want dialogue."), Found(briefing)[^1]);
        Assert.Empty(briefing.Skipped);
    }

    [Theory]
    // Real Korean leaders' names, the family name first. Each word is one romanised Korean syllable, worked out
    // letter by letter as (initial)(w|y)vowel(final): P-a-rk, G-eu-n, h-y-e; Ch-u-ng, h-ee; (none)-a-hn, Ch-eo-l, s-oo;
    // H-a-n, D-u-ck, s-oo; L-ee, J-ae, m-y-u-ng; M-oo-n, J-ae, (none)-i-n; K-i-m, J-o-ng, (none)-u-n; (none)-y-oo-n, S-u-k,
    // (none)-y-eo-l. The finals "rk" (Park), "hn" (Ahn) and "ck" (Duck) are two letters, as names write them. A label in
    // capitals gives the same speaker: "PARK GEUN-HYE" is read "Park Geun-hye", the given name in a small letter after
    // the hyphen, as Korean given names are written (were it "Geun-Hye", no word of the name would read as a Korean
    // given name and the last, "Geun-Hye", would be taken as the family name).
    [InlineData("PARK GEUN-HYE", "Park")]
    [InlineData("Park Geun-hye", "Park")]
    [InlineData("PARK CHUNG-HEE", "Park")]
    [InlineData("Park Chung-hee", "Park")]
    [InlineData("Ahn Cheol-soo", "Ahn")]
    [InlineData("AHN CHEOL-SOO", "Ahn")]
    [InlineData("Han Duck-soo", "Han")]
    [InlineData("HAN DUCK-SOO", "Han")]
    [InlineData("Lee Jae-myung", "Lee")]
    [InlineData("Moon Jae-in", "Moon")]
    [InlineData("KIM JONG-UN", "Kim")]
    [InlineData("Yoon Suk-yeol", "Yoon")]
    [InlineData("YOON SUK-YEOL", "Yoon")]
    public void A_korean_name_goes_by_its_family_name_first_with_nothing_to_check(string label, string speaker)
    {
        var briefing = Read($"Abe: We will keep up the pressure.\n{label}: We want dialogue.\n");

        Assert.Equal(["Abe", speaker], briefing.Speakers.ToArray());
        Assert.Equal(("stated", speaker, "We want dialogue."), Found(briefing)[^1]);
        // The family name is known from the name's form, not guessed: no "check the speaker" note.
        Assert.Empty(briefing.SpeakerNotes);
    }

    [Theory]
    // Korean: the family name and both parts of the given name are each one romanised syllable (see above).
    [InlineData("Park", "Geun-hye", true)]
    [InlineData("PARK", "GEUN-HYE", true)]
    [InlineData("Ahn", "Cheol-soo", true)]
    [InlineData("Han", "Duck-soo", true)]
    // Not Korean: "Mary" has "ry" after its vowel, which is no final; "Smith" starts with "sm"; "Jean" and "Paul"
    // are syllables, but "Henri" has "ri" after its vowel; "Anne" has "ne" after its vowel.
    [InlineData("Mary", "Smith-Jones", false)]
    [InlineData("Jean", "Paul-Henri", false)]
    [InlineData("Anne", "Lee-Park", false)]
    public void A_hyphenated_word_is_a_korean_given_name_only_when_every_part_is_a_korean_syllable(string family, string given, bool korean)
    {
        Assert.Equal(korean, LeaderNames.IsKoreanGivenName(family, given));
    }

    [Fact]
    public void A_country_label_before_a_sentence_naming_the_leaders_heads_a_section_drafted_on_its_subject()
    {
        const string text = """
            Kishida: We will cut tariffs on steel.
            Yoon: We oppose new export controls.
            Supply Chains: The leaders agreed to protect supply chains.
            North Korea: Both leaders condemned the missile launches.
            China: Kishida said that Japan will keep its sanctions.
            """;

        var briefing = Read(text);

        // By hand: lines 1 and 2 are labelled with the two leaders. Line 3: "Supply Chains" is no leader, title or
        // country, and its words are common (a word of the trade subject). Line 4: "North Korea" is a country, but
        // "Both leaders", the subject after it, names the leaders, which a country speaking for itself would not: it
        // heads a section, and the sentence is both leaders'. Line 5: so does "China", a country, before "Kishida said",
        // and the sentence is Kishida's. Nothing is skipped and no label is a speaker.
        Assert.Equal(["Kishida", "Yoon"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                ("stated", "Kishida", "We will cut tariffs on steel."),
                ("stated", "Yoon", "We oppose new export controls."),
                ("joint", "Kishida+Yoon", "The leaders agreed to protect supply chains."),
                ("joint", "Kishida+Yoon", "Both leaders condemned the missile launches."),
                ("stated", "Kishida", "Kishida said that Japan will keep its sanctions."),
            ],
            Found(briefing));
        Assert.Empty(briefing.Skipped);
        Assert.Equal(["", "", "Supply Chains", "North Korea", "China"], briefing.Statements.Select(s => s.Section ?? "").ToArray());

        // The topics: "missile launches" is no word of any subject, and the section's label, "North Korea", names the
        // north-korea subject, so line 4 is drafted there. Line 5's own words would give north-korea too ("sanctions", a
        // term of it), but its section, "China", is the readout's word on what it is about: china. Lines 1 to 3 are
        // trade ("tariffs", "export", "Supply Chains"); Kishida and Yoon speak alone on it, so line 3 goes to trade-economy-joint.
        var draft = SeedDraft.From(briefing, "readout.txt");
        Assert.Equal(
            [("trade-economy", 2), ("trade-economy-joint", 1), ("north-korea", 1), ("china", 1)],
            draft.Topics.Select(t => (t.Subject.Id, t.Statements.Count)).ToArray());
        Assert.Equal("Both leaders condemned the missile launches.", Assert.Single(draft.Topics.Single(t => t.Subject.Id == "north-korea").Statements).Text);
    }

    [Fact]
    public void Two_offices_that_share_a_title_are_two_leaders_named_by_the_whole_office()
    {
        const string text = """
            The Trade Secretary said that tariffs on steel will be cut.
            The Defence Secretary stated that the alliance must be strengthened.
            """;

        var briefing = Read(text);

        // By hand: "Trade" and "Defence" are no country, so each is part of the office; the readout names neither
        // office-holder, so each is a leader known only by the office, flagged for the author, never "Secretary".
        Assert.Equal(["Trade Secretary", "Defence Secretary"], briefing.Speakers.ToArray());
        Assert.Equal(["Defence Secretary", "Trade Secretary"], briefing.Unnamed.OrderBy(u => u, StringComparer.Ordinal).ToArray());
        Assert.Equal(
            [
                ("stated", "Trade Secretary", "The Trade Secretary said that tariffs on steel will be cut."),
                ("stated", "Defence Secretary", "The Defence Secretary stated that the alliance must be strengthened."),
            ],
            Found(briefing));
        Assert.Equal(
            [
                ("Trade Secretary", 1, "the readout calls this leader only 'the Trade Secretary' and never gives a name: name the leader and the country"),
                ("Defence Secretary", 2, "the readout calls this leader only 'the Defence Secretary' and never gives a name: name the leader and the country"),
            ],
            briefing.SpeakerNotes.Select(n => (n.Speaker, n.Location.Line, n.Note)).ToArray());
    }

    [Fact]
    public void An_office_the_readout_names_once_is_that_leader_and_a_country_before_a_title_is_no_part_of_the_office()
    {
        const string text = """
            Trade Secretary Jane Doe met Prime Minister Kishida.
            The Trade Secretary said that tariffs on steel will be cut.
            The Japanese Prime Minister stated that Japan welcomes it.
            """;

        var briefing = Read(text);

        // By hand: line 1 names the Trade Secretary, Jane Doe (Doe, the last word), so "The Trade Secretary" on line 2
        // is Doe. On line 3 "Japanese" is a country's adjective, so the office is "Prime Minister": Kishida.
        Assert.Equal(["Doe", "Kishida"], briefing.Speakers.ToArray());
        Assert.Empty(briefing.Unnamed);
        Assert.Equal(
            [
                ("stated", "Doe", "The Trade Secretary said that tariffs on steel will be cut."),
                ("stated", "Kishida", "The Japanese Prime Minister stated that Japan welcomes it."),
            ],
            Found(briefing));
    }

    [Fact]
    public void A_heading_that_is_not_drafted_names_no_speaker()
    {
        const string text = """
            Readout of the meeting between the Foreign Minister and the Trade Secretary
            MARY SMITH-JONES: We will cut tariffs on steel.
            KIM JONG-UN: We reject the sanctions.
            PARK GEUN-HYE: We support dialogue.
            [Meeting between Prime Minister Kishida and President Biden]
            Prime Minister Kishida: We welcome the talks.
            """;

        var briefing = Read(text);

        // By hand: line 1 has no sentence end and line 5 is in brackets: both are headings, not drafted, and the
        // leaders they name (the Foreign Minister, the Trade Secretary, Biden) say nothing elsewhere, so none of them is
        // a speaker and no note points at a heading. The speakers are the four labels: Smith-Jones (a hyphenated
        // surname), Kim and Park (Korean names, family name first) and Kishida.
        Assert.Equal(["Smith-Jones", "Kim", "Park", "Kishida"], briefing.Speakers.ToArray());
        Assert.Empty(briefing.Unnamed);
        Assert.Equal([1, 5], briefing.Skipped.Select(s => s.Location.Line).ToArray());
        Assert.DoesNotContain(briefing.SpeakerNotes, n => n.Location.Line is 1 or 5);
        // Every actor of the draft has a statement.
        var draft = SeedDraft.From(briefing, "readout.txt");
        Assert.All(briefing.Speakers, speaker => Assert.Contains(draft.Drafted, s => s.Involves(speaker)));
    }

    [Fact]
    public void A_sentence_that_tells_of_a_meeting_between_leaders_still_names_them()
    {
        const string text = """
            The meeting between Prime Minister Kishida and President Biden lasted an hour.
            Prime Minister Kishida: We welcome the talks.
            """;

        var briefing = Read(text);

        // By hand: line 1 is a sentence (it ends in "."), which tells of a meeting between two leaders: both are the
        // readout's leaders, in the order named, though only Kishida speaks. The sentence itself states no position.
        Assert.Equal(["Kishida", "Biden"], briefing.Speakers.ToArray());
        Assert.Equal([("stated", "Kishida", "We welcome the talks.")], Found(briefing));
    }
}
