namespace Summits.Scenarios.Tests;

/// <summary>
/// A key given a value of the wrong kind says what kind of value it takes, and what it found instead, the same way for
/// every key: a single value quoted as written (<c>not '0.6'</c>), a list or a mapping with its items (<c>not a list ([42])</c>).
/// </summary>
public sealed class ExpectedValueTests
{
    private static readonly string World = TempScenario.World("50", "[45, 55]", "0.5", "[0.4, 0.6]");

    /// <summary>A scenario on the two-actor world: line 1 its name, 2 its world, 3 <paramref name="third"/>, 4 'steps:', 5 on <paramref name="steps"/>.</summary>
    private static string Scenario(string third, string steps = "  - rounds: 1") =>
        $"scenario: s\nworld: world.yaml\n{third}\nsteps:\n{steps}\n";

    private static InputException Fails(string scenario) =>
        Assert.Throws<InputException>(() => ScenarioFile.Load(TempScenario.Write(World, scenario)));

    [Theory]
    // 'seed: ' is 6 characters, so the list starts at column 7 of line 3.
    [InlineData("seed: [42]", "  - rounds: 1", 3, 7, "'seed' must be a whole number from 0 to 18446744073709551615, not a list ([42])")]
    [InlineData("seed: { a: 1 }", "  - rounds: 1", 3, 7, "'seed' must be a whole number from 0 to 18446744073709551615, not a mapping ({ a: 1 })")]
    // 'about' takes text; 'about: ' is 7 characters, so the list is at 3:8.
    [InlineData("about: [one, two]", "  - rounds: 1", 3, 8, "'about' must be text (a single value), not a list ([one, two])")]
    // '  - rounds: ' is 12 characters: the list at column 13 of line 5; a rounds step's count is 1 to 100000.
    [InlineData("about: x", "  - rounds: [5]", 5, 13, "'rounds' must be a whole number from 1 to 100000, not a list ([5])")]
    // The proposal's 'from' at column 33 (counted in the line below); the world's actors are A and B.
    [InlineData("about: x", "  - { id: ask, propose: { from: [A], to: [B], terms: { t: 50 } } }", 5, 33, "'from' must be an actor id, one of A or B, not a list ([A])")]
    public void A_single_value_key_given_a_list_or_mapping_says_the_kind_of_value_it_takes(string third, string steps, int line, int column, string problem)
    {
        var error = Fails(Scenario(third, steps));
        Assert.Equal((line, column, problem), (error.Position.Line, error.Position.Column, error.Problem));
    }

    [Fact]
    public void The_format_given_a_list_says_the_formats_there_are()
    {
        // 'format: ' is 8 characters: the list at 1:9. Format 2 is the newest.
        var error = Fails("format: [2]\n" + Scenario("about: x"));
        Assert.Equal((1, 9, "'format' must be a whole number, 1 to 2, not a list ([2])"), (error.Position.Line, error.Position.Column, error.Problem));
    }

    [Theory]
    // "  - { salience: B, topic: t, range: " is 36 characters: the 0.6 at column 37 of line 4 (after 'vary:' on line 3).
    [InlineData("vary:\n  - { salience: B, topic: t, range: 0.6 }", "  - rounds: 1", 4, 37, "'range' must be a pair [low, high] between 0 and 1, not '0.6'")]
    // 'terms' at column 52 of the proposal's line.
    [InlineData("about: x", "  - { id: ask, propose: { from: A, to: [B], terms: [50] } }", 5, 52, "'terms' must be a mapping of keys to values, not a list ([50])")]
    // 'propose: ' ends at column 13: the list at 14.
    [InlineData("about: x", "  - propose: [a]", 5, 14, "expected a proposal as a mapping of keys to values, not a list ([a])")]
    // 'steps' given a single value: 'steps: ' is 7 characters, so the 5 is at 4:8 (no step lines follow).
    [InlineData("about: x", "", 4, 8, "'steps' must be a list, not '5'")]
    // 'model' misspelt: quoted as found, with the model meant.
    [InlineData("model: spm", "  - rounds: 1", 3, 8, "'model' must be smp (KTAB's spatial model of politics), bargaining or a mapping of the bargaining model's parameters, not 'spm' (did you mean 'smp'?)")]
    public void Every_expected_value_message_quotes_what_it_found(string third, string steps, int line, int column, string problem)
    {
        var text = steps.Length == 0 ? $"scenario: s\nworld: world.yaml\n{third}\nsteps: 5\n" : Scenario(third, steps);
        var error = Fails(text);
        Assert.Equal((line, column, problem), (error.Position.Line, error.Position.Column, error.Problem));
    }

    [Fact]
    public void A_block_scalar_is_quoted_on_one_line()
    {
        // 'steps: |' with the lines 12 and 34: the value is "12\n34\n"; its last line break left out and the other said
        // as a space, it is quoted as '12 34', and the error stays on one line.
        var error = Fails("scenario: s\nworld: world.yaml\nsteps: |\n  12\n  34\n");
        Assert.Equal("'steps' must be a list, not '12 34'", error.Problem);
    }

    [Fact]
    public void A_long_single_value_is_cut_at_40_characters()
    {
        // "abcde" twelve times is 60 characters: the first 40, "abcde" eight times, then '…'.
        var error = Fails($"scenario: s\nworld: world.yaml\nsteps: {string.Concat(Enumerable.Repeat("abcde", 12))}\n");
        Assert.Equal($"'steps' must be a list, not '{string.Concat(Enumerable.Repeat("abcde", 8))}…'", error.Problem);
    }

    [Fact]
    public void A_long_list_is_said_by_its_count()
    {
        // Twenty items of two characters and their separators run past the 40 characters shown: the count instead.
        var items = string.Join(", ", Enumerable.Range(10, 20));
        var error = Fails(Scenario($"seed: [{items}]"));
        Assert.Equal("'seed' must be a whole number from 0 to 18446744073709551615, not a list of 20 items", error.Problem);
    }

    [Theory]
    // '  - fork: ' is 10 characters: the list at column 11 of line 5, the fork being the scenario's one step.
    [InlineData("  - fork: [press, wait]", 11, "'fork' must be a mapping of branch names to their steps, for example 'fork: { press: [{ rounds: 5 }], wait: [{ rounds: 5 }] }', not a list ([press, wait])")]
    // '  - fork: { ' is 12 characters and 'press: ' 7 more: its 5 at column 20.
    [InlineData("  - fork: { press: 5 }", 20, "the branch 'press' must be a list of at least one step, for example 'press: [{ rounds: 5 }]', not '5'")]
    public void A_fork_given_another_shape_is_shown_the_shape_it_takes(string steps, int column, string problem)
    {
        var error = Fails(Scenario("about: x", steps));
        Assert.Equal((5, column, problem), (error.Position.Line, error.Position.Column, error.Problem));
    }
}
