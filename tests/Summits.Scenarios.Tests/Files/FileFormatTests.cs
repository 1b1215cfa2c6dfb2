namespace Summits.Scenarios.Tests;

/// <summary>
/// World and scenario files carry a format version: format 2 loads silently, format 1 (no 'format')
/// loads with a one-line note or is refused with a pointer to 'summits migrate', which rewrites it.
/// </summary>
public sealed class FileFormatTests : IDisposable
{
    private const string Briefing = "Opening\n\nAbe: We will talk about the plan.\n\nTrump: Good.\n\nAbe, Trump confirmed the plan for the port.\n\nThey agreed on the price of the port.\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("summits-format-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A world quoting <see cref="Briefing"/>: a block agreement and a flow one, both without a verb, and a comment.</summary>
    private const string FormatOneWorld = """
        # A port, bargained over.
        world: port
        title: Port
        source: briefing.txt
        actors:
          - { id: A, name: A, speaker: Abe, capability: 0.5 }
          - { id: B, name: B, speaker: Trump, capability: 0.5 }
        topics:
          - { id: plan, title: Plan, scale: { low: l, middle: m, high: h } }
        positions:
          - actor: A
            topic: plan
            value: 60
            salience: 0.5
            speaker: Abe
            kind: stated
            quotes:
              - "We will talk about the plan."
          - { actor: B, topic: plan, value: 70, salience: 0.5, speaker: both, kind: joint, quotes: ["Abe, Trump confirmed the plan for the port."] }
        agreements:
          - id: plan
            topic: plan
            parties: [A, B]
            value: 65
            # the leaders' words
            quote: "Abe, Trump confirmed the plan for the port."
          - { id: price, topic: plan, parties: [A, B], value: 66, quote: "They agreed on the price of the port." }

        """;

    [Fact]
    public void A_format_1_world_that_needs_nothing_new_loads_with_one_note_of_what_changed()
    {
        var path = Write("plain.yaml", "world: w\ntitle: W\nactors:\n  - { id: A, name: A, capability: 0.5 }\ntopics:\n  - { id: t, title: T, scale: { low: l, middle: m, high: h } }\n");
        var notes = new List<string>();
        using (FormatNotes.To(notes.Add))
            WorldFile.Load(path);
        var note = Assert.Single(notes);
        Assert.StartsWith($"note: {path} is format 1 (it has no 'format: 2'); in format 2 strategies now concede toward each actor's reservation value", note);
        Assert.EndsWith($"'summits migrate {path}' marks it format 2", note);
        Assert.DoesNotContain('\n', note);
    }

    [Fact]
    public void A_format_2_world_loads_without_a_note()
    {
        var path = Write("plain.yaml", "format: 2\nworld: w\ntitle: W\nactors:\n  - { id: A, name: A, capability: 0.5 }\ntopics:\n  - { id: t, title: T, scale: { low: l, middle: m, high: h } }\n");
        var notes = new List<string>();
        using (FormatNotes.To(notes.Add))
            WorldFile.Load(path);
        Assert.Empty(notes);
    }

    [Theory]
    [InlineData("3", "this world is written in format 3, newer than this Summits reads (format 2)")]
    [InlineData("two", "'format' must be a whole number, 1 to 2, not 'two'")]
    [InlineData("0", "'format' must be a whole number, 1 to 2, not '0'")]
    public void A_format_this_Summits_does_not_read_is_refused_at_its_line(string format, string problem)
    {
        var path = Write("w.yaml", $"world: w\nformat: {format}\ntitle: W\nactors:\n  - {{ id: A, name: A, capability: 0.5 }}\ntopics:\n  - {{ id: t, title: T, scale: {{ low: l, middle: m, high: h }} }}\n");
        var error = Assert.Throws<InputException>(() => WorldFile.Load(path));
        Assert.StartsWith($"{path}:2:9: {problem}", error.Message);
    }

    [Fact]
    public void A_format_1_world_whose_agreements_lack_the_verb_format_2_needs_is_refused_with_the_migrate_command()
    {
        Write("briefing.txt", Briefing);
        var path = Write("port.yaml", FormatOneWorld);
        var error = Assert.Throws<InputException>(() => WorldFile.Load(path));
        // The first quoted agreement's quote stands on line 26, its text from column 12 ("    quote: " is 11 characters).
        Assert.Equal(new FilePosition(path, 26, 12), error.Position);
        Assert.Contains($"run 'summits migrate {path}' to rewrite it in format 2", error.Message);
    }

