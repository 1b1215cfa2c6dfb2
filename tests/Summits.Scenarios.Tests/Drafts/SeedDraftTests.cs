using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios.Tests;

public sealed class SeedDraftTests
{
    private static readonly string[] Speakers = ["Abe", "Trump"];

    private static Briefing Read() => Briefing.Read(SourceText.Load(WorldsRepository.Briefing));

    /// <summary>Counted straight from the text, without the draft's own rules: lines opening "Abe:" or "Trump:".</summary>
    private static List<(int Line, string Speaker, string Content)> SpeakerLines() =>
        [.. File.ReadAllLines(WorldsRepository.Briefing)
            .Select((text, i) => (Line: i + 1, Text: text))
            .SelectMany(l => Speakers.Where(s => l.Text.StartsWith(s + ": ", StringComparison.Ordinal))
                .Select(s => (l.Line, s, l.Text[(s.Length + 2)..])))];

    /// <summary>Counted straight from the text: lines opening "Abe, Trump" or "They".</summary>
    private static List<(int Line, string Content)> JointLines() =>
        [.. File.ReadAllLines(WorldsRepository.Briefing)
            .Select((text, i) => (Line: i + 1, Content: text))
            .Where(l => l.Content.StartsWith("Abe, Trump ", StringComparison.Ordinal) || l.Content.StartsWith("They ", StringComparison.Ordinal))];

    [Fact]
    public void The_briefing_has_the_statement_lines_this_test_expects()
    {
        Assert.Equal(9, SpeakerLines().Count);
        Assert.Equal(7, JointLines().Count);
    }

    [Fact]
    public void The_briefing_gives_fourteen_stated_twelve_joint_and_one_not_discussed_statement()
    {
        // Counted by reading: the speaker lines hold 2+2+1+1+1+1+1+1 sentences and the procurement line 2
        // (a sentence never ends on "U.S.", so "... by Japan and the U.S. Procurement ..." stays whole): 12,
        // and "the Japanese side explained: “...9%. Direct hires ... 860,000.”" on line 64 is two more of
        // Abe's, the Prime Minister being the only leader with Japan's head's title: 14.
        // The joint lines hold 2+2+2+1+1+1+3: 12. One sentence says what was not discussed.
        var kinds = Read().Statements.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(14, kinds[PositionKind.Stated]);
        Assert.Equal(12, kinds[PositionKind.Joint]);
        Assert.Equal(1, kinds[PositionKind.NotDiscussed]);
    }

    [Fact]
    public void Every_speaker_line_is_in_the_draft_verbatim_as_stated_by_its_speaker()
    {
        var briefing = Read();
        var written = SeedDraft.From(briefing, "briefing.txt").Write();

        foreach (var (line, speaker, content) in SpeakerLines())
        {
            var statements = briefing.Statements.Where(s => s.Location.Line == line).ToList();
            Assert.NotEmpty(statements);
            Assert.All(statements, s =>
            {
                Assert.Equal(PositionKind.Stated, s.Kind);
                Assert.Equal(new[] { speaker }, s.Speakers.ToArray());
                Assert.Contains(YamlText.Quoted(s.Text), written);
            });
            AssertCovers(content, statements.Select(s => s.Text));
        }
    }

    [Fact]
    public void Every_joint_line_is_in_the_draft_verbatim_as_joint_by_both_leaders()
    {
        var briefing = Read();
        var draft = SeedDraft.From(briefing, "briefing.txt");
        var written = draft.Write();
        var positions = written[..written.IndexOf("\n\n# ", written.IndexOf("positions:", StringComparison.Ordinal), StringComparison.Ordinal)];

        foreach (var (line, content) in JointLines())
        {
            var statements = briefing.Statements.Where(s => s.Location.Line == line).ToList();
            Assert.NotEmpty(statements);
            Assert.All(statements, s =>
            {
                Assert.Equal(PositionKind.Joint, s.Kind);
                Assert.Equal(Speakers, s.Speakers.ToArray());
                // Drafted: quoted in a 'both' position of each leader, on its subject's topic or, where Abe or Trump
                // also speaks alone there, on the subject's TOPIC-joint; never only a comment, never one leader's.
                var quoted = Speakers.Count(speaker => positions.Contains($"  - actor: {speaker}\n    topic: {Topic(draft, s)}\n    speaker: both\n    kind: joint\n", StringComparison.Ordinal));
                Assert.True(quoted == Speakers.Length && positions.Contains(YamlText.Quoted(s.Text), StringComparison.Ordinal), s.Text);
                Assert.DoesNotContain(draft.NotDrafted, n => n.Text == s.Text);
            });
            AssertCovers(content, statements.Select(s => s.Text));
        }
    }

