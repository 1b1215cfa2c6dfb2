using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// The two real readouts in <c>scenarios/sources/readouts/</c> (see SOURCES.md there): a White House
/// readout in prose and a Downing Street readout with titles and "Both leaders agreed". The expected
/// leaders, joint statements and skipped lines are read off each text by hand.
/// </summary>
public sealed class RealReadoutTests
{
    private static string Readout(string name) => Path.Combine(WorldsRepository.Root, "scenarios", "sources", "readouts", name);

    private static Briefing Read(string name) => Briefing.Read(SourceText.Load(Readout(name)));

    [Fact]
    public void The_White_House_readout_has_two_leaders_six_joint_statements_and_one_stated()
    {
        var briefing = Read("whitehouse-biden-starmer-2024-09-13.txt");

        Assert.Equal(["Biden", "Starmer"], briefing.Speakers.ToArray());
        // "The leaders had ..." and the five sentences opening "They" are joint; "President Biden underscored" is his.
        AssertOpenings(
            [
                "The leaders had an in-depth discussion",
                "They reaffirmed their unwavering support for Ukraine",
                "They expressed deep concern about Iran",
                "They reiterated their ironclad commitment",
                "They also condemned Iran-backed Houthi attacks",
                "They discussed U.S.-UK cooperation",
            ],
            Openings(briefing, PositionKind.Joint, "Biden+Starmer"));
        AssertOpenings(["President Biden underscored his support"], Openings(briefing, PositionKind.Stated, "Biden"));
        Assert.Equal(
            [
                (1, "not a sentence (no '.', '!' or '?' at its end): a title, heading or label"),
                (3, "tells that Biden and Starmer met; it states no position"),
            ],
            briefing.Skipped.Select(s => (s.Location.Line, s.Reason)).ToArray());
    }

    [Fact]
    public void The_Downing_Street_readout_has_two_leaders_five_joint_statements_and_two_stated()
    {
        var briefing = Read("uk-pm-biden-2024-07-10.txt");

        // The Prime Minister is never named; President Biden is also "The President".
        Assert.Equal(["Prime Minister", "Biden"], briefing.Speakers.ToArray());
        AssertOpenings(
            [
                "Both leaders agreed that in its 75th year",
                "They reflected on the importance of the NATO alliance",
                "They agreed we must continue to do whatever it takes",
                "Moving on to discuss the situation in Israel and Gaza, they discussed",
                "They reflected that at a time when we face growing challenges",
            ],
            Openings(briefing, PositionKind.Joint, "Prime Minister+Biden"));
        AssertOpenings(["The Prime Minister congratulated President Biden"], Openings(briefing, PositionKind.Stated, "Prime Minister"));
        AssertOpenings(["The President welcomed the Prime Minister’s recent comments"], Openings(briefing, PositionKind.Stated, "Biden"));
        Assert.Equal([1, 2], briefing.Skipped.Select(s => s.Location.Line).ToArray());
    }

    [Theory]
    [InlineData("whitehouse-biden-starmer-2024-09-13.txt")]
    [InlineData("uk-pm-biden-2024-07-10.txt")]
    public void Every_sentence_is_drafted_or_reported_as_skipped(string name)
    {
        var briefing = Read(name);

        // Neither readout has labels or numbers, so nothing but spaces may be left out.
        Assert.Empty(Coverage.Uncovered(briefing.Source.Text, Coverage.Of(briefing)));
    }

