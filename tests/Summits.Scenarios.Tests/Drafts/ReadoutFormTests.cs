using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// Small readouts written for these tests, one for each form real readouts take. The expected
/// statements (speaker, kind, text) are read off each text by hand, sentence by sentence.
/// </summary>
public sealed class ReadoutFormTests
{
    private static Briefing Read(string text) => Briefing.Read(new SourceText("readout.txt", text));

    private static (string Kind, string Speakers, string Text)[] Found(Briefing briefing) =>
        [.. briefing.Statements.Select(s => (KebabCase.Of(s.Kind), string.Join("+", s.Speakers), s.Text))];

    [Fact]
    public void Titled_speakers_resolve_to_the_short_names_used_elsewhere()
    {
        const string text = """
            Prime Minister Shinzo Abe: We will keep up the pressure.

            Chinese leader Xi Jinping: China supports dialogue.

            Abe: Japan agrees.

            President Xi said that talks must resume.
            """;

        var briefing = Read(text);

        // "Xi" is used alone ("President Xi"), "Abe" too ("Abe:"), so both full names resolve to them.
        Assert.Equal(["Abe", "Xi"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                ("stated", "Abe", "We will keep up the pressure."),
                ("stated", "Xi", "China supports dialogue."),
                ("stated", "Abe", "Japan agrees."),
                ("stated", "Xi", "President Xi said that talks must resume."),
            ],
            Found(briefing));
        Assert.Empty(briefing.Skipped);
    }

    [Fact]
    public void A_joint_label_with_a_colon_is_a_joint_statement_and_carries_to_its_paragraph()
    {
        const string text = "Abe: We met in Vladivostok.\n\nPutin: Russia welcomes Japan.\n\nAbe, Putin: We agreed to work on a peace treaty. We will meet again.\n";

        var briefing = Read(text);

        Assert.Equal(["Abe", "Putin"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                ("stated", "Abe", "We met in Vladivostok."),
                ("stated", "Putin", "Russia welcomes Japan."),
                ("joint", "Abe+Putin", "We agreed to work on a peace treaty."),
                ("joint", "Abe+Putin", "We will meet again."),
            ],
            Found(briefing));
    }

    [Fact]
    public void Prose_readouts_attribute_each_sentence_by_its_subject()
    {
        const string text = """
            Prime Minister Kishida met President Biden at the White House.
            Prime Minister Kishida stated that Japan will double its defence spending. President Biden welcomed the decision.
            The two leaders concurred that the alliance has never been stronger.
            Both leaders agreed to deepen cooperation on semiconductors. They also confirmed their commitment to a free and open Indo-Pacific.
            On trade, they discussed supply chains. He added that tariffs would stay.
            """;

        var briefing = Read(text);

        Assert.Equal(["Kishida", "Biden"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                ("stated", "Kishida", "Prime Minister Kishida stated that Japan will double its defence spending."),
                ("stated", "Biden", "President Biden welcomed the decision."),
                ("joint", "Kishida+Biden", "The two leaders concurred that the alliance has never been stronger."),
                ("joint", "Kishida+Biden", "Both leaders agreed to deepen cooperation on semiconductors."),
                ("joint", "Kishida+Biden", "They also confirmed their commitment to a free and open Indo-Pacific."),
                ("joint", "Kishida+Biden", "On trade, they discussed supply chains."),
                // "He" is the last leader who spoke alone: Biden.
                ("stated", "Biden", "He added that tariffs would stay."),
            ],
            Found(briefing));
        var met = Assert.Single(briefing.Skipped);
        Assert.Equal((1, "tells that Kishida and Biden met; it states no position"), (met.Location.Line, met.Reason));
    }

    [Fact]
    public void They_carries_the_last_leaders_spoken_of_together()
    {
        // Three leaders; the joint label names two of them, so the following "They" is those two, not all three.
        const string text = "Abe: Hello.\n\nTrump: Hello.\n\nMoon: Hello.\n\nAbe, Moon confirmed close ties. They agreed to meet in Seoul.\n";

        var briefing = Read(text);

        Assert.Equal(("joint", "Abe+Moon", "They agreed to meet in Seoul."), Found(briefing)[^1]);
    }

