namespace Summits.Scenarios.Tests.Record;

/// <summary>
/// The record of what happened after the summit loads with its four facts, and each kind of mistake in a
/// record file is one line naming the file, line and column, what is wrong and the valid choices.
/// </summary>
public sealed class RecordFileTests : IDisposable
{
    private readonly ScenarioFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Shipped => Path.Combine(RepoFiles.Root, "scenarios", "record", "after-the-summit.yaml");

    private static string Header => $"record: test\nworld: '{RepoFiles.SeedWorld.Replace("'", "''")}'\n";

    private const string Source = "    sources:\n      - { publisher: A publisher, title: A title, date: 2019-01-02, url: 'https://example.org/a' }\n";

    /// <summary>A record of one fact with these lines in place of its topic and implication.</summary>
    private (string File, string Text) OneFact(string fields, string sources = Source) =>
        _folder.WriteRaw(Header + "facts:\n  - id: one\n    date: 2018-06-12\n    what: Something happened.\n    why: Because.\n" + fields + sources, "record.yaml");

    private static InputException FailsAt((string File, string Text) record, string at, int occurrence = 1) =>
        ScenarioFolder.FailsAt(record, () => RecordFile.Load(record.File), at, occurrence);

    [Fact]
    public void The_shipped_record_holds_the_four_facts_in_date_order_each_with_a_dated_or_addressed_source()
    {
        var record = RecordFile.Load(Shipped);

        Assert.Equal("abe-trump-2017-11-06", record.World.Id);
        // The dates the record must carry: CPTPP signed 8 March 2018 and in force 30 December 2018; Singapore
        // 12 June 2018; the F-35 decision 18 December 2018; the two trade agreements 7 October 2019, in force 1 January 2020.
        Assert.Equal(
            [("cptpp", "2018-03-08", "2018-12-30", "tpp-11"), ("singapore-summit", "2018-06-12", "", "north-korea"),
             ("f-35-purchase", "2018-12-18", "", "defense-procurement"), ("us-japan-trade-agreements", "2019-10-07", "2020-01-01", "bilateral-fta")],
            record.Facts.Select(f => (f.Id, RecordFact.Day(f.Date), f.InForce is { } d ? RecordFact.Day(d) : "", f.Topic)));
        Assert.Contains("147", record.Facts[2].What);
        Assert.Contains("105", record.Facts[2].What);
        Assert.Equal(new PositionImplied("JP", 90, 100), record.Facts[0].Implies);
        Assert.Equal(new MoveImplied("US", ScaleEnd.Low), record.Facts[1].Implies);
        Assert.Equal(new MoveImplied("JP", ScaleEnd.High), record.Facts[2].Implies);
        var agreement = Assert.IsType<AgreementImplied>(record.Facts[3].Implies);
        Assert.Equal(["JP", "US"], agreement.Parties.ToArray());
        Assert.All(record.Facts, f => Assert.All(f.Sources, s => Assert.Equal("https", s.Url.Scheme)));
        Assert.All(record.Facts, f => Assert.NotEmpty(f.Sources));
    }

    [Fact]
    public void The_shipped_record_is_the_one_found_for_the_seeded_world()
    {
        var found = RecordFile.For(RepoFiles.SeedWorld);

        Assert.Equal("after-the-summit", Assert.Single(found).Id);
        Assert.Empty(RecordFile.For(Path.Combine(RepoFiles.Root, "scenarios", "worlds", "dummy-3dim.yaml")));
    }

