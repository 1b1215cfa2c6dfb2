namespace Summits.Scenarios.Tests;

/// <summary>
/// The YAML every Summits file is read through: worlds and scenarios (with their vary and fork parts)
/// share <see cref="YamlDocument"/>, so each check is made on both kinds of file. Every expected place
/// is counted by hand from the text in the test.
/// </summary>
public sealed class YamlReaderTests : IDisposable
{
    private readonly ScenarioFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public enum Kind
    {
        World,
        Scenario,
    }

    /// <summary>Loads <paramref name="text"/> as a file of the given kind and returns the one error.</summary>
    private InputException Refused(Kind kind, string text)
    {
        var (file, _) = _folder.WriteRaw(text, kind == Kind.World ? "world.yaml" : "scenario.yaml");
        var error = Assert.Throws<InputException>(() =>
        {
            if (kind == Kind.World)
                WorldFile.Load(file);
            else
                ScenarioFile.Load(file);
        });
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(file, error.Position.File);
        return error;
    }

    private static string Opening(Kind kind) => kind == Kind.World
        ? "world: w\ntitle: T\n"
        : ScenarioFolder.Header;

    [Theory]
    [InlineData(Kind.World)]
    [InlineData(Kind.Scenario)]
    public void A_second_document_is_refused_at_its_separator(Kind kind)
    {
        // The opening is two lines for both kinds, then "a: 1", so '---' is line 4, column 1.
        var error = Refused(kind, Opening(kind) + "a: 1\n---\nscenario: second\n");

        Assert.Equal((4, 1), (error.Position.Line, error.Position.Column));
        Assert.StartsWith("a second YAML document starts here", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leading_document_marker_alone_is_one_document()
    {
        var (file, _) = _folder.WriteRaw("---\n" + ScenarioFolder.Header + "steps:\n  - rounds: 1\n");

        Assert.Equal("test", ScenarioFile.Load(file).Scenario.Id);
    }

    [Theory]
    [InlineData(Kind.World)]
    [InlineData(Kind.Scenario)]
    public void An_alias_before_its_anchor_is_refused_at_the_alias(Kind kind)
    {
        // Line 3 is "steps: *later"; the alias starts after "steps: ", at column 8.
        var error = Refused(kind, Opening(kind) + "steps: *later\nother: &later [1]\n");

        Assert.Equal((3, 8), (error.Position.Line, error.Position.Column));
        Assert.Equal("the alias '*later' refers to no anchor defined above it; write '&later' on a value before its first use", error.Problem);
    }

    [Theory]
    [InlineData(Kind.World)]
    [InlineData(Kind.Scenario)]
    public void An_undefined_alias_is_refused_at_its_place(Kind kind)
    {
        // Line 4 is "  - *nowhere"; the alias starts at column 5.
        var error = Refused(kind, Opening(kind) + "steps:\n  - *nowhere\n");

        Assert.Equal((4, 5), (error.Position.Line, error.Position.Column));
        Assert.Contains("'*nowhere' refers to no anchor", error.Problem);
    }

    [Fact]
    public void An_alias_inside_its_own_anchored_value_is_refused()
    {
        // Line 3 is "steps: &loop [ *loop ]": the alias stands at column 16.
        var error = Refused(Kind.Scenario, ScenarioFolder.Header + "steps: &loop [ *loop ]\n");

        Assert.Equal((3, 16), (error.Position.Line, error.Position.Column));
        Assert.Contains("a value cannot contain itself", error.Problem);
    }

    [Theory]
    [InlineData(Kind.World)]
    [InlineData(Kind.Scenario)]
    public void A_tab_used_for_indentation_is_reported_at_the_tab(Kind kind)
    {
        // Line 4 is "\t- rounds: 1": the tab is column 1 of line 4, not 1:1 of the file.
        var error = Refused(kind, Opening(kind) + "steps:\n\t- rounds: 1\n");

        Assert.Equal((4, 1), (error.Position.Line, error.Position.Column));
        Assert.Equal("this is not valid YAML: a tab is used for indentation; indent with spaces only", error.Problem);
    }

    [Theory]
    // A line of nothing but a tab between a step's keys: the scanner said "found a tab character that violate
    // indentation" at the key before it (its line, 4), or "while scanning a mapping, found invalid tab as indentation"
    // at 1:1. The tab is line 5's first character: "steps:" is line 3, "  - propose:" line 4, the tab line 5.
    [InlineData("steps:\n  - propose:\n\t\n      from: JP\n", 5, 1)]
    // Two spaces, then the tab: column 3 of line 5.
    [InlineData("steps:\n  - propose:\n  \t\n      from: JP\n", 5, 3)]
    public void A_tab_on_a_blank_line_is_reported_at_the_tab(string steps, int line, int column)
    {
        var error = Refused(Kind.Scenario, ScenarioFolder.Header + steps);

        Assert.Equal((line, column), (error.Position.Line, error.Position.Column));
        Assert.Equal("this is not valid YAML: a tab on a line with nothing else on it is read as indentation; leave the line empty, or indent with spaces only", error.Problem);
    }

    [Fact]
    public void A_tab_after_spaces_in_a_deeper_line_is_reported_at_the_tab()
    {
        // Line 6 is "    \tto: US": four spaces, then the tab at column 5.
        var error = Refused(Kind.Scenario, ScenarioFolder.Header + "steps:\n  - propose:\n      from: JP\n    \tto: US\n");

        Assert.Equal((6, 5), (error.Position.Line, error.Position.Column));
        Assert.Contains("a tab is used for indentation", error.Problem);
    }

    [Fact]
    public void Nesting_deeper_than_the_bound_is_refused_where_it_goes_too_deep()
    {
        // "steps: " is 7 characters, so the first '{' is column 8 and each "{a: " adds 4. The top-level
        // mapping is level 1, the k-th '{' level k + 1; level 65 is the 64th '{', at 8 + 4 * 63 = 260.
        var text = ScenarioFolder.Header + "steps: " + string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "1" + new string('}', 20_000) + "\n";

        var error = Refused(Kind.Scenario, text);

        Assert.Equal((3, 260), (error.Position.Line, error.Position.Column));
        Assert.Equal("the values nest more than 64 levels deep here; a Summits file needs only a few levels of mappings and lists", error.Problem);
    }

    [Fact]
    public void Nesting_up_to_the_bound_is_read()
    {
        // 63 flow mappings under the top-level mapping make 64 levels: allowed, so the error is about 'steps'. What it
        // found is one mapping whose flow form, 63 levels of "{ a: ", runs past the 40 characters shown: said by its one key.
        var text = ScenarioFolder.Header + "steps: " + string.Concat(Enumerable.Repeat("{a: ", 63)) + "1" + new string('}', 63) + "\n";

        var error = Refused(Kind.Scenario, text);

        Assert.Equal("'steps' must be a list, not a mapping of 1 key", error.Problem);
    }

    [Fact]
    public void Old_Mac_line_ends_give_the_same_places_as_line_feeds()
    {
        // "to: USA" is on line 6 in both spellings; "USA" starts at column 11 of "      to: USA".
        const string body = "steps:\n  - id: offer\n    propose:\n      from: JP\n      to: USA\n      terms: { tpp-11: 80 }\n";
        var lf = Refused(Kind.Scenario, ScenarioFolder.Header + body);
        var cr = Refused(Kind.Scenario, (ScenarioFolder.Header + body).Replace('\n', '\r'));

        Assert.Equal((7, 11), (lf.Position.Line, lf.Position.Column));
        Assert.Equal((7, 11), (cr.Position.Line, cr.Position.Column));
        Assert.StartsWith("unknown actor 'USA'", cr.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void An_error_at_the_end_of_the_file_is_placed_on_its_last_line(string lineEnd)
    {
        // Five lines; the last, "    rounds: [1", is 14 characters, so the end is line 5, column 15,
        // whether or not a line end follows it (the parser itself says line 6, past the end).
        var text = string.Join(lineEnd, "scenario: s", "world: w.yaml", "steps:", "  - id: a", "    rounds: [1");
        foreach (var ending in new[] { "", lineEnd })
        {
            var error = Refused(Kind.Scenario, text + ending);

            Assert.Equal((5, 15), (error.Position.Line, error.Position.Column));
            Assert.StartsWith("this is not valid YAML: the file ends here", error.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_merge_key_brings_the_anchored_keys_and_the_mapping_s_own_keys_win()
    {
        // Step b merges a's proposal (from JP, to US, terms tpp-11: 80) and writes its own terms (tpp-11: 70).
        var (file, _) = _folder.Write("""
            steps:
              - id: a
                propose: &base
                  from: JP
                  to: US
                  terms: { tpp-11: 80 }
              - id: b
                propose:
                  <<: *base
                  terms: { tpp-11: 70 }
            """);

        var steps = ScenarioFile.Load(file).Scenario.Steps.OfType<Summits.Model.ProposeStep>().ToArray();

        Assert.Equal(["a", "b"], steps.Select(s => s.Id));
        Assert.All(steps, s => Assert.Equal("JP", s.From));
        Assert.All(steps, s => Assert.Equal(["US"], s.To.ToArray()));
        Assert.Equal(("tpp-11", 80.0), (steps[0].Terms.Single().Topic, steps[0].Terms.Single().Value));
        Assert.Equal(("tpp-11", 70.0), (steps[1].Terms.Single().Topic, steps[1].Terms.Single().Value));
    }

    [Fact]
    public void A_list_of_merged_mappings_gives_the_first_its_way()
    {
        const string text = "a: &a { x: 1, y: 1 }\nb: &b { y: 2, z: 2 }\nc:\n  <<: [*a, *b]\n  z: 3\n";

        var root = YamlDocument.LoadMapping("m.yaml", text);

        // c's own z wins over b's; y is named by a first, so a's y wins; x comes from a.
        var c = (YamlDotNet.RepresentationModel.YamlMappingNode)root["c"];
        Assert.Equal(new[] { ("z", "3"), ("x", "1"), ("y", "1") },
            c.Children.Select(p => (p.Key.ToString(), p.Value.ToString())));
    }

    [Fact]
    public void A_merge_key_that_names_no_mapping_is_refused_at_its_value()
    {
        // Line 4 is "  <<: plain": the value starts at column 7.
        var error = Refused(Kind.Scenario, ScenarioFolder.Header + "steps:\n  <<: plain\n");

        Assert.Equal((4, 7), (error.Position.Line, error.Position.Column));
        Assert.StartsWith("'<<' merges mappings into this one", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Kind.World)]
    [InlineData(Kind.Scenario)]
    public void A_place_after_an_emoji_counts_the_emoji_as_one_column(Kind kind)
    {
        // Line 3 is `a: { note: "😀", b: *nowhere }`: `a: { note: ` (11 characters), `"😀"` (3: the emoji is one
        // character, though two UTF-16 units), `, ` (2) and `b: ` (3) are 19 characters before the alias, at column 20.
        var alias = Refused(kind, Opening(kind) + "a: { note: \"😀\", b: *nowhere }\n");
        Assert.Equal((3, 20), (alias.Position.Line, alias.Position.Column));

        // A place taken from a node once the file is read: line 3 is `steps: { note: "😀", <<: plain }`, and
        // `steps: { note: ` (15), `"😀"` (3), `, ` (2) and `<<: ` (4) put 'plain' at column 25.
        var merge = Refused(kind, Opening(kind) + "steps: { note: \"😀\", <<: plain }\n");
        Assert.Equal((3, 25), (merge.Position.Line, merge.Position.Column));

        // A key written twice, both places in the words and the second the error's: line 3 is `a: { "😀": 1, b: 2, b: 3 }`;
        // `a: { ` (5), `"😀"` (3) and `: 1, ` (5) put the first b at column 14, and `b: 2, ` (6) the second at 20.
        var twice = Refused(kind, Opening(kind) + "a: { \"😀\": 1, b: 2, b: 3 }\n");
        Assert.Equal((3, 20), (twice.Position.Line, twice.Position.Column));
        Assert.Contains("(first at line 3, column 14)", twice.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_after_an_emoji_counts_the_emoji_as_one_column()
    {
        // Line 3 is `a: [😀, }`: `a: [` (4 characters), the emoji (1) and `, ` (2) put the '}' that cannot close a
        // list at column 8 (9 in UTF-16 units).
        var error = Refused(Kind.Scenario, ScenarioFolder.Header + "a: [😀, }\n");

        Assert.Equal((3, 8), (error.Position.Line, error.Position.Column));
        Assert.StartsWith("this is not valid YAML", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_end_of_a_file_whose_last_line_holds_an_emoji_counts_it_as_one_column()
    {
        // The last line, `    rounds: [😀`, is 4 spaces, `rounds: [` (9) and the emoji (1): 14 characters, so the
        // end is column 15 (16 in UTF-16 units).
        var error = Refused(Kind.Scenario, "scenario: s\nworld: w.yaml\nsteps:\n  - id: a\n    rounds: [😀");

        Assert.Equal((5, 15), (error.Position.Line, error.Position.Column));
        Assert.StartsWith("this is not valid YAML: the file ends here", error.Problem, StringComparison.Ordinal);
    }
}
