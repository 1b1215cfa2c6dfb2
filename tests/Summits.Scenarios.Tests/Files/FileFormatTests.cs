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
        Assert.StartsWith($"note: {path} is format 1 (it has no 'format: 2'); in format 2 strategies now concede toward each actor's reservation point", note);
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
        Assert.StartsWith($"note: {path} is format 1", Assert.Single(notes));
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
}