    [Fact]
    public void A_format_1_scenario_loads_with_a_note()
    {
        var world = Write("w.yaml", "format: 2\nworld: w\ntitle: W\nactors:\n  - { id: A, name: A, capability: 0.5 }\ntopics:\n  - { id: t, title: T, scale: { low: l, middle: m, high: h } }\n");
        var path = Write("s.yaml", "scenario: s\nworld: w.yaml\nsteps:\n  - rounds: 1\n");
        var notes = new List<string>();
        using (FormatNotes.To(notes.Add))
            ScenarioFile.Load(path);
        var note = Assert.Single(notes);
        Assert.StartsWith($"note: {path} is format 1", note);
        // Each renaming has its verb, as the world's note says them: "'risk' is now called 'curvature'" and "'tit-for-tat'
        // is now 'relative-tit-for-tat'". Before, the second dropped its verb ("and 'tit-for-tat' 'relative-tit-for-tat'").
        Assert.Contains("in actor overrides and 'vary' 'risk' is now called 'curvature' and 'tit-for-tat' is now 'relative-tit-for-tat'; 'summits migrate", note);
        Assert.True(File.Exists(world));
    }

    [Fact]
    public void Migrating_a_world_adds_the_format_and_each_agreement_s_verb_and_keeps_everything_else()
    {
        Write("briefing.txt", Briefing);
        var path = Write("port.yaml", FormatOneWorld);
        var (text, changes) = FormatMigration.Migrate(path, FormatOneWorld);

        // Worked out by hand: 'format: 2' goes before the first key (line 2, after the comment); the block
        // agreement's sentence reads "confirmed", so 'verb: confirmed' goes on a line of its own before its
        // quote at the quote's indentation; the flow one's reads "agreed", so 'verb: agreed, ' goes before
        // its quote inside the braces.
        var expected = FormatOneWorld
            .Replace("# A port, bargained over.\nworld: port", "# A port, bargained over.\nformat: 2\nworld: port")
            .Replace("    # the leaders' words\n    quote:", "    # the leaders' words\n    verb: confirmed\n    quote:")
            .Replace("value: 66, quote:", "value: 66, verb: agreed, quote:");
        Assert.Equal(expected, text);
        Assert.Equal([2, 26, 27], changes.Select(c => c.Line));
        Assert.Contains("'verb: agreed'", changes[2].What);

        File.WriteAllText(path, text);
        var world = WorldFile.Load(path);
        Assert.Equal([Model.AgreementVerb.Confirmed, Model.AgreementVerb.Agreed], world.Agreements.Select(a => a.Verb!.Value));
    }