    [Fact]
    public void In_a_readout_of_three_leaders_the_two_leaders_and_a_they_after_one_speaker_are_flagged_not_guessed()
    {
        // Three leaders: Abe and Putin speak jointly, then Kishida alone. "The two leaders" cannot say which two of
        // three, and "They" right after Kishida's sentence is Kishida with someone the text does not name. Before,
        // the first was drafted as joint for all three and the second as joint for Abe and Putin (the last pair).
        const string text = """
            Abe, Putin: We agreed to work on a peace treaty.
            Prime Minister Kishida stated that Japan will double its defence spending.
            They also confirmed the plan.
            The two leaders concurred that energy matters.
            Both leaders agreed to meet again.
            The leaders welcomed the talks.
            """;

        var briefing = Read(text);

        Assert.Equal(["Abe", "Putin", "Kishida"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                ("joint", "Abe+Putin", "We agreed to work on a peace treaty."),
                ("stated", "Kishida", "Prime Minister Kishida stated that Japan will double its defence spending."),
                // "The leaders" says no number: all three.
                ("joint", "Abe+Putin+Kishida", "The leaders welcomed the talks."),
            ],
            Found(briefing));
        Assert.Equal(
            [
                (3, "says 'They' right after a sentence of Kishida alone, in a readout of 3 leaders (Abe, Putin and Kishida); check who they are and label the sentence with their names"),
                (4, "speaks of 'The two leaders', but the readout names 3 leaders (Abe, Putin and Kishida); check which two and label the sentence with their names"),
                (5, "speaks of 'Both leaders', but the readout names 3 leaders (Abe, Putin and Kishida); check which two and label the sentence with their names"),
            ],
            briefing.Skipped.Select(s => (s.Location.Line, s.Reason)).ToArray());
    }

    [Fact]
    public void A_leader_named_only_in_the_title_is_a_leader_of_the_readout()
    {
        // The title names three leaders (Abe, Trump, Xi); only Abe and Xi speak. "The two leaders" is then two of
        // three, which the draft cannot tell (Abe and Trump could be meant as well), so it is reported as in a readout
        // where all three speak, and "They" right after it are those same leaders. Trump speaks nowhere, so he is no
        // speaker and no actor: the speakers stay Abe and Xi. Before, both sentences were drafted as Abe+Xi, joint,
        // with no note.
        const string text = """
            Readout of the trilateral meeting of Prime Minister Abe, President Trump and President Xi
            Prime Minister Abe stated that Japan will keep up the pressure.
            President Xi said that China supports dialogue.
            The two leaders concurred on the need for pressure on North Korea.
            They also confirmed the plan.
            """;

        var briefing = Read(text);

        Assert.Equal(["Abe", "Xi"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                ("stated", "Abe", "Prime Minister Abe stated that Japan will keep up the pressure."),
                ("stated", "Xi", "President Xi said that China supports dialogue."),
            ],
            Found(briefing));
        Assert.Equal(
            [
                (1, "not a sentence (no '.', '!' or '?' at its end): a title, heading or label"),
                (4, "speaks of 'The two leaders', but the readout names 3 leaders (Abe, Trump and Xi); check which two and label the sentence with their names"),
                (5, "says 'They' right after \"The two leaders concurred ...\", whose leaders the draft could not tell, in a readout of 3 leaders (Abe, Trump and Xi); check who they are and label the sentence with their names"),
            ],
            briefing.Skipped.Select(s => (s.Location.Line, s.Reason)).ToArray());
    }

    [Fact]
    public void The_three_leaders_of_a_readout_of_three_are_all_of_them()
    {
        // Abe, Trump and Xi each speak: "The three leaders" counts exactly the readout's leaders, so it is a joint
        // statement of all three, in the order first named, as "The leaders" is. Before, the subject was not read at
        // all and the sentence was reported as naming no speaker. "All three leaders" is the same count.
        const string text = """
            Prime Minister Abe stated that Japan will keep up the pressure.
            President Trump said that all options are on the table.
            President Xi said that China supports dialogue.
            The three leaders agreed to meet again next year.
            All three leaders welcomed the talks.
            """;

        var briefing = Read(text);

        Assert.Equal(("joint", "Abe+Trump+Xi", "The three leaders agreed to meet again next year."), Found(briefing)[3]);
        Assert.Equal(("joint", "Abe+Trump+Xi", "All three leaders welcomed the talks."), Found(briefing)[4]);
        Assert.Empty(briefing.Skipped);
    }