    private static string? Topic(SeedDraft draft, BriefingStatement statement) =>
        draft.Topics.FirstOrDefault(t => t.Statements.Contains(statement)).Subject?.Id;

    [Fact]
    public void Nothing_but_the_statement_lines_and_the_not_discussed_sentence_is_taken_as_a_statement()
    {
        var lines = SpeakerLines().Select(l => l.Line).Concat(JointLines().Select(l => l.Line)).Append(64).ToHashSet();
        var statements = Read().Statements;

        Assert.All(statements.Where(s => s.Kind != PositionKind.NotDiscussed), s => Assert.Contains(s.Location.Line, lines));
        // The one sentence of the briefing that says something was not discussed, found by reading it.
        var notDiscussed = Assert.Single(statements, s => s.Kind == PositionKind.NotDiscussed);
        Assert.StartsWith("According to the Japanese government’s briefing, there was no discussion on the TPP 11’s efforts", notDiscussed.Text, StringComparison.Ordinal);
        Assert.Empty(notDiscussed.Speakers);
    }

    [Fact]
    public void The_Japanese_side_s_explanation_is_Abe_s_statement_in_two_sentences()
    {
        // Line 64: "When the U.S. side took up ..., the Japanese side explained: “... 9%. Direct hires ... 860,000.”"
        // Japan's head holds the title Prime Minister, and the one Prime Minister the briefing names is Abe
        // (Taro Aso is a Deputy Prime Minister); the quotation the first sentence opens runs into the second.
        var onLine64 = Read().Statements.Where(s => s.Location.Line == 64 && s.Kind != PositionKind.NotDiscussed).ToArray();

        Assert.Equal(
            [
                (PositionKind.Stated, "Abe", 187, "When the U.S. side took up the issue of trade deficits, the Japanese side explained: “The ratio of the trade deficit with Japan\u00A0to the\u00A0overall U.S. trade deficit has dropped to around 9%."),
                (PositionKind.Stated, "Abe", 375, "Direct hires [by Japanese companies] in the U.S. have reached 860,000.”"),
            ],
            onLine64.Select(s => (s.Kind, string.Join("+", s.Speakers), s.Location.Column, s.Text)).ToArray());
    }

    [Fact]
    public void Every_other_line_with_text_is_reported_as_not_drafted()
    {
        // Read off the briefing: the title lines, the introduction ending in ':', "Opening remarks" and the
        // three bullet items at the end. The Japanese side's explanation on line 64 is Abe's.
        var skipped = Read().Skipped.Select(s => (s.Location.Line, s.Text)).ToArray();

        Assert.Equal(
            [
                (1, "print PRINT"),
                (4, "Gist of Abe-Trump summit on Nov. 6 according to the Japanese government"),
                (6, "The following is the gist of the summit meeting between Prime Minister Shinzo Abe and President Donald Trump on Nov. 6, according to the Japanese government:"),
                (9, "Opening remarks"),
                (66, "Ambassador"),
                (67, "G7 Summit"),
                (68, "Ukraine"),
            ],
            skipped);
    }

    [Fact]
    public void Each_quote_carries_its_speaker_kind_and_place_in_a_comment()
    {
        var written = SeedDraft.From(Read(), "briefing.txt").Write();

        Assert.Contains("- \"We decided to implement further sanctions on North Korea.\"  # Abe, stated, line 21, column 6", written);
        Assert.Contains("prosperity of the international community.\"  # joint (Abe and Trump), line 41, column 1", written);
    }

    [Fact]
    public void Statements_are_grouped_into_topics_by_subject()
    {
        var draft = SeedDraft.From(Read(), "briefing.txt");

        var topicOf = draft.Topics.SelectMany(t => t.Statements.Select(s => (s.Text, t.Subject.Id))).ToLookup(x => x.Text, x => x.Id);
        Assert.Equal(["north-korea"], topicOf["We decided to implement further sanctions on North Korea."]);
        // No subject's word: a topic of its own, not the topic of the sentence before (north-korea).
        Assert.Equal(["unassigned-1"], topicOf["We welcome your action."]);
        Assert.Equal(["china"], topicOf["We will continue to seek further cooperation from China."]);
        Assert.Equal(["indo-pacific"], topicOf["They agreed on the importance of the Indo-Pacific region and will promote a strategy for a free and open Indo-Pacific."]);
        Assert.Equal("defence-alliance", SubjectLexicon.Of("They will continue to make efforts to enhance the deterrence of the Japan-U.S. alliance.")?.Id);
        Assert.Equal("trade-economy", SubjectLexicon.Of("They confirmed the need to create a free and fair trade environment.")?.Id);
        Assert.Equal(["united-nations"], topicOf["We support Japan’s permanent membership in the UN Security Council."]);
    }

