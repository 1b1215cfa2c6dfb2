using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios.Tests;

public sealed class WorldWriterTests
{
    [Fact]
    public void The_seeded_world_reads_back_equal_after_writing_with_its_quotes_and_source_path()
    {
        var seed = WorldFile.Load(WorldsRepository.SeedWorld);

        var text = WorldWriter.Write(seed);
        var again = WorldFile.Parse(WorldsRepository.SeedWorld, text);

        Assert.Equal(WorldsRepository.Json(seed), WorldsRepository.Json(again));
        Assert.Contains("source: ../sources/abe-trump-summit-2017-11-06.txt\n", text);
        Assert.Equal(seed.Positions.Sum(p => p.Provenance.Quotes.Length), again.Positions.Sum(p => p.Provenance.Quotes.Length));
        Assert.All(seed.Agreements, a => Assert.NotNull(again.Agreements.Single(b => b.Id == a.Id).Quote));
    }

    [Fact]
    public void Writing_the_same_world_twice_gives_the_same_text()
    {
        var seed = WorldFile.Load(WorldsRepository.SeedWorld);

        Assert.Equal(WorldWriter.Write(seed), WorldWriter.Write(WorldFile.Parse(WorldsRepository.SeedWorld, WorldWriter.Write(seed))));
    }

    [Fact]
    public void Rules_packages_ranges_and_awkward_text_survive_a_round_trip()
    {
        var world = AwkwardWorld();

        var text = WorldWriter.Write(world);
        var again = WorldFile.Parse("awkward.yaml", text);

        Assert.Equal(WorldsRepository.Json(world), WorldsRepository.Json(again));
        Assert.Contains("rule: 2-of-n", text);
        Assert.Contains("rule: weighted-majority", text);
        Assert.Contains("terms: { a: 40, b: 60.5 }", text);
    }

    [Fact]
    public void Numbers_are_written_so_they_read_back_exactly()
    {
        var world = AwkwardWorld();

        var again = WorldFile.Parse("awkward.yaml", WorldWriter.Write(world));

        Assert.Equal(0.1 + 0.2, again.Actor("X").Capability);
        Assert.Equal(1.0 / 3.0, again.Positions[0].Salience.Value);
    }

    [Theory]
    [InlineData("plain words")]
    [InlineData("key: value # not a comment")]
    [InlineData("- starts like a list")]
    [InlineData("true")]
    [InlineData("42")]
    [InlineData("ends with a no-break space\u00A0")]
    [InlineData("“curly” and \"straight\" quotes, a back\\slash")]
    [InlineData("a line\nbreak and a\ttab")]
    [InlineData("[flow], {like}")]
    public void Text_reads_back_as_written(string title)
    {
        var world = AwkwardWorld() with { Title = title };

        var again = WorldFile.Parse("awkward.yaml", WorldWriter.Write(world));

        Assert.Equal(title, again.Title);
    }

    private static World AwkwardWorld()
    {
        var affinity = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, double>("Y", -0.25)]);
        Actor[] actors =
        [
            new("X", "Actor: X", "Leader # one", "Ex", 0.1 + 0.2, Strategy.RelativeTitForTat, 0.7, affinity, "why, with a comma"),
            new("Y", "Y", "", null, 1, Strategy.Hardliner, 1, ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal), ""),
            new("Z", "Z", "", null, 0, Strategy.Conceder, 2.5, ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal), ""),
        ];
        Topic[] topics =
        [
            new("a", "A", new ScaleAnchors("0: none", "50", "100 — all"), ["b"]),
            new("b", "B", new ScaleAnchors("low", "middle", "high"), []),
        ];
        Position[] positions =
        [
            new("X", "a", new ScaleValue(12.5), new Interval(10, 20), new Salience(1.0 / 3.0), new Interval(0.2, 0.5),
                new Provenance(PositionKind.Inferred, "Ex", [], "from context")),
            new("Y", "b", new ScaleValue(100), Interval.Point(100), new Salience(0), Interval.Point(0),
                new Provenance(PositionKind.Imported, Provenance.Nobody, [], "imported from t.csv, row 2 (line 4)")),
            new("Z", "b", new ScaleValue(0), Interval.Point(0), new Salience(0.5), Interval.Point(0.5),
                new Provenance(PositionKind.Synthetic, Provenance.Nobody, [], "")),
        ];
        var terms = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, double>("a", 40), new("b", 60.5)]);
        var single = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, double>("b", 55)]);
        Agreement[] agreements =
        [
            new("package", terms, ["X", "Y", "Z"], new AgreementRule(AgreementRuleKind.KOfN, 2), AgreementStatus.Holding, "seed", null, "a package"),
            new("single", single, ["Y", "Z"], new AgreementRule(AgreementRuleKind.WeightedMajority), AgreementStatus.Holding, "seed", null, ""),
        ];
        return new World("awkward-1", "Awkward", "", "", [.. actors], [.. topics], [.. positions], [.. agreements]);
    }
}
