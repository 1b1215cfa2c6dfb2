using Summits.Model;
using Summits.Tests;

namespace Summits.Scenarios.Tests;

/// <summary>The real seed world: every quote stands verbatim in the briefing, where the world says it does.</summary>
public sealed class SeedProvenanceTests
{
    private static readonly World Seed = WorldFile.Load(SeedFiles.World);

    private static readonly string Source = File.ReadAllText(SeedFiles.Source);

    private static readonly string[] SourceLines = Source.Split('\n');

    public static TheoryData<string> RequiredTopics => new()
    {
        "north-korea", "north-korea-sanctions", "us-defense-commitment", "china-role", "free-open-indo-pacific",
        "maritime-rule-of-law", "alliance-deterrence", "usfj-realignment", "unsc-permanent-seat",
        "sectoral-cooperation", "economic-dialogue", "trade-investment-standards", "trade-imbalance",
        "defense-procurement", "tpp-11", "bilateral-fta",
    };

    [Fact]
    public void The_world_names_the_briefing_as_its_source() =>
        Assert.Equal(SeedFiles.Source, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SeedFiles.World)!, Seed.Source)));

    [Fact]
    public void Every_quote_stands_verbatim_in_the_briefing_where_its_location_says()
    {
        var quotes = Seed.Positions.SelectMany(p => p.Provenance.Quotes)
            .Concat(Seed.Agreements.Select(a => a.Quote).OfType<Quote>())
            .ToList();
        Assert.NotEmpty(quotes);
        foreach (var quote in quotes)
        {
            Assert.Contains(quote.Text, Source, StringComparison.Ordinal);
            var line = SourceLines[quote.Location.Line - 1];
            Assert.True(
                line.AsSpan(quote.Location.Column - 1).StartsWith(quote.Text, StringComparison.Ordinal),
                $"“{quote.Text}” is not at {quote.Location}");
            Assert.Equal(ParagraphOf(quote.Location.Line), quote.Location.Paragraph);
        }
    }

    [Fact]
    public void Quotes_keep_the_briefings_curly_quotes_and_no_break_spaces()
    {
        var texts = Seed.Positions.SelectMany(p => p.Provenance.Quotes).Select(q => q.Text).ToList();
        Assert.Contains(texts, t => t.Contains('’'));
        Assert.Contains(texts, t => t.Contains('“') && t.Contains('”'));
        Assert.Contains(texts, t => t.Contains('\u00A0'));
    }

    [Theory]
    [MemberData(nameof(RequiredTopics))]
    public void Every_topic_the_summit_covered_is_seeded_with_a_described_scale(string id)
    {
        var topic = Assert.Single(Seed.Topics, t => t.Id == id);
        Assert.False(string.IsNullOrWhiteSpace(topic.Title));
        Assert.False(string.IsNullOrWhiteSpace(topic.Scale.Low));
        Assert.False(string.IsNullOrWhiteSpace(topic.Scale.Middle));
        Assert.False(string.IsNullOrWhiteSpace(topic.Scale.High));
    }

    [Theory]
    [MemberData(nameof(RequiredTopics))]
    public void Japan_and_the_US_hold_an_explained_position_on_every_topic(string topic)
    {
        foreach (var actor in new[] { "JP", "US" })
        {
            var position = Assert.Single(Seed.Positions, p => p.Actor == actor && p.Topic == topic);
            if (position.Provenance.Kind == PositionKind.External)
                Assert.False(string.IsNullOrWhiteSpace(position.Provenance.Reference), $"{actor} on {topic} names no reference");
            else
                Assert.NotEmpty(position.Provenance.Quotes);
            Assert.False(string.IsNullOrWhiteSpace(position.Provenance.Why), $"{actor} on {topic} does not say why");
            Assert.True(position.ValueRange.Contains(position.Value), $"{actor} on {topic}: range misses the value");
            Assert.True(position.SalienceRange.Contains(position.Salience), $"{actor} on {topic}: salience range misses the salience");
        }
    }

    [Theory]
    [InlineData("tpp-11")]
    [InlineData("bilateral-fta")]
    public void Topics_the_summit_did_not_discuss_are_explicit_and_marked_not_discussed(string topic)
    {
        var positions = Seed.PositionsOn(topic).ToList();
        Assert.Equal(["JP", "US"], positions.Select(p => p.Actor));
        Assert.All(positions, p => Assert.Equal(PositionKind.NotDiscussed, p.Provenance.Kind));
        Assert.All(positions, p => Assert.Equal(Provenance.Nobody, p.Provenance.Speaker));
        Assert.All(positions, p => Assert.Contains("no discussion", p.Provenance.Quotes[0].Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CN", "China")]
    [InlineData("KP", "Democratic People's Republic of Korea (North Korea)")]
    public void Countries_the_summit_talked_about_are_actors_without_positions(string id, string name)
    {
        Assert.Equal(name, Seed.Actor(id).Name);
        Assert.Empty(Seed.PositionsOf(id));
    }

    [Fact]
    public void Japan_and_the_US_speak_through_their_leaders()
    {
        Assert.Equal("Abe", Seed.Actor("JP").Speaker);
        Assert.Equal("Trump", Seed.Actor("US").Speaker);
        var speakers = new[] { "Abe", "Trump", Provenance.Both, Provenance.Nobody };
        Assert.All(Seed.Positions, p => Assert.Contains(p.Provenance.Speaker, speakers));
    }

    [Fact]
    public void Every_agreement_is_quoted_and_binds_both_leaders()
    {
        Assert.NotEmpty(Seed.Agreements);
        foreach (var agreement in Seed.Agreements)
        {
            Assert.NotNull(agreement.Quote);
            Assert.Equal(["JP", "US"], agreement.Parties.ToArray());
            Assert.Equal(AgreementStatus.Holding, agreement.Status);
            Assert.Equal("seed", agreement.Cause);
            Assert.NotEmpty(agreement.Terms);
        }
    }

    [Fact]
    public void The_summits_own_words_on_north_korea_are_seeded_as_an_agreement()
    {
        var agreement = Assert.Single(Seed.Agreements, a => a.Covers("north-korea"));
        Assert.Equal("They agreed that now is not the time to hold dialogue, but to apply maximum pressure.", agreement.Quote!.Text);
        Assert.Equal(AgreementRule.Unanimity, agreement.Rule);
    }

    private static int ParagraphOf(int line)
    {
        var paragraph = 0;
        var previousBlank = true;
        for (var i = 0; i < line; i++)
        {
            var blank = string.IsNullOrWhiteSpace(SourceLines[i]);
            if (!blank && previousBlank)
                paragraph++;
            previousBlank = blank;
        }
        return paragraph;
    }
}