    [Fact]
    public void The_three_leaders_of_a_readout_of_two_or_four_are_reported()
    {
        // Two leaders speak, and "The three leaders" counts one more than the readout names: who is meant is not for
        // the draft to guess. With a fourth leader in the title, three of four cannot be told either.
        var two = Read("President Biden welcomed Japan.\nPrime Minister Kishida stated that Japan will act.\nThe three leaders agreed.\n");
        Assert.Equal((3, "speaks of 'The three leaders', but the readout names 2 leaders (Biden and Kishida); check who they are and label the sentence with their names"),
            two.Skipped.Select(s => (s.Location.Line, s.Reason)).Single());

        var four = Read("Meeting of President Biden, Prime Minister Kishida, President Yoon and Prime Minister Albanese\nPresident Biden welcomed Japan.\nPrime Minister Kishida stated that Japan will act.\nPresident Yoon said that Korea agrees.\nThe three leaders agreed.\n");
        Assert.Equal((5, "speaks of 'The three leaders', but the readout names 4 leaders (Biden, Kishida, Yoon and Albanese); check which three and label the sentence with their names"),
            four.Skipped.Select(s => (s.Location.Line, s.Reason)).Last());
    }

    [Fact]
    public void In_a_readout_of_two_leaders_they_after_one_speaker_is_both()
    {
        // Two leaders only: "They" after Kishida's sentence can only be Biden and Kishida, in the order first named.
        const string text = "President Biden welcomed Japan.\nPrime Minister Kishida stated that Japan will act.\nThey also confirmed the plan.\n";

        var briefing = Read(text);

        Assert.Equal(("joint", "Biden+Kishida", "They also confirmed the plan."), Found(briefing)[2]);
    }

    [Fact]
    public void Numbered_paragraphs_are_read_without_their_numbers()
    {
        const string text = "1. Abe: Japan will act.\n2. Trump: We agree.\n(3) Both leaders confirmed the plan.\n(4) There was no discussion on tariffs.\n";

        var briefing = Read(text);

        Assert.Equal(
            [
                ("stated", "Abe", "Japan will act."),
                ("stated", "Trump", "We agree."),
                ("joint", "Abe+Trump", "Both leaders confirmed the plan."),
                ("not-discussed", "", "There was no discussion on tariffs."),
            ],
            Found(briefing));
        // "(3) " is four characters, so "Both" stands at column 5 of line 3.
        Assert.Equal(new SourceLocation(3, 5, 1), briefing.Statements[2].Location);
        Assert.Empty(briefing.Skipped);
    }

    [Fact]
    public void Bracketed_section_headings_are_skipped_and_said_to_be_headings()
    {
        const string text = "[Opening remarks]\nAbe: Welcome.\n\n【North Korea】\nTrump: We stand together.\n";

        var briefing = Read(text);

        Assert.Equal([("stated", "Abe", "Welcome."), ("stated", "Trump", "We stand together.")], Found(briefing));
        Assert.Equal(
            [(1, "[Opening remarks]", "a section heading in brackets"), (4, "【North Korea】", "a section heading in brackets")],
            briefing.Skipped.Select(s => (s.Location.Line, s.Text, s.Reason)).ToArray());
    }

