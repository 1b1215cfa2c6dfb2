using System.Text.Json;
using System.Text.Json.Nodes;
using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary><c>summits seed</c> end to end: the built program, an embedded silo, the real seed file.</summary>
public sealed class SeedCommandTests(SeedRuns runs) : IClassFixture<SeedRuns>
{
    private static readonly World Seed = WorldFile.Load(SeedFiles.World);

    [Fact]
    public async Task Seed_json_prints_the_world_of_the_seed_file_as_read_back_from_the_grains()
    {
        var run = await runs.Json;
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var world = document.RootElement;

        Assert.Equal(Seed.Id, world.GetProperty("id").GetString());
        Assert.Equal(Seed.Title, world.GetProperty("title").GetString());
        Assert.Equal(Seed.Source, world.GetProperty("source").GetString());
        Assert.Equal(Seed.Actors.Select(a => a.Id), world.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        AssertTopics(world.GetProperty("topics"));
        AssertPositions(world.GetProperty("positions"));
        AssertAgreements(world.GetProperty("agreements"));
    }

    [Fact]
    public async Task Seed_json_of_a_ktab_world_carries_its_salience_meaning_and_its_ktab_line()
    {
        // dummy-3dim.yaml says `salience: shares` and, under `ktab:`, `description: Dummy scenario to test reading
        // format` and `power: Power`: the world grain keeps both and gives them back with the world.
        var (code, output, error) = await WorldCommandRunner.RunAsync("seed", "--world", "scenarios/worlds/dummy-3dim.yaml", "--format", "json");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", error);
        using var document = JsonDocument.Parse(output);
        var world = document.RootElement;
        Assert.Equal("shares", world.GetProperty("salience").GetString());
        var ktab = world.GetProperty("ktab");
        Assert.Equal(["description", "powerHeader"], ktab.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Dummy scenario to test reading format", ktab.GetProperty("description").GetString());
        Assert.Equal("Power", ktab.GetProperty("powerHeader").GetString());
        // And every other key beside the actors, topics, positions and agreements is the file's, as loaded without grains.
        var file = WorldFile.Load(Path.Combine(SeedFiles.Root, "scenarios", "worlds", "dummy-3dim.yaml"));
        var seeded = JsonNode.Parse(output)!.AsObject();
        foreach (var collection in (string[])["actors", "topics", "positions", "agreements"])
            seeded[collection] = new JsonArray();
        var loaded = JsonSerializer.SerializeToNode(file with { Actors = [], Topics = [], Positions = [], Agreements = [] }, SummitsJson.Options)!;
        Assert.Equal(loaded.ToJsonString(), seeded.ToJsonString());
    }

    [Fact]
    public async Task Seed_prints_every_topic_position_and_quote_as_text()
    {
        var run = await runs.Text;
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);

        Assert.StartsWith(Seed.Title + "\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"world {Seed.Id}: 4 actors, 16 topics, 32 positions, 10 agreements", run.Output, StringComparison.Ordinal);
        foreach (var topic in Seed.Topics)
            Assert.Contains($"\n{topic.Id}: {topic.Title}\n", run.Output, StringComparison.Ordinal);
        var quotes = Seed.Positions.SelectMany(p => p.Provenance.Quotes).Concat(Seed.Agreements.Select(a => a.Quote!));
        // A long quote wraps at a space to the width, its next line indented: folded back, it reads whole.
        var folded = System.Text.RegularExpressions.Regex.Replace(run.Output, @"\n +", " ");
        foreach (var quote in quotes)
            Assert.Contains($"“{quote.Text}” (line {quote.Location.Line})", folded, StringComparison.Ordinal);
        foreach (var agreement in Seed.Agreements)
            Assert.Contains($"  {agreement.Id}: ", run.Output, StringComparison.Ordinal);
    }

    private static void AssertTopics(JsonElement topics)
    {
        Assert.Equal(Seed.Topics.Length, topics.GetArrayLength());
        foreach (var (expected, actual) in Seed.Topics.Zip(topics.EnumerateArray()))
        {
            Assert.Equal(expected.Id, actual.GetProperty("id").GetString());
            var scale = actual.GetProperty("scale");
            Assert.Equal(expected.Scale.Low, scale.GetProperty("low").GetString());
            Assert.Equal(expected.Scale.Middle, scale.GetProperty("middle").GetString());
            Assert.Equal(expected.Scale.High, scale.GetProperty("high").GetString());
        }
    }

    private static void AssertPositions(JsonElement positions)
    {
        Assert.Equal(Seed.Positions.Length, positions.GetArrayLength());
        foreach (var expected in Seed.Positions)
        {
            var actual = Assert.Single(positions.EnumerateArray(), p =>
                p.GetProperty("actor").GetString() == expected.Actor && p.GetProperty("topic").GetString() == expected.Topic);
            var where = $"{expected.Actor} on {expected.Topic}";
            Assert.True(expected.Value.Value == actual.GetProperty("value").GetDouble(), where);
            Assert.True(expected.Salience.Value == actual.GetProperty("salience").GetDouble(), where);
            AssertInterval(expected.ValueRange, actual.GetProperty("valueRange"));
            AssertInterval(expected.SalienceRange, actual.GetProperty("salienceRange"));
            var provenance = actual.GetProperty("provenance");
            Assert.Equal(KebabCase.Of(expected.Provenance.Kind), provenance.GetProperty("kind").GetString());
            Assert.Equal(expected.Provenance.Speaker, provenance.GetProperty("speaker").GetString());
            Assert.Equal(expected.Provenance.Why, provenance.GetProperty("why").GetString());
            var quotes = provenance.GetProperty("quotes");
            Assert.Equal(expected.Provenance.Quotes.Length, quotes.GetArrayLength());
            foreach (var (quote, json) in expected.Provenance.Quotes.Zip(quotes.EnumerateArray()))
                AssertQuote(quote, json);
        }
    }

    private static void AssertAgreements(JsonElement agreements)
    {
        Assert.Equal(Seed.Agreements.Length, agreements.GetArrayLength());
        foreach (var expected in Seed.Agreements)
        {
            var actual = Assert.Single(agreements.EnumerateArray(), a => a.GetProperty("id").GetString() == expected.Id);
            Assert.Equal(expected.Parties, actual.GetProperty("parties").EnumerateArray().Select(p => p.GetString()!));
            var terms = actual.GetProperty("terms").EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetDouble());
            Assert.Equal(expected.Terms, terms);
            Assert.Equal(KebabCase.Of(expected.Rule.Kind), actual.GetProperty("rule").GetProperty("kind").GetString());
            Assert.Equal("holding", actual.GetProperty("status").GetString());
            AssertQuote(expected.Quote!, actual.GetProperty("quote"));
        }
    }

    private static void AssertInterval(Interval expected, JsonElement actual)
    {
        Assert.Equal(2, actual.GetArrayLength());
        Assert.Equal(expected.Low, actual[0].GetDouble());
        Assert.Equal(expected.High, actual[1].GetDouble());
    }

    private static void AssertQuote(Quote expected, JsonElement actual)
    {
        Assert.Equal(expected.Text, actual.GetProperty("text").GetString());
        var location = actual.GetProperty("location");
        Assert.Equal(expected.Location.Line, location.GetProperty("line").GetInt32());
        Assert.Equal(expected.Location.Column, location.GetProperty("column").GetInt32());
        Assert.Equal(expected.Location.Paragraph, location.GetProperty("paragraph").GetInt32());
    }
}