    [Fact]
    public void A_YAML_syntax_error_is_reported_where_the_parser_stopped()
    {
        var error = FailsAt(_folder.WriteRaw("record: one: two\n", "record.yaml"), ": two");
        Assert.StartsWith("this is not valid YAML: ", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_is_named()
    {
        var record = _folder.WriteRaw(Header + "facts:\n  - id: one\n    date: 2018-06-12\n    what: x\n    why: y\n    implies: { move: { actor: US, toward: low } }\n" + Source, "record.yaml");
        var error = FailsAt(record, "id: one");
        Assert.Equal("a fact is missing the required key 'topic'", error.Problem);
    }

    [Fact]
    public void An_unknown_key_lists_the_keys_a_fact_has()
    {
        var error = FailsAt(OneFact("    topic: north-korea\n    implies: { move: { actor: US, toward: low } }\n    wen: 2018\n"), "wen");
        // Closest first, by hand (fewest insertions, deletions, substitutions and swaps from 'wen'): why 2 (e to h,
        // n to y); id 3 and what 3 (id before what, as a fact lists them); date 4; topic 5; implies 6 and sources 6;
        // in-force 8.
        Assert.Equal("unknown key 'wen' in a fact; expected one of why, id, what, date, topic, implies, sources or in-force", error.Problem);
    }

    [Theory]
    [InlineData("    date: 12 June 2018\n", "12 June", "'date' must be a date written YYYY-MM-DD, such as 2018-06-12, not '12 June 2018'")]
    // Written YYYY-MM-DD but no day of the calendar: told so, with the month's length. 2018 is not a leap year
    // (not divisible by 4), so its February has 28 days; 2019 neither; June has 30 days.
    [InlineData("    in-force: 2018-02-30\n", "2018-02-30", "'in-force' is 2018-02-30, a day that does not exist: February 2018 has 28 days, so the day must be 01 to 28")]
    [InlineData("    date: 2018-06-31\n", "2018-06-31", "'date' is 2018-06-31, a day that does not exist: June has 30 days, so the day must be 01 to 30")]
    [InlineData("    date: 2019-02-29\n", "2019-02-29", "'date' is 2019-02-29, a day that does not exist: February 2019 has 28 days, so the day must be 01 to 28")]
    [InlineData("    date: 2018-13-01\n", "2018-13-01", "'date' is 2018-13-01, a day that does not exist: the month, 13, must be 01 to 12")]
    [InlineData("    date: 2018-00-10\n", "2018-00-10", "'date' is 2018-00-10, a day that does not exist: the month, 00, must be 01 to 12")]
    [InlineData("    in-force: 2018-06-11\n", "2018-06-11", "'in-force' is 2018-06-11, before the fact's date 2018-06-12; an agreement comes into force on or after the day it is signed")]
    public void A_date_that_is_not_a_day_or_comes_before_the_signing_is_refused(string line, string at, string problem)
    {
        var text = Header + "facts:\n  - id: one\n    date: 2018-06-12\n    what: x\n    why: y\n    topic: north-korea\n    implies: { move: { actor: US, toward: low } }\n" + Source;
        text = line.StartsWith("    date", StringComparison.Ordinal) ? text.Replace("    date: 2018-06-12\n", line, StringComparison.Ordinal) : text.Replace("    what: x\n", line + "    what: x\n", StringComparison.Ordinal);
        var error = FailsAt(_folder.WriteRaw(text, "record.yaml"), at);
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void A_source_dated_on_a_day_that_does_not_exist_is_refused_at_its_date()
    {
        // A source's date is read by the same rule as a fact's: 2019-04-31 is written YYYY-MM-DD, and April has 30 days.
        var error = FailsAt(OneFact("    topic: north-korea\n    implies: { move: { actor: US, toward: low } }\n", Source.Replace("2019-01-02", "2019-04-31", StringComparison.Ordinal)), "2019-04-31");
        Assert.Equal("'date' is 2019-04-31, a day that does not exist: April has 30 days, so the day must be 01 to 30", error.Problem);
    }

    [Fact]
    public void An_unknown_topic_lists_the_known_topics()
    {
        var error = FailsAt(OneFact("    topic: tpp-12\n    implies: { move: { actor: JP, toward: high } }\n"), "tpp-12");
        // Closest first: 'tpp-12' is one edit from tpp-11, and every other topic needs more (none is 6 characters
        // or fewer but tpp-11); then every known topic, each once.
        const string start = "unknown topic 'tpp-12' (did you mean 'tpp-11'?); known topics: ";
        Assert.StartsWith(start + "tpp-11, ", error.Problem);
        Assert.Equal(WorldFile.Load(RepoFiles.SeedWorld).Topics.Select(t => t.Id).Order(), System.Text.RegularExpressions.Regex.Split(error.Problem[start.Length..], ", | and ").Order());
    }

    [Fact]
    public void An_unknown_actor_lists_the_known_actors()
    {
        var error = FailsAt(OneFact("    topic: north-korea\n    implies: { move: { actor: USA, toward: low } }\n"), "USA");
        // Closest first: 'USA' is one edit from US (drop the A), three from JP, CN and KP, which keep the world's order;
        // one edit is within the nearness allowed (at least 2), so US is also named as the one meant.
        Assert.Equal("unknown actor 'USA' (did you mean 'US'?); known actors: US, JP, CN and KP", error.Problem);
    }

    [Fact]
    public void An_actor_without_a_position_on_the_topic_is_refused_naming_those_with_one()
    {
        // China holds no position in the seeded world (the briefing gives it none), so no run can say where it ended.
        var error = FailsAt(OneFact("    topic: north-korea\n    implies: { position: { actor: CN, range: [0, 40] } }\n"), "CN");
        Assert.Equal("CN holds no position on 'north-korea' in abe-trump-2017-11-06, so a run cannot say where it ended; actors with a position there: JP and US", error.Problem);
    }

    [Theory]
    [InlineData("    implies: { }\n", "{ }", "'implies' must say what the fact implies on north-korea: one of agreement, move or position")]
    [InlineData("    implies: { move: { actor: US, toward: low }, position: { actor: US, range: [0, 10] } }\n", "{ move", "'implies' says both 'move' and 'position'; give one of agreement, move or position")]
    // 'down' is two edits from 'low' (d to l, drop the n), within half its four letters: named as the one meant.
    [InlineData("    implies: { move: { actor: US, toward: down } }\n", "down", "'toward' must be one of low or high, not 'down' (did you mean 'low'?)")]
    [InlineData("    implies: { position: { actor: US, range: [0, 120] } }\n", "120", "'range' must be a number from 0 to 100, not 120")]
    [InlineData("    implies: { position: { actor: US, range: [40, 10] } }\n", "[40", "'range' must be [low, high] with low <= high, not [40, 10]")]
    [InlineData("    implies: { agreement: { parties: [US], range: [0, 10] } }\n", "[US]", "'parties' must name at least two actors: an agreement is between parties")]
    [InlineData("    implies: { agreement: { parties: [US, US], range: [0, 10] } }\n", "US]", "'US' is named twice in 'parties'")]
    [InlineData("    implies: { move: { actor: US, toward: low, by: 3 } }\n", "by", "unknown key 'by' in 'move'; expected one of actor or toward")]
    public void A_wrong_implication_says_what_would_be_right(string implies, string at, string problem)
    {
        var error = FailsAt(OneFact("    topic: north-korea\n" + implies), at);
        Assert.Equal(problem, error.Problem);
    }

    [Theory]
    [InlineData("    sources: []\n", "[]", "'sources' must list at least one item")]
    [InlineData("    sources:\n      - { publisher: P, title: T, url: 'www.example.org' }\n", "'www", "'url' must be the source's address, starting https:// or http://, not 'www.example.org'")]
    [InlineData("    sources:\n      - { publisher: P, url: 'https://example.org' }\n", "{ publisher", "a source is missing the required key 'title'")]
    public void A_source_without_a_title_or_an_address_is_refused(string sources, string at, string problem)
    {
        var error = FailsAt(OneFact("    topic: north-korea\n    implies: { move: { actor: US, toward: low } }\n", sources), at);
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void A_fact_id_used_twice_is_refused_at_its_second_use()
    {
        var fact = "  - id: one\n    date: 2018-06-12\n    what: x\n    why: y\n    topic: north-korea\n    implies: { move: { actor: US, toward: low } }\n" + Source;
        var error = FailsAt(_folder.WriteRaw(Header + "facts:\n" + fact + fact, "record.yaml"), "one", 2);
        Assert.Equal("the fact id 'one' is used twice; each fact needs an id of its own", error.Problem);
    }

    [Fact]
    public void A_world_that_does_not_exist_is_refused_at_the_world_key()
    {
        var error = FailsAt(_folder.WriteRaw("record: test\nworld: no-such-world.yaml\nfacts: []\n", "record.yaml"), "no-such-world");
        Assert.StartsWith("the world file 'no-such-world.yaml' does not exist", error.Problem, StringComparison.Ordinal);
    }
}
