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
        var quotes = world.Positions.SelectMany(p => p.Provenance.Quotes.Select(q => q.Text)).ToHashSet();
        Assert.Equal(briefing.Statements.Select(s => s.Text).ToHashSet(), quotes);
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
