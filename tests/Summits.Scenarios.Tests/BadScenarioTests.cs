using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// Each kind of mistake in a scenario file is one line naming the file, the line and column of the
/// mistake, what is wrong and, where the choices are few, the valid ones; and nothing loads.
/// </summary>
public sealed class BadScenarioTests : IDisposable
{
    private readonly ScenarioFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string[] Actors = ["JP", "US", "CN", "KP"];

    /// <summary>Loads the file, expects it to fail at the <paramref name="occurrence"/>-th <paramref name="at"/>, and returns the error.</summary>
    private static InputException FailsAt((string File, string Text) scenario, string at, int occurrence = 1) =>
        ScenarioFolder.FailsAt(scenario, () => ScenarioFile.Load(scenario.File), at, occurrence);

    [Fact]
    public void A_YAML_syntax_error_is_reported_where_the_parser_stopped()
    {
        var scenario = _folder.Write("about: one: two\nsteps:\n  - rounds: 1\n");
        var error = FailsAt(scenario, ": two");
        Assert.StartsWith("this is not valid YAML: ", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    // A key indented one space short of the keys after it: YAML takes 'from: US' for the proposal's one value and
    // stops at 'to:' below with "found invalid mapping". The line to mend is the one above: 5 spaces where 'to' and
    // 'terms' have 6.
    [InlineData("steps:\n  - id: a\n    propose:\n     from: US\n      to: [JP]\n      terms: { tpp-11: 50 }\n", "from: US", "'from: US' is indented 5 spaces, but the key after it 6; indent the keys of one mapping alike, here 6 spaces")]
    // 'from' at the depth of 'propose' (4) with 'to' and 'terms' at 6 below: again the line above is the odd one.
    [InlineData("steps:\n  - id: a\n    propose:\n    from: US\n      to: [JP]\n      terms: { tpp-11: 50 }\n", "from: US", "'from: US' is indented 4 spaces, but the key after it 6; indent the keys of one mapping alike, here 6 spaces")]
    // 'to' two spaces deeper than 'from' above it and 'terms' below it, both at 6: 'to' is the odd one.
    [InlineData("steps:\n  - id: a\n    propose:\n      from: US\n        to: [JP]\n      terms: { tpp-11: 50 }\n", "to: [JP]", "'to: [JP]' is indented 8 spaces, but the key before it 6; indent the keys of one mapping alike, here 6 spaces")]
    // A list item's first key begins after its '- ': 'id' at 4, so 'rounds' at 5 is a space deeper than its sibling,
    // and 'topics' back at 4 below it says 'rounds' is the odd one.
    [InlineData("steps:\n  - id: bargain\n     rounds: 5\n    topics: [tpp-11]\n", "rounds: 5", "'rounds: 5' is indented 5 spaces, but the key before it 4; indent the keys of one mapping alike, here 4 spaces")]
    // The same for a key that opens a mapping: 'propose:' at 5 under '- id:' whose key is at 4.
    [InlineData("steps:\n  - id: ask\n     propose:\n       from: US\n       to: [JP]\n       terms: { tpp-11: 50 }\n", "propose:", "'propose:' is indented 5 spaces, but the key before it 4; indent the keys of one mapping alike, here 4 spaces")]
    // After a flow value ('to: [JP]' at 6), a key at 7 is one YAML did not expect ("did not find expected key"): it
    // is the odd one, the next step's '- ' being shallower.
    [InlineData("steps:\n  - id: ask\n    propose:\n      from: US\n      to: [JP]\n       terms: { tpp-11: 50 }\n  - rounds: 1\n", "terms: { tpp-11: 50 }", "'terms: { tpp-11: 50 }' is indented 7 spaces, but the key before it 6; indent the keys of one mapping alike, here 6 spaces")]
    public void A_key_indented_unlike_its_neighbours_is_said_as_an_indentation_mistake_at_its_line(string body, string at, string problem)
    {
        var error = FailsAt(_folder.Write(body), at);
        Assert.Equal("this is not valid YAML, most likely an indentation mistake: " + problem, error.Problem);
    }

    [Fact]
    public void An_unknown_step_kind_lists_the_step_kinds()
    {
        var scenario = _folder.Write("steps:\n  - rounds: 1\n  - id: talk\n    negotiate: { from: JP, to: US }\n");
        var error = FailsAt(scenario, "id: talk");
        // 'negotiate' is far from every kind (propose and expect, the nearest, are 7 edits away; 4 is the most allowed): no guess, only the list.
        Assert.Contains("unknown step kind 'negotiate'; ", error.Problem);
        Assert.Contains("expected one of propose, respond, shock, rounds, expect or fork", error.Problem);
    }

    [Fact]
    public void An_unknown_actor_lists_the_known_actors()
    {
        var scenario = _folder.Write("steps:\n  - propose: { from: JP, to: [US, XX], terms: { tpp-11: 50 } }\n");
        var error = FailsAt(scenario, "XX");
        Assert.Contains("unknown actor 'XX'", error.Problem);
        // Listed as English lists them, "and" before the last: "JP, US, CN and KP".
        Assert.Contains($"known actors: {string.Join(", ", Actors[..^1])} and {Actors[^1]}", error.Problem);
    }

    [Fact]
    public void An_unknown_topic_lists_the_known_topics()
    {
        var scenario = _folder.Write("steps:\n  - rounds: 2\n    topics: [tpp-11, tpp-12]\n");
        var error = FailsAt(scenario, "tpp-12");
        var topics = WorldFile.Load(RepoFiles.SeedWorld).Topics.Select(t => t.Id).ToList();
        Assert.Contains("unknown topic 'tpp-12'", error.Problem);
        Assert.Contains($"known topics: {string.Join(", ", topics[..^1])} and {topics[^1]}", error.Problem);
    }

    [Theory]
    [InlineData("steps:\n  - propose: { from: JP, to: US, terms: { tpp-11: 150 } }\n", "150", "'tpp-11' must be a number from 0 to 100, not 150")]
    [InlineData("model: { influence-rate: 2 }\nsteps:\n  - rounds: 1\n", "2 }", "'influence-rate' must be a number from 0 to 1, not 2")]
    [InlineData("steps:\n  - rounds: 0\n", "0\n", "'rounds' must be a whole number from 1 to 100000, not 0")]
    [InlineData("steps:\n  - propose: { from: JP, to: US, deadline: 0, terms: { tpp-11: 50 } }\n", "0, terms", "'deadline' must be a whole number from 1 to 10000, not 0")]
    [InlineData("steps:\n  - shock:\n      reason: a scare\n      changes:\n        - salience: JP\n          topic: tpp-11\n          to: 1.5\n", "1.5", "'to' must be a number from 0 to 1, not 1.5")]
    [InlineData("steps:\n  - shock:\n      reason: a thaw\n      changes:\n        - affinity: JP\n          toward: CN\n          by: 3\n", "3\n", "'by' must be a number from -2 to 2, not 3")]
    [InlineData("steps:\n  - expect:\n      position: { actor: JP, topic: tpp-11, range: [40, 120] }\n", "120", "'range' must be a number from 0 to 100, not 120")]
    public void A_value_out_of_range_states_the_range(string body, string at, string problem)
    {
        var error = FailsAt(_folder.Write(body), at);
        Assert.Equal(problem, error.Problem);
    }

    // Every topic of the seed is held by JP and US alone: 3-of-n could never be met there.
    [Fact]
    public void A_k_of_n_rule_asking_for_more_parties_than_a_topic_has_names_the_topics_parties()
    {
        var scenario = _folder.Write("steps:\n  - rounds: 2\n    topics: [tpp-11]\n    rule: 3-of-n\n");
        var error = FailsAt(scenario, "3-of-n");
        Assert.Equal("'3-of-n' asks for 3 parties, but 'tpp-11' has only 2: JP and US; k must be at most the parties of every topic the rounds cover", error.Problem);
    }

    [Fact]
    public void A_k_of_n_rule_over_every_topic_is_checked_against_each_of_them()
    {
        var scenario = _folder.Write("steps:\n  - rounds: 2\n    rule: 3-of-n\n");
        Assert.Contains("has only 2: JP and US", FailsAt(scenario, "3-of-n").Problem);
    }

    [Fact]
    public void A_misspelt_actor_names_the_nearest_actor()
    {
        var scenario = _folder.Write("steps:\n  - propose: { from: JPP, to: [US], terms: { tpp-11: 50 } }\n");
        var error = FailsAt(scenario, "JPP");
        // 'JPP' is one deletion from JP, within the nearness allowed (at least 2 edits) and nearer than its 3
        // letters; US, CN and KP are 3 edits away. The list follows, all of it, in the world's order.
        Assert.Equal($"unknown actor 'JPP' (did you mean 'JP'?); known actors: {string.Join(", ", Actors[..^1])} and {Actors[^1]}", error.Problem);
    }

    [Fact]
    public void A_misspelt_topic_names_the_nearest_topic()
    {
        var scenario = _folder.Write("steps:\n  - rounds: 2\n    topics: [tpp-11, tpp-12]\n");
        var error = FailsAt(scenario, "tpp-12");
        // 'tpp-12' is one substitution from tpp-11; every other topic id is longer and many edits away.
        Assert.StartsWith("unknown topic 'tpp-12' (did you mean 'tpp-11'?); known topics: ", error.Problem);
    }

    [Fact]
    public void A_misspelt_event_kind_names_the_nearest_kind()
    {
        var scenario = _folder.Write("steps:\n  - rounds: 1\n  - expect:\n      event: { kind: agreement-mad, happened: false }\n");
        var error = FailsAt(scenario, "agreement-mad");
        // 'agreement-mad' is the start of agreement-made (one insertion); the kinds are listed whole after it.
        Assert.StartsWith("'kind' must be one of proposal, accept, ", error.Problem);
        Assert.EndsWith(", not 'agreement-mad' (did you mean 'agreement-made'?)", error.Problem);
    }

    [Fact]
    public void An_unknown_actor_far_from_every_actor_gets_only_the_list()
    {
        var scenario = _folder.Write("steps:\n  - propose: { from: Germany, to: [US], terms: { tpp-11: 50 } }\n");
        var error = FailsAt(scenario, "Germany");
        // 'Germany' is 7 edits from each two-letter id, further than half its length: no guess, only the list.
        Assert.Equal($"unknown actor 'Germany'; known actors: {string.Join(", ", Actors[..^1])} and {Actors[^1]}", error.Problem);
    }

    [Fact]
    public void An_opener_must_be_a_known_actor()
    {
        var scenario = _folder.Write("steps:\n  - rounds: 2\n    opener: XX\n");
        Assert.Contains("unknown actor 'XX'", FailsAt(scenario, "XX").Problem);
    }

    [Fact]
    public void A_proposal_to_oneself_names_the_others()
    {
        var scenario = _folder.Write("steps:\n  - propose:\n      from: JP\n      to: [US, JP]\n      terms: { tpp-11: 50 }\n");
        var error = FailsAt(scenario, "[US, JP]");
        Assert.Contains("JP cannot propose to itself", error.Problem);
        Assert.Contains("US, CN and KP", error.Problem);
    }

    [Fact]
    public void An_empty_package_asks_for_a_topic_and_value()
    {
        var scenario = _folder.Write("steps:\n  - propose: { from: JP, to: US, terms: {} }\n");
        var error = FailsAt(scenario, "{} }");
        Assert.Contains("'terms' is an empty package", error.Problem);
        Assert.Contains("name at least one topic with its value", error.Problem);
    }

    [Theory]
    [InlineData("steps:\n  - propose: { from: JP, terms: { tpp-11: 50 } }\n", "{ from", "a proposal is missing the required key 'to'")]
    [InlineData("steps:\n  - shock:\n      changes:\n        - capability: KP\n          by: 0.1\n", "changes", "a shock is missing the required key 'reason'")]
    [InlineData("seed: 3\n", "scenario", "the scenario is missing the required key 'steps'")]
    public void A_missing_required_key_is_named(string body, string at, string problem)
    {
        var error = FailsAt(_folder.Write(body), at);
        Assert.Equal(problem, error.Problem);
    }

    [Theory]
    // Each required key misspelt: 'trems' is 'terms' with two neighbouring letters swapped (one edit),
    // 'reasn' is 'reason' less an o (one edit), 'setps' is 'steps' with e and t swapped (one edit). Before,
    // each said that the mapping lacked the key, at the mapping; the mistake is the misspelt key, so the
    // error points at it and names the key meant, first among the valid keys (it is the one key one edit away).
    [InlineData("steps:\n  - propose: { from: JP, to: [US], trems: { tpp-11: 50 } }\n", "trems", "trems", "terms", "a proposal")]
    [InlineData("steps:\n  - shock:\n      reasn: a scare\n      changes:\n        - capability: KP\n          by: 0.1\n", "reasn", "reasn", "reason", "a shock")]
    [InlineData("setps:\n  - rounds: 1\n", "setps", "setps", "steps", "the scenario")]
    public void A_misspelt_required_key_is_an_unknown_key_naming_the_one_meant(string body, string at, string key, string meant, string what)
    {
        var error = FailsAt(_folder.Write(body), at);
        Assert.StartsWith($"unknown key '{key}' in {what}; did you mean '{meant}'? (valid keys, closest first: {meant}", error.Problem);
    }

    [Theory]
    // A misspelt key read before any other of its mapping: each error lists every key the mapping may hold,
    // closest to the misspelling first (ties in the order the docs list them), not just the keys read so far.
    // By hand, edits from 'form': from 1 (o and r swapped), to 3, terms 3, rule 4, deadline 8.
    [InlineData("steps:\n  - propose: { form: JP, to: [US], terms: { tpp-11: 50 } }\n", "form", "a proposal", "from",
        "from, to, terms, rule or deadline")]
    // From 'topc': topic 1 (an i left out), range 5, choices 5, position 7, salience 7, strategy 7, capability 9.
    [InlineData("vary:\n  - { salience: JP, topc: trade-imbalance, range: [0.5, 0.9] }\nsteps:\n  - rounds: 1\n", "topc", "a varied input", "topic",
        "topic, range, choices, position, salience, strategy or capability")]
    // From 'reasn': reason 1, risk 3, name 4, leader 4, id 5, strategy 7, curvature 7, affinity 7, acceptance 8,
    // capability 9.
    [InlineData("actors:\n  - { id: XX, reasn: a new actor, name: X, capability: 0.5 }\nsteps:\n  - rounds: 1\n", "reasn", "an actor override", "reason",
        "reason, risk, name, leader, id, strategy, curvature, affinity, acceptance or capability")]
    public void A_misspelt_first_key_lists_every_key_of_its_mapping(string body, string at, string what, string meant, string keys)
    {
        var error = FailsAt(_folder.Write(body), at);
        Assert.Equal($"unknown key '{at}' in {what}; did you mean '{meant}'? (valid keys, closest first: {keys})", error.Problem);
    }

    [Fact]
    public void A_misspelt_key_at_the_start_of_a_scenario_lists_every_key_of_one()
    {
        // 'senario' is the file's first key, so when 'scenario' is found missing no other key has been read;
        // the error still names all eleven a scenario may hold, closest first. By hand, edits from 'senario':
        // scenario 1 (a c put in); seed 5 and vary 5; world, actors and steps 6; format, about, model, topics
        // and positions 7; ties in the order docs/scenarios.md lists the keys.
        var scenario = _folder.WriteRaw($"senario: test\nworld: '{RepoFiles.SeedWorld.Replace("'", "''")}'\nsteps:\n  - rounds: 1\n");
        var error = FailsAt(scenario, "senario");
        Assert.Equal("unknown key 'senario' in the scenario; did you mean 'scenario'? "
            + "(valid keys, closest first: scenario, seed, vary, world, actors, steps, format, about, model, topics or positions)", error.Problem);
    }

    [Theory]
    // A misspelt key is said before any check of what its mapping holds, which would otherwise take the mapping
    // for one without that key. 'agreemnt' is 'agreement' less an e (one edit): before, the expect step was
    // said to need one of agreement, position, event or order, and the typo was never named.
    [InlineData("steps:\n  - rounds: 1\n  - expect:\n      agreemnt: { topic: tpp-11, exists: true }\n", "agreemnt", "an expectation", "agreement", "agreement, event, order, position, because")]
    // 'capabilty' is 'capability' less an i (one edit): before, the entry was said to name none of the kinds.
    [InlineData("vary:\n  - { capabilty: JP, range: [0.2, 0.4] }\nsteps:\n  - rounds: 1\n", "capabilty", "a varied input", "capability", "capability, strategy, topic, choices, position, salience, range")]
    // 'becuase' is 'because' with u and a swapped (one edit), an optional key beside keys that are all right.
    [InlineData("steps:\n  - respond: { actor: US, to: offer, answer: accept, becuase: fair }\n  - id: offer\n    propose: { from: JP, to: [US], terms: { tpp-11: 50 } }\n", "becuase", "a scripted answer", "because", "because, actor, answer, terms, to")]
    // 'topic' is 'topics' less its s, beside a rounds step's count: a step's keys are checked once its kind is known.
    [InlineData("steps:\n  - rounds: 1\n    topic: [tpp-11]\n", "topic", "a step", "topics", "topics, id, propose, respond, shock, rounds, expect, fork, rule, opener")]
    public void A_misspelt_key_is_named_before_what_its_mapping_lacks(string body, string at, string what, string meant, string keys)
    {
        var error = FailsAt(_folder.Write(body), at);
        Assert.StartsWith($"unknown key '{at}' in {what}; did you mean '{meant}'? (valid keys, closest first: {meant}, ", error.Problem);
        // Every key the mapping may hold is listed, whatever their order after the one meant.
        foreach (var key in keys.Split(", "))
            Assert.Contains(key, error.Problem[error.Problem.IndexOf("(valid keys", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void A_misspelt_fork_is_named_as_the_fork_step_it_meant()
    {
        // 'forks' is 'fork' and an s (one edit, within the two allowed); every other kind is three or more edits
        // away. A fork is a step kind like the others (docs/whatif.md), so it is listed with them, last.
        var scenario = _folder.Write("steps:\n  - rounds: 1\n  - forks:\n      wait: [ { rounds: 1 } ]\n");
        var error = FailsAt(scenario, "forks");
        Assert.Equal("unknown step kind 'forks' (did you mean 'fork'?); expected one of propose, respond, shock, rounds, expect or fork", error.Problem);
    }

    [Fact]
    public void Varying_a_position_of_an_actor_with_none_says_it_holds_none()
    {
        // In the seed, CN holds no position on any topic (every topic is held by JP and US alone): the list of the
        // topics it holds would be empty, so the error says it holds none and what of CN can be varied instead.
        var scenario = _folder.Write("vary:\n  - { salience: CN, topic: bilateral-fta, range: [0.5, 0.9] }\nsteps:\n  - rounds: 1\n");
        var error = FailsAt(scenario, "bilateral-fta");
        Assert.Equal("CN holds no position on 'bilateral-fta' to vary; CN holds no positions at all, so only its capability or strategy can be varied, "
            + "for example '{ capability: CN, range: [0.2, 0.4] }'", error.Problem);
    }

    [Fact]
    public void An_answer_in_a_scenario_without_proposals_says_there_are_none()
    {
        // No step proposes, so the proposals that 'to' may name are none: said so, not as an empty list.
        var scenario = _folder.Write("steps:\n  - respond: { actor: US, to: offer, answer: accept }\n");
        var error = FailsAt(scenario, "offer");
        Assert.Equal("'to' names no propose step: 'offer'; this scenario has no propose step to answer, so add one with that id", error.Problem);
    }

    [Theory]
    // 'to' takes one actor (to: US) or a list of them (to: [US, CN]); a mapping, or a list inside the list, is
    // neither. The examples use the seed's first two actors, JP and US; the actors are listed as the world has them.
    [InlineData("steps:\n  - propose: { from: US, to: { JP: 1 }, terms: { tpp-11: 50 } }\n", "{ JP", "a mapping")]
    [InlineData("steps:\n  - propose: { from: US, to: [JP, [CN]], terms: { tpp-11: 50 } }\n", "[CN]", "a list within the list")]
    public void A_to_that_is_no_actor_nor_list_says_what_it_takes(string body, string at, string given)
    {
        var error = FailsAt(_folder.Write(body), at);
        Assert.Equal($"'to' must be an actor or a list of actors, for example 'to: JP' or 'to: [JP, US]', not {given}; known actors: JP, US, CN and KP", error.Problem);
    }

    [Fact]
    public void A_world_file_given_as_a_scenario_is_said_to_be_one_with_the_command_that_runs_it()
    {
        // A world file given as a scenario holds no 'scenario' key nor one two edits from it ('world', 'title' and
        // 'actors' are 5 or more edits away), and holds 'world' and 'actors' without 'steps': it is a world, said
        // at the top mapping with the command that runs a world, not as a missing key or an unknown one.
        var scenario = _folder.WriteRaw("world: abe\ntitle: A world\nactors:\n  - { id: JP, name: Japan, capability: 0.5 }\n");
        var error = FailsAt(scenario, "world");
        Assert.Equal($"this is a world file, not a scenario file; summits run --world {scenario.File} runs it", error.Problem);
    }

    [Fact]
    public void A_scenario_without_its_key_is_still_said_to_lack_it()
    {
        // 'world' and 'steps' but no 'scenario': a scenario that forgot its name, not a world (a world has no steps).
        var scenario = _folder.WriteRaw("world: w.yaml\nsteps:\n  - rounds: 1\n");
        var error = FailsAt(scenario, "world");
        Assert.Equal("the scenario is missing the required key 'scenario'", error.Problem);
    }

    [Fact]
    public void A_key_two_edits_from_a_short_key_is_not_taken_for_it()
    {
        // 'id' is no key of a proposal, and is two substitutions from 'to', more than the one edit allowed for a key
        // of four letters or fewer: it is an unknown key, said at its place before the missing 'to', with no guess.
        // The keys closest first, by hand: to 2 edits; from and rule 4 (no letter shared, two more letters); terms 5;
        // deadline 7 (one letter kept of eight).
        var scenario = _folder.Write("steps:\n  - propose: { id: x, from: JP, terms: { tpp-11: 50 } }\n");
        var error = FailsAt(scenario, "id: x");
        Assert.Equal("unknown key 'id' in a proposal; expected one of to, from, rule, terms or deadline", error.Problem);
    }

    [Fact]
    public void A_step_id_used_twice_is_reported_at_its_second_use()
    {
        var scenario = _folder.Write("steps:\n  - id: offer\n    rounds: 1\n  - id: offer\n    rounds: 2\n");
        var error = FailsAt(scenario, "offer", occurrence: 2);
        Assert.Contains("the step id 'offer' is used twice", error.Problem);
        Assert.Contains("step ids must be unique", error.Problem);
    }

    [Fact]
    public void A_package_naming_a_topic_twice_says_so_where_it_is_named_again()
    {
        var scenario = _folder.Write("steps:\n  - propose:\n      from: JP\n      to: US\n      terms:\n        tpp-11: 40\n        trade-imbalance: 30\n        tpp-11: 50\n");
        var error = FailsAt(scenario, "tpp-11", occurrence: 2);
        var (line, column) = ScenarioFolder.Find(scenario.Text, "tpp-11");
        Assert.Equal($"'terms' names 'tpp-11' twice (first at line {line}, column {column}); name each key once", error.Problem);
    }

    [Fact]
    public void A_package_in_flow_style_naming_a_topic_twice_says_so_too()
    {
        var scenario = _folder.Write("steps:\n  - propose: { from: JP, to: US, terms: { tpp-11: 40, tpp-11: 50 } }\n");
        var error = FailsAt(scenario, "tpp-11", occurrence: 2);
        Assert.Contains("'terms' names 'tpp-11' twice", error.Problem);
    }

    [Fact]
    public void A_scripted_answer_to_an_unknown_proposal_lists_the_proposals()
    {
        var scenario = _folder.Write("steps:\n  - respond: { actor: US, to: nope, answer: accept }\n  - id: offer\n    propose: { from: JP, to: US, terms: { tpp-11: 50 } }\n");
        var error = FailsAt(scenario, "nope");
        Assert.Equal("'to' names no propose step: 'nope'; proposals in this scenario: offer", error.Problem);
    }

    [Fact]
    public void A_scripted_answer_after_its_proposal_is_refused()
    {
        var scenario = _folder.Write("steps:\n  - id: offer\n    propose: { from: JP, to: US, terms: { tpp-11: 50 } }\n  - respond: { actor: US, to: offer, answer: accept }\n");
        var error = FailsAt(scenario, "offer", occurrence: 2);
        Assert.Equal("the scripted answer to 'offer' must come before that proposal, which is step 1", error.Problem);
    }

    [Fact]
    public void A_scripted_answer_by_an_actor_the_proposal_does_not_reach_names_its_recipients()
    {
        var scenario = _folder.Write("steps:\n  - respond: { actor: CN, to: offer, answer: reject }\n  - id: offer\n    propose: { from: JP, to: US, terms: { tpp-11: 50 } }\n");
        var error = FailsAt(scenario, "offer");
        Assert.Equal("CN does not receive 'offer'; its recipients are US", error.Problem);
    }

    [Fact]
    public void A_shock_to_the_salience_of_a_position_the_actor_does_not_hold_is_refused()
    {
        var scenario = _folder.Write("steps:\n  - shock:\n      reason: a scare\n      changes:\n        - salience: CN\n          topic: tpp-11\n          to: 0.5\n");
        var error = FailsAt(scenario, "tpp-11");
        Assert.Equal("CN holds no position on 'tpp-11', so its salience cannot change", error.Problem);
    }

    [Fact]
    public void A_shock_to_a_position_the_actor_does_not_hold_asks_for_a_salience()
    {
        var scenario = _folder.Write("steps:\n  - shock:\n      reason: a scare\n      changes:\n        - position: CN\n          topic: tpp-11\n          to: 50\n");
        var error = FailsAt(scenario, "position: CN");
        Assert.Equal("CN holds no position on 'tpp-11': to give it one, add 'with-salience' and 'to'", error.Problem);
    }

    [Fact]
    public void A_missing_world_file_names_the_path_it_looked_for()
    {
        var scenario = _folder.WriteRaw("scenario: test\nworld: nowhere.yaml\nsteps:\n  - rounds: 1\n");
        var error = FailsAt(scenario, "nowhere.yaml");
        Assert.Equal($"the world file 'nowhere.yaml' does not exist (looked for {Path.Combine(_folder.Path, "nowhere.yaml")})", error.Problem);
    }

    [Fact]
    public void A_missing_scenario_file_is_reported_at_its_start()
    {
        var path = Path.Combine(_folder.Path, "absent.yaml");
        var error = Assert.Throws<InputException>(() => ScenarioFile.Load(path));
        Assert.Equal(new FilePosition(path, 1, 1), error.Position);
        Assert.Equal("no such scenario file", error.Problem);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("2.5")]
    [InlineData("many")]
    [InlineData("18446744073709551616")]
    public void A_bad_seed_states_what_a_seed_is(string seed)
    {
        var scenario = _folder.Write($"seed: {seed}\nsteps:\n  - rounds: 1\n");
        var error = FailsAt(scenario, seed);
        Assert.Equal($"'seed' must be a whole number from 0 to {ulong.MaxValue}, not '{seed}'", error.Problem);
    }

    [Fact]
    public void A_blank_scenario_name_is_refused()
    {
        var scenario = _folder.WriteRaw($"scenario: ''\nworld: '{RepoFiles.SeedWorld}'\nsteps:\n  - rounds: 1\n");
        var error = FailsAt(scenario, "''");
        Assert.Contains("'scenario' must name the scenario", error.Problem);
    }

    [Fact]
    public void A_scenario_name_that_cannot_key_a_grain_is_refused()
    {
        var scenario = _folder.WriteRaw($"scenario: class/table-1\nworld: '{RepoFiles.SeedWorld}'\nsteps:\n  - rounds: 1\n");
        var error = FailsAt(scenario, "class/table-1");
        Assert.Contains("'scenario' must be ASCII letters, digits, '-' or '_'", error.Problem);
    }

    [Fact]
    public void A_scenario_name_with_a_letter_outside_ASCII_is_refused_in_words_that_say_ASCII()
    {
        // 'ó' is a letter, but not an ASCII one: the words must say which letters, or "japón" would seem to fit them.
        var scenario = _folder.WriteRaw($"scenario: japón\nworld: '{RepoFiles.SeedWorld}'\nsteps:\n  - rounds: 1\n");
        var error = FailsAt(scenario, "japón");
        Assert.Equal("'scenario' must be ASCII letters, digits, '-' or '_', starting with a letter or digit, at most 64 characters (no spaces or '/'), not 'japón'",
            error.Problem);
    }

    [Fact]
    public void An_added_actor_needs_an_id_that_can_key_a_grain()
    {
        var scenario = _folder.Write("actors:\n  - id: KR/South\n    name: Korea\n    capability: 0.4\n    reason: a new party\nsteps:\n  - rounds: 1\n");
        var error = FailsAt(scenario, "KR/South");
        Assert.Contains("'id' must be ASCII letters, digits, '-' or '_'", error.Problem);
    }

    [Fact]
    public void The_same_proposal_without_a_mistake_loads()
    {
        var good = _folder.Write("steps:\n  - propose: { from: JP, to: US, terms: { tpp-11: 50 } }\n", "good.yaml");
        var loaded = ScenarioFile.Load(good.File);
        var step = Assert.IsType<ProposeStep>(Assert.Single(loaded.Scenario.Steps));
        Assert.Equal(new Term("tpp-11", 50), Assert.Single(step.Terms));
    }
}