    [Theory]
    [InlineData("whitehouse-biden-starmer-2024-09-13.txt")]
    [InlineData("uk-pm-biden-2024-07-10.txt")]
    public void A_filled_in_draft_loads_with_every_quote_verbatim(string name)
    {
        using var folder = new TemporaryFolder();
        var briefing = Read(name);
        var draft = SeedDraft.From(briefing, Path.GetRelativePath(folder.Path, Readout(name)));
        var path = Path.Combine(folder.Path, "filled.yaml");
        File.WriteAllText(path, SeedDraftTests.FillIn(draft.Write()));

        var world = WorldFile.Load(path);

        Assert.Equal(2, world.Actors.Length);
        // Every statement is quoted in a position, a joint line on a topic where a party to it also speaks alone
        // included (on the topic's TOPIC-joint, as both leaders'): none is left as a comment or out.
        var quotes = world.Positions.SelectMany(p => p.Provenance.Quotes.Select(q => q.Text)).ToHashSet();
        Assert.All(briefing.Statements, s => Assert.Contains(s.Text, quotes));
        Assert.Equal(draft.Drafted.Select(s => s.Text).ToHashSet(), quotes);
        Assert.DoesNotContain("# not ", draft.Write());
    }

    [Theory]
    [InlineData("Biden", "stated", null)]
    [InlineData("both", "joint", "which is Biden's own line (speaker 'Biden'), not the position's speaker 'both'")]
    public void A_quote_is_attributed_by_its_sentence_within_a_one_line_readout(string speaker, string kind, string? refusal)
    {
        // Line 3 of the White House readout holds joint sentences ("They ...") and one of Biden's own
        // ("President Biden underscored ..."): the quote's own sentence decides who said it.
        using var folder = new TemporaryFolder();
        var source = Path.GetRelativePath(folder.Path, Readout("whitehouse-biden-starmer-2024-09-13.txt"));
        var path = Path.Combine(folder.Path, "world.yaml");
        File.WriteAllText(path, $$"""
            world: w
            title: W
            source: '{{source}}'
            actors:
              - { id: US, name: United States, speaker: Biden, capability: 0.6 }
              - { id: UK, name: United Kingdom, speaker: Starmer, capability: 0.4 }
            topics:
              - { id: ni, title: Northern Ireland, scale: { low: l, middle: m, high: h } }
            positions:
              - actor: US
                topic: ni
                value: 80
                salience: 0.5
                speaker: {{speaker}}
                kind: {{kind}}
                quotes:
                  - "President Biden underscored his support for the Belfast/Good Friday Agreement and its role in maintaining peace and stability in Northern Ireland."
            """);

        if (refusal is null)
        {
            Assert.Equal("Biden", WorldFile.Load(path).Positions.Single().Provenance.Speaker);
            return;
        }
        var error = Assert.Throws<InputException>(() => WorldFile.Load(path));
        // The quote is the one item under 'quotes': line 17 of the file, after "      - ", at column 9.
        Assert.Equal((17, 9), (error.Position.Line, error.Position.Column));
        Assert.Contains(refusal, error.Problem);
    }

    [Fact]
    public void A_readout_with_old_Mac_line_ends_is_read_line_by_line()
    {
        var text = File.ReadAllText(Readout("uk-pm-biden-2024-07-10.txt")).Replace("\r\n", "\n").Replace('\n', '\r');

        var briefing = Briefing.Read(new SourceText("uk.txt", text));

        // The same leaders and statements as with line feeds; "Both leaders agreed" is still line 3, column 95.
        Assert.Equal(["Prime Minister", "Biden"], briefing.Speakers.ToArray());
        Assert.Equal(7, briefing.Statements.Length);
        var both = briefing.Statements.Single(s => s.Text.StartsWith("Both leaders agreed", StringComparison.Ordinal));
        Assert.Equal((3, 95), (both.Location.Line, both.Location.Column));
    }

    /// <summary>Each statement of the kind and speakers, cut to the length of the opening expected at its place.</summary>
    private static string[] Openings(Briefing briefing, PositionKind kind, string speakers) =>
        [.. briefing.Statements.Where(s => s.Kind == kind && string.Join("+", s.Speakers) == speakers).Select(s => s.Text)];

    private static void AssertOpenings(string[] expected, string[] texts)
    {
        Assert.Equal(expected.Length, texts.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.StartsWith(expected[i], texts[i], StringComparison.Ordinal);
    }
}
