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
}