    [Fact]
    public void Migration_keeps_the_file_s_line_ends()
    {
        Write("briefing.txt", Briefing);
        var crlf = FormatOneWorld.ReplaceLineEndings("\r\n");
        var path = Write("port.yaml", crlf);
        var (text, _) = FormatMigration.Migrate(path, crlf);
        Assert.Contains("\r\nformat: 2\r\nworld: port\r\n", text);
        Assert.Contains("\r\n    verb: confirmed\r\n    quote:", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
    }

    [Fact]
    public void A_file_already_in_format_2_is_left_as_it_is()
    {
        var text = "format: 2\nscenario: s\nworld: w.yaml\nsteps: []\n";
        var (migrated, changes) = FormatMigration.Migrate(Write("s.yaml", text), text);
        Assert.Equal(text, migrated);
        Assert.Empty(changes);
    }

    [Fact]
    public void Migrating_a_scenario_adds_only_the_format()
    {
        var text = "# why\nscenario: s\nworld: w.yaml\nsteps: []\n";
        var (migrated, changes) = FormatMigration.Migrate(Write("s.yaml", text), text);
        Assert.Equal("# why\nformat: 2\nscenario: s\nworld: w.yaml\nsteps: []\n", migrated);
        Assert.Equal(2, Assert.Single(changes).Line);
    }

    [Fact]
    public void A_file_that_is_neither_a_world_nor_a_scenario_is_refused()
    {
        var text = "title: nothing\n";
        var error = Assert.Throws<InputException>(() => FormatMigration.Migrate(Write("x.yaml", text), text));
        Assert.Contains("neither a world file", error.Message);
    }
    /// <summary>A format-1 world using both names format 2 changed: 'risk' in a block actor and a flow one, 'tit-for-tat' plain and quoted.</summary>
    private const string RenamedWorld = """
        world: w
        title: W
        actors:
          - id: A
            name: A
            capability: 0.5
            risk: 1.5
            strategy: tit-for-tat
          - { id: B, name: B, capability: 0.5, risk: 0.8, strategy: 'tit-for-tat' }
        topics:
          - { id: t, title: T, scale: { low: l, middle: m, high: h } }

        """;

    [Fact]
    public void Migrating_renames_in_place_after_an_emoji_on_the_same_line()
    {
        // B's flow line names B with an emoji before its 'risk' and strategy: places in characters (an emoji one) would
        // fall one UTF-16 unit short of each name were they used to edit the text, so the text is edited at the
        // names' own offsets, and the line reads as by hand: each name replaced, nothing else moved.
        var world = RenamedWorld.Replace("{ id: B, name: B,", "{ id: B, name: \"B 😀\",", StringComparison.Ordinal);
        var (text, _) = FormatMigration.Migrate(Write("w.yaml", world), world);

        Assert.Contains("  - { id: B, name: \"B 😀\", capability: 0.5, curvature: 0.8, strategy: 'relative-tit-for-tat' }\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrating_a_world_renames_risk_to_curvature_and_tit_for_tat_to_relative_tit_for_tat()
    {
        var path = Write("w.yaml", RenamedWorld);
        var (text, changes) = FormatMigration.Migrate(path, RenamedWorld);

        // By hand: 'format: 2' before 'world' (line 1); A's 'risk' key on line 7 and its strategy on line 8
        // renamed in place; on B's flow line (9) both, the quoted name inside its quotes.
        var expected = "format: 2\n" + RenamedWorld
            .Replace("    risk: 1.5\n    strategy: tit-for-tat\n", "    curvature: 1.5\n    strategy: relative-tit-for-tat\n")
            .Replace("risk: 0.8, strategy: 'tit-for-tat'", "curvature: 0.8, strategy: 'relative-tit-for-tat'");
        Assert.Equal(expected, text);
        Assert.Equal([1, 7, 8, 9, 9], changes.Select(c => c.Line));
        Assert.Equal("actor 'A': 'risk' renamed 'curvature'", changes[1].What);
        Assert.Equal("actor 'A': strategy 'tit-for-tat' renamed 'relative-tit-for-tat'", changes[2].What);

        File.WriteAllText(path, text);
        var notes = new List<string>();
        using (FormatNotes.To(notes.Add))
        {
            var world = WorldFile.Load(path);
            Assert.Equal([(1.5, Model.Strategy.RelativeTitForTat), (0.8, Model.Strategy.RelativeTitForTat)], world.Actors.Select(a => (a.Curvature, a.Strategy)));
        }
        Assert.Empty(notes);
    }

    [Fact]
    public void A_format_1_world_with_tit_for_tat_loads_it_as_relative_tit_for_tat_with_a_note_that_says_so()
    {
        var path = Write("w.yaml", RenamedWorld);
        var notes = new List<string>();
        using (FormatNotes.To(notes.Add))
        {
            var world = WorldFile.Load(path);
            Assert.Equal([Model.Strategy.RelativeTitForTat, Model.Strategy.RelativeTitForTat], world.Actors.Select(a => a.Strategy));
            Assert.Equal([1.5, 0.8], world.Actors.Select(a => a.Curvature));
        }
        var note = Assert.Single(notes);
        Assert.Contains("'risk' is now called 'curvature'", note);
        Assert.Contains("'tit-for-tat' is now 'relative-tit-for-tat'", note);
    }

    [Fact]
    public void A_format_2_world_may_not_say_tit_for_tat()
    {
        var text = "format: 2\n" + RenamedWorld;
        var path = Write("w.yaml", text);
        var error = Assert.Throws<InputException>(() => WorldFile.Load(path));
        // Line 9 of the file as written ('format: 2' first): A's strategy, from column 15.
        Assert.Equal(new FilePosition(path, 9, 15), error.Position);
        Assert.Contains("'strategy' must be one of hardliner, boulware, linear, conceder, relative-tit-for-tat", error.Message);
    }

    [Fact]
    public void Migrating_a_scenario_renames_risk_and_tit_for_tat_in_overrides_and_vary()
    {
        Write("w.yaml", "format: 2\nworld: w\ntitle: W\nactors:\n  - { id: A, name: A, capability: 0.5 }\n  - { id: B, name: B, capability: 0.5 }\ntopics:\n  - { id: t, title: T, scale: { low: l, middle: m, high: h } }\n");
        var text = """
            scenario: s
            world: w.yaml
            actors:
              - { id: A, risk: 2, strategy: tit-for-tat, reason: test }
            vary:
              - { strategy: B, choices: [linear, tit-for-tat] }
            steps:
              - rounds: 1

            """;
        var path = Write("s.yaml", text);

        // A format-1 scenario loads with the old names, as format 2 reads them.
        using (FormatNotes.To(_ => { }))
        {
            var loaded = ScenarioFile.Load(path);
            Assert.Equal((2.0, Model.Strategy.RelativeTitForTat), (loaded.World.Actor("A").Curvature, loaded.World.Actor("A").Strategy));
            Assert.Equal([Model.Strategy.Linear, Model.Strategy.RelativeTitForTat], Assert.IsType<Model.StrategyVariation>(Assert.Single(loaded.Vary)).Choices.AsEnumerable());
        }

        var migration = FormatMigration.Migrate(path, text);
        var (migrated, changes) = migration;
        // By hand: the format on line 1; A's override on line 4 (risk, strategy); B's choice on line 6.
        Assert.Equal("format: 2\n" + text
            .Replace("risk: 2, strategy: tit-for-tat,", "curvature: 2, strategy: relative-tit-for-tat,")
            .Replace("[linear, tit-for-tat]", "[linear, relative-tit-for-tat]"), migrated);
        Assert.Equal([1, 4, 4, 6], changes.Select(c => c.Line));
        Assert.Equal("vary strategy of 'B': choice 'tit-for-tat' renamed 'relative-tit-for-tat'", changes[3].What);
        migration.Check(path);
    }

    // Format 2 renamed 'risk' to 'curvature' and reads only the new name, as it reads only
    // 'relative-tit-for-tat': a format-2 world or scenario that says 'risk' is refused at
    // its value (world: line 5, "  - { id: A, name: A, capability: 0.5, risk: 2 }", where 'risk' starts at
    // column 40 counting from 1, so its value 2 at 46; scenario: line 5, "  - { id: A, reason: test, risk: 2 }",
    // 'risk' at 28, its value at 34).
    [Fact]
    public void A_format_2_file_that_says_risk_is_refused_at_its_value()
    {
        var world = Write("w.yaml", "format: 2\nworld: w\ntitle: W\nactors:\n  - { id: A, name: A, capability: 0.5, risk: 2 }\n  - { id: B, name: B, capability: 0.5 }\ntopics:\n  - { id: t, title: T, scale: { low: l, middle: m, high: h } }\n");
        var error = Assert.Throws<InputException>(() => WorldFile.Load(world));
        Assert.Equal(new FilePosition(world, 5, 46), error.Position);
        Assert.Equal("'risk' is the format-1 name of 'curvature', which a format-2 file must use instead (0.1 to 10); 'summits migrate' rewrites a format-1 file", error.Problem);

        Write("w.yaml", "format: 2\nworld: w\ntitle: W\nactors:\n  - { id: A, name: A, capability: 0.5 }\n  - { id: B, name: B, capability: 0.5 }\ntopics:\n  - { id: t, title: T, scale: { low: l, middle: m, high: h } }\n");
        var scenario = Write("s.yaml", "format: 2\nscenario: s\nworld: w.yaml\nactors:\n  - { id: A, reason: test, risk: 2 }\nsteps:\n  - rounds: 1\n");
        error = Assert.Throws<InputException>(() => ScenarioFile.Load(scenario));
        Assert.Equal(new FilePosition(scenario, 5, 34), error.Position);
        Assert.StartsWith("'risk' is the format-1 name of 'curvature'", error.Problem);
    }
}