    [Fact]
    public void A_one_paragraph_readout_is_read_sentence_by_sentence()
    {
        const string text = "Chancellor Scholz welcomed President Macron to Berlin for a meeting between Chancellor Scholz and President Macron. The leaders discussed energy prices. Chancellor Scholz said that Germany will build more interconnectors. President Macron underscored the role of nuclear power. The weather was fine.";

        var briefing = Read(text);

        Assert.Equal(["Scholz", "Macron"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                ("stated", "Scholz", "Chancellor Scholz welcomed President Macron to Berlin for a meeting between Chancellor Scholz and President Macron."),
                ("joint", "Scholz+Macron", "The leaders discussed energy prices."),
                ("stated", "Scholz", "Chancellor Scholz said that Germany will build more interconnectors."),
                ("stated", "Macron", "President Macron underscored the role of nuclear power."),
            ],
            Found(briefing));
        var skipped = Assert.Single(briefing.Skipped);
        Assert.Equal("The weather was fine.", skipped.Text);
        Assert.StartsWith("names no leader as its speaker", skipped.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("There was no discussion on the TPP.")]
    [InlineData("According to the briefing, there was no discussion of a trade agreement.")]
    [InlineData("The Senkaku Islands were not discussed.")]
    [InlineData("The leaders did not discuss tariffs.")]
    public void A_sentence_saying_a_subject_was_not_discussed_is_a_not_discussed_statement(string sentence)
    {
        var briefing = Read($"Abe: Hello.\n\nTrump: Hello.\n\n{sentence}\n");

        var statement = briefing.Statements[^1];
        Assert.Equal((PositionKind.NotDiscussed, sentence), (statement.Kind, statement.Text));
        Assert.Empty(statement.Speakers);
    }

    [Fact]
    public void A_not_discussed_sentence_is_drafted_as_a_topic_of_its_own_with_every_actor_s_position()
    {
        var briefing = Read("Abe: We will expand trade.\n\nTrump: Trade must be fair.\n\nThere was no discussion on a trade agreement.\n");

        var written = SeedDraft.From(briefing, "readout.txt").Write();

        // The subject words ("trade") give trade-economy; the not-discussed sentence gets a topic beside it.
        Assert.Contains("  - id: trade-economy-not-discussed\n", written);
        foreach (var actor in new[] { "Abe", "Trump" })
        {
            Assert.Contains(
                $"  - actor: {actor}\n    topic: trade-economy-not-discussed\n    speaker: none\n    kind: not-discussed\n    quotes:\n      - \"There was no discussion on a trade agreement.\"  # not discussed, line 5, column 1\n",
                written);
        }
    }

    [Fact]
    public void A_speaker_named_by_title_alone_is_one_speaker_flagged_as_unnamed_never_an_actor_named_by_the_title()
    {
        const string text = "The Prime Minister met President Biden.\nThe Prime Minister thanked President Biden. The President welcomed the Prime Minister's visit.\n";

        var briefing = Read(text);
        var draft = SeedDraft.From(briefing, "readout.txt");

        // No one is named "Prime Minister X", so the title stands for one leader the readout never names;
        // "The President" is Biden. The draft does not take the title for a name: the actor is
        // 'unnamed-Prime-Minister', and the user is told, at the first mention (line 2, column 1).
        Assert.Equal(["Prime Minister", "Biden"], briefing.Speakers.ToArray());
        Assert.Equal(
            [("stated", "Prime Minister", "The Prime Minister thanked President Biden."), ("stated", "Biden", "The President welcomed the Prime Minister's visit.")],
            Found(briefing));
        Assert.Equal(["Prime Minister"], briefing.Unnamed.ToArray());
        var note = Assert.Single(briefing.SpeakerNotes);
        Assert.Equal(("Prime Minister", 1, 1), (note.Speaker, note.Location.Line, note.Location.Column));
        Assert.Contains("never gives a name", note.Note);
        Assert.Equal("unnamed-Prime-Minister", draft.ActorId("Prime Minister"));
        Assert.Contains("  - id: unnamed-Prime-Minister\n    name: the Prime Minister, not named in the readout\n", draft.Write());
        Assert.DoesNotContain("id: Prime-Minister", draft.Write());
    }

    [Fact]
    public void A_title_alone_is_the_leader_the_readout_names_with_it_before_or_after()
    {
        const string text = "The Prime Minister welcomed the talks.\nPrime Minister Kishida met President Biden.\nThe President thanked the Prime Minister.\n";

        var briefing = Read(text);

        // "The Prime Minister" on line 1 comes before the name, on line 2, but the names are learnt from the
        // whole text first: it is Kishida, and nothing is flagged.
        Assert.Equal(["Kishida", "Biden"], briefing.Speakers.ToArray());
        Assert.Equal(
            [("stated", "Kishida", "The Prime Minister welcomed the talks."), ("stated", "Biden", "The President thanked the Prime Minister.")],
            Found(briefing));
        Assert.Empty(briefing.Unnamed);
        Assert.Empty(briefing.SpeakerNotes);
    }

    [Fact]
    public void Every_character_of_a_readout_is_in_a_statement_a_label_a_number_or_a_skipped_line()
    {
        const string text = "[Summit]\n1. Prime Minister Shinzo Abe: We agreed. Abe: Yes.\n(2) Nobody knows why.\nThe leaders parted.\n";

        var briefing = Read(text);

        // Left out by design: the numbers "1." and "(2)" and the labels "Prime Minister Shinzo Abe:" and "Abe:"
        // ("1." and the first label stand together, so they make one run).
        var covered = Coverage.Of(briefing);
        var uncovered = Coverage.Uncovered(text, covered);
        Assert.Equal(["1. Prime Minister Shinzo Abe:", "Abe:", "(2)"], uncovered);
    }

    [Fact]
    public void A_country_s_side_is_the_leader_who_holds_its_head_s_title()
    {
        const string text = """
            Prime Minister Kishida met President Biden in Tokyo.
            When the U.S. side raised the trade deficit, the Japanese side explained that imports had grown.
            The U.S. side welcomed the explanation.
            Japan will buy more liquefied natural gas.
            The United States and Japan confirmed their alliance.
            """;

        var briefing = Read(text);

        // Japan's head is a Prime Minister and the one Prime Minister named is Kishida; the United States' is
        // a President, Biden. No other country is spoken of as a side, so neither title is shared.
        Assert.Equal(["Kishida", "Biden"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                ("stated", "Kishida", "When the U.S. side raised the trade deficit, the Japanese side explained that imports had grown."),
                ("stated", "Biden", "The U.S. side welcomed the explanation."),
                ("stated", "Kishida", "Japan will buy more liquefied natural gas."),
                ("joint", "Biden+Kishida", "The United States and Japan confirmed their alliance."),
            ],
            Found(briefing));
        Assert.Single(briefing.Skipped);
    }

    [Fact]
    public void A_leader_tied_to_a_country_in_words_speaks_for_its_side()
    {
        const string text = """
            Chinese President Xi Jinping met President Yoon Suk Yeol of South Korea in Beijing.
            President Xi welcomed the visit. President Yoon thanked him.
            The Chinese side stated that it opposes any attempt at decoupling.
            The South Korean side said: "Supply chains must stay open. Both sides want calm." The Chinese delegation agreed.
            """;

        var briefing = Read(text);

        // Both are Presidents, so the title cannot tell them apart; the text ties Xi to China ("Chinese
        // President Xi Jinping") and Yoon to South Korea ("President Yoon Suk Yeol of South Korea"). The
        // quotation the South Korean side opens holds two sentences, both Yoon's.
        Assert.Equal(["Xi", "Yoon"], briefing.Speakers.ToArray());
        Assert.Equal(
            [
                ("stated", "Xi", "President Xi welcomed the visit."),
                ("stated", "Yoon", "President Yoon thanked him."),
                ("stated", "Xi", "The Chinese side stated that it opposes any attempt at decoupling."),
                ("stated", "Yoon", "The South Korean side said: \"Supply chains must stay open."),
                ("stated", "Yoon", "Both sides want calm.\""),
                ("stated", "Xi", "The Chinese delegation agreed."),
            ],
            Found(briefing));
    }

    [Fact]
    public void A_country_with_no_leader_in_the_readout_is_reported_not_guessed()
    {
        const string text = "Prime Minister Kishida met President Biden of the United States.\nThe Chinese side protested the meeting.\n\nKishida: We stand together. The Chinese side has no say in this.\n";

        var briefing = Read(text);

        // China's head is a President, but the one President named is tied to the United States: China has
        // no leader here. Its side's own sentence is skipped with that reason, while a sentence inside
        // Kishida's labelled paragraph stays his.
        var skipped = briefing.Skipped.Single(s => s.Location.Line == 2);
        Assert.Equal("speaks for China ('The Chinese side'), but the readout names no leader of China", skipped.Reason);
        Assert.Equal(
            [("stated", "Kishida", "We stand together."), ("stated", "Kishida", "The Chinese side has no say in this.")],
            Found(briefing));
    }
}