    [Fact]
    public void The_loader_refuses_the_draft_naming_every_missing_number()
    {
        using var folder = new TemporaryFolder();
        var draft = SeedDraft.From(Read(), Path.GetRelativePath(folder.Path, WorldsRepository.Briefing));
        var path = Path.Combine(folder.Path, "draft.yaml");
        File.WriteAllText(path, draft.Write());

        var error = Assert.Throws<InputException>(() => WorldFile.Load(path));

        var positions = draft.Topics.Sum(t => draft.PositionCount(t.Statements));
        var missing = Speakers.Length + draft.Topics.Count + 2 * positions;
        Assert.StartsWith($"{path}:", error.Message);
        Assert.Contains($"draft world: {missing} entries still to fill in: Abe capability (line ", error.Message);
        foreach (var (subject, statements) in draft.Topics)
        {
            Assert.Contains($"{subject.Id} scale (line ", error.Message);
            foreach (var speaker in Speakers.Where(s => statements.Any(st => st.Involves(s) || st.Kind == PositionKind.NotDiscussed)))
            {
                Assert.Contains($"{speaker} {subject.Id} value (line ", error.Message);
                Assert.Contains($"{speaker} {subject.Id} salience (line ", error.Message);
            }
        }
        Assert.EndsWith("then remove 'draft: true'", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_filled_in_draft_loads_with_every_quote_found_in_the_briefing()
    {
        using var folder = new TemporaryFolder();
        var draft = SeedDraft.From(Read(), Path.GetRelativePath(folder.Path, WorldsRepository.Briefing));
        var path = Path.Combine(folder.Path, "filled.yaml");
        File.WriteAllText(path, FillIn(draft.Write()));

        // The draft is written in the current format, so the filled-in world loads with no note of an
        // older format's meanings (a file without 'format: 2' is read as format 1 and gets that note).
        var notes = new List<string>();
        World world;
        using (FormatNotes.To(notes.Add))
            world = WorldFile.Load(path);
        Assert.Empty(notes);
        Assert.Contains("\nformat: 2\n", draft.Write());

        Assert.Equal(draft.Topics.Count, world.Topics.Length);
        // A stated statement is quoted once, by its speaker; a joint one once per party to it who has no
        // line of their own on the topic (a party with one has a stated position, which quotes only those
        // lines); the not-discussed one once per actor.
        Assert.Equal(
            draft.Topics.Sum(t => t.Statements.Sum(s =>
                s.Kind == PositionKind.NotDiscussed ? Speakers.Length
                : s.Kind == PositionKind.Stated ? 1
                : s.Speakers.Count(party => !t.Statements.Any(o => o.Kind == PositionKind.Stated && o.Involves(party))))),
            world.Positions.Sum(p => p.Provenance.Quotes.Length));
        var tpp = world.Positions.Where(p => p.Topic == "trade-economy-not-discussed").ToArray();
        Assert.Equal(Speakers, tpp.Select(p => p.Actor).ToArray());
        Assert.All(tpp, p => Assert.Equal((PositionKind.NotDiscussed, Provenance.Nobody), (p.Provenance.Kind, p.Provenance.Speaker)));
        // The joint sentence "They agreed that now is not the time …" of line 18 is about North Korea, where Abe
        // speaks alone (lines 21 and 27): a position is one leader's or both leaders', so it is quoted by a position
        // of 'both' for Abe and for Trump on north-korea-joint, never by Abe's own position on north-korea.
        Assert.Equal([("Abe", "north-korea-joint"), ("Trump", "north-korea-joint")],
            world.Positions.Where(p => p.Provenance.Quotes.Any(q => q.Location.Line == 18 && q.Text.StartsWith("They agreed that now is not the time", StringComparison.Ordinal)))
                .Select(p => (p.Actor, p.Topic)).ToArray());
        Assert.All(world.Positions.Where(p => p.Topic == "north-korea-joint"), p => Assert.Equal((PositionKind.Joint, Provenance.Both), (p.Provenance.Kind, p.Provenance.Speaker)));
        Assert.DoesNotContain(draft.NotDrafted, n => n.Location.Line == 18);
        Assert.DoesNotContain("# not Trump's alone", draft.Write());
        var stated = world.Positions.Single(p => p.Actor == "Trump" && p.Topic == "united-nations");
        Assert.Equal("Trump", stated.Provenance.Speaker);
        Assert.Equal(new SourceLocation(50, 8, stated.Provenance.Quotes[0].Location.Paragraph), stated.Provenance.Quotes[0].Location);
    }

    [Fact]
    public void A_draft_still_marked_after_every_number_is_filled_in_is_refused()
    {
        using var folder = new TemporaryFolder();
        var draft = SeedDraft.From(Read(), Path.GetRelativePath(folder.Path, WorldsRepository.Briefing));
        var path = Path.Combine(folder.Path, "marked.yaml");
        File.WriteAllText(path, FillIn(draft.Write(), keepMark: true));

        var error = Assert.Throws<InputException>(() => WorldFile.Load(path));

        Assert.Contains("still marked 'draft: true' although every number is filled in", error.Message);
    }

    [Fact]
    public void A_world_whose_positions_lack_numbers_names_each_one_with_its_line()
    {
        const string text = """
            world: w
            title: W
            actors:
              - { id: A, name: A, capability: 0.5 }
              - { id: B, name: B, capability: 0.5 }
            topics:
              - { id: t, title: T, scale: { low: l, middle: m, high: h } }
            positions:
              - { actor: A, topic: t, value: 40, salience: 0.5 }
              - { actor: B, topic: t, value: 60 }
              - actor: A
                topic: u
            """;

        var error = Assert.Throws<InputException>(() => WorldFile.Parse("w.yaml", text));

        Assert.Equal("w.yaml:10:5: draft world: 3 entries still to fill in: B t salience (line 10), A u value (line 11) and A u salience (line 11); fill in each one", error.Message);
    }

    [Theory]
    [InlineData("Abe: We support the U.S. position. They agree.", new[] { "Abe: We support the U.S. position.", "They agree." })]
    [InlineData("Talks on Nov. 6 went well. U.S. Forces Japan stay.", new[] { "Talks on Nov. 6 went well.", "U.S. Forces Japan stay." })]
    [InlineData("He said “no.” Then he left!", new[] { "He said “no.”", "Then he left!" })]
    [InlineData("The U.S.’s view is firm. Ok", new[] { "The U.S.’s view is firm.", "Ok" })]
    [InlineData("President Joseph R. Biden, Jr. met Dr. Smith. They talked.", new[] { "President Joseph R. Biden, Jr. met Dr. Smith.", "They talked." })]
    [InlineData("Really? Yes! (He agreed.) Done", new[] { "Really?", "Yes!", "(He agreed.)", "Done" })]
    public void Sentences_are_cut_at_their_ends_but_not_after_abbreviations(string text, string[] expected)
    {
        Assert.Equal(expected, SentenceSplitter.Split(text));
    }

    [Fact]
    public void Joint_openings_with_titles_and_both_leaders_are_recognised()
    {
        const string text = "Merkel: Hello.\n\nMacron: Bonjour.\n\nChancellor Merkel and President Macron agreed on energy.\n\nThey will meet again.\n\nBoth leaders welcomed the talks.\n";

        var briefing = Briefing.Read(new SourceText("t.txt", text));

        Assert.Equal(new[] { "Merkel", "Macron" }, briefing.Speakers.ToArray());
        Assert.Equal([PositionKind.Stated, PositionKind.Stated, PositionKind.Joint, PositionKind.Joint, PositionKind.Joint], briefing.Statements.Select(s => s.Kind));
    }

    private static void AssertCovers(string content, IEnumerable<string> quotes)
    {
        var rest = content;
        foreach (var quote in quotes)
        {
            var at = rest.IndexOf(quote, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{quote}' is not in order in '{content}'");
            Assert.True(string.IsNullOrWhiteSpace(rest[..at]), $"'{rest[..at]}' of '{content}' is in no quote");
            rest = rest[(at + quote.Length)..];
        }
        Assert.True(string.IsNullOrWhiteSpace(rest), $"'{rest}' of '{content}' is in no quote");
    }

    /// <summary>Fills in what the author would: capabilities, scales, values and saliences.</summary>
    internal static string FillIn(string draft, bool keepMark = false)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(draft));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        if (!keepMark)
            root.Children.Remove(new YamlScalarNode("draft"));
        foreach (YamlMappingNode actor in (YamlSequenceNode)root["actors"])
            actor.Add("capability", "0.5");
        foreach (YamlMappingNode topic in (YamlSequenceNode)root["topics"])
            topic.Add("scale", new YamlMappingNode { { "low", "less" }, { "middle", "as now" }, { "high", "more" } });
        foreach (YamlMappingNode position in (YamlSequenceNode)root["positions"])
        {
            position.Add("value", "50");
            position.Add("salience", "0.5");
        }
        using var text = new StringWriter();
        stream.Save(text, assignAnchors: false);
        return text.ToString();
    }
}
