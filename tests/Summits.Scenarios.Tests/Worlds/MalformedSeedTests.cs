namespace Summits.Scenarios.Tests;

/// <summary>
/// Each test edits one mistake into the real seed and expects the load to fail with one line that
/// names the file, line and column, says what is wrong and, where the choices are few, lists them.
/// </summary>
public sealed class MalformedSeedTests
{
    [Fact]
    public void The_unedited_seed_loads_from_beside_the_real_file() =>
        Assert.Equal("abe-trump-2017-11-06", EditedSeed.Replace("world: abe-trump-2017-11-06", "world: abe-trump-2017-11-06").Parse().Id);

    [Fact]
    public void A_quote_that_is_not_in_the_briefing()
    {
        var seed = EditedSeed.Replace("We decided to implement further sanctions", "We decided to impose further sanctions");
        seed.FailsAt(seed.Find("\"We decided to impose", "\""),
            "does not appear verbatim", "abe-trump-summit-2017-11-06.txt", "no passage of the source reads like it");
    }

    [Fact]
    public void A_quote_with_a_straight_apostrophe_where_the_briefing_has_a_curly_one()
    {
        var seed = EditedSeed.Replace("enhancement of Japan’s defense capability.", "enhancement of Japan's defense capability.");
        var error = seed.FailsAt(seed.Find("\"Procurement of state-of-the-art", "\""),
            "does not appear verbatim", "it matches only when quote marks and spaces are made plain", "’");
        Assert.DoesNotContain("no passage", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_with_a_plain_space_where_the_briefing_has_a_no_break_space()
    {
        var seed = EditedSeed.Replace("with Japan\u00A0to the\u00A0overall", "with Japan to the overall");
        seed.FailsAt(seed.Find("\"The ratio of the trade deficit", "\""), "it matches only when quote marks and spaces are made plain");
    }

    [Fact]
    public void An_agreement_quote_that_is_not_in_the_briefing()
    {
        var seed = EditedSeed.Replace(
            "    quote: \"Abe, Trump confirmed cooperation in autos, life science, and other areas.\"",
            "    quote: \"Abe, Trump confirmed cooperation in autos and steel.\"");
        seed.FailsAt(seed.Find("quote: \"Abe, Trump confirmed cooperation in autos and steel", "\""), "does not appear verbatim");
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    public void A_value_off_the_0_to_100_scale(string value)
    {
        var seed = EditedSeed.Replace("value: 97\n    range: [92, 100]", $"value: {value}\n    range: [92, 100]");
        seed.FailsAt(seed.Find($"value: {value}\n    range: [92, 100]", value), "'value' must be a number from 0 to 100", $"not {value}");
    }

    /// <summary>
    /// A capability far off the scale is echoed compactly: 1e308 has 309 digits written out, and -1e-9 would
    /// round to -0 at three decimals; both in exponent form, while 1.5 stays 1.5.
    /// </summary>
    [Theory]
    [InlineData("1e308", "not 1E+308")]
    [InlineData("-1e-9", "not -1E-9")]
    [InlineData("1.5", "not 1.5")]
    public void A_capability_off_the_scale_is_echoed_compactly(string capability, string echoed)
    {
        var seed = EditedSeed.Replace("    capability: 0.45\n", $"    capability: {capability}\n");
        seed.FailsAt(seed.Find($"capability: {capability}", capability), "'capability' must be a number from 0 to 1", echoed);
    }

    [Fact]
    public void A_value_that_is_not_a_number()
    {
        var seed = EditedSeed.Replace("value: 97\n    range: [92, 100]", "value: high\n    range: [92, 100]");
        seed.FailsAt(seed.Find("value: high", "high"), "'value' must be a number from 0 to 100", "not 'high'");
    }

    [Fact]
    public void An_agreed_value_off_the_scale()
    {
        var seed = EditedSeed.Replace("    value: 93\n    rule: unanimity", "    value: 930\n    rule: unanimity");
        seed.FailsAt(seed.Find("value: 930", "930"), "must be a number from 0 to 100", "not 930");
    }

    [Fact]
    public void A_salience_outside_0_to_1()
    {
        var seed = EditedSeed.Replace("salience: 0.25\n", "salience: 1.25\n");
        seed.FailsAt(seed.Find("salience: 1.25", "1.25"), "'salience' must be a number from 0 to 1", "not 1.25");
    }

    [Fact]
    public void A_range_that_does_not_contain_the_value()
    {
        var seed = EditedSeed.Replace("range: [86, 97]", "range: [93, 97]");
        seed.FailsAt(seed.Find("range: [93, 97]", "["), "'range' [93, 97] must contain the value 92");
    }

    [Fact]
    public void A_salience_range_that_does_not_contain_the_salience()
    {
        var seed = EditedSeed.Replace("salience: 0.25\n    salience-range: [0.1, 0.4]", "salience: 0.25\n    salience-range: [0.3, 0.4]");
        seed.FailsAt(seed.Find("salience-range: [0.3, 0.4]", "["), "'salience-range' [0.3, 0.4] must contain the value 0.25");
    }

    [Fact]
    public void A_range_with_low_above_high()
    {
        var seed = EditedSeed.Replace("range: [86, 97]", "range: [97, 86]");
        seed.FailsAt(seed.Find("range: [97, 86]", "["), "low <= high", "not [97, 86]");
    }

    [Fact]
    public void An_unknown_actor_in_a_position_lists_the_known_actors()
    {
        var seed = EditedSeed.Replace("  - actor: US\n    topic: north-korea\n", "  - actor: USA\n    topic: north-korea\n");
        seed.FailsAt(seed.Find("- actor: USA", "USA"), "unknown actor 'USA'", "known actors: JP, US, CN, KP");
    }

    [Fact]
    public void An_unknown_party_to_an_agreement_lists_the_known_actors()
    {
        var seed = EditedSeed.Replace("    parties: [JP, US]\n    value: 93", "    parties: [JP, UK]\n    value: 93");
        seed.FailsAt(seed.Find("parties: [JP, UK]", "UK"), "unknown actor 'UK'", "known actors: JP, US, CN, KP");
    }

    [Fact]
    public void An_unknown_actor_in_an_affinity_lists_the_known_actors()
    {
        var seed = EditedSeed.Replace("affinity: { US: 0.9, CN: 0.1, KP: -0.9 }", "affinity: { US: 0.9, PRC: 0.1, KP: -0.9 }");
        seed.FailsAt(seed.Find("affinity: { US: 0.9, PRC", "PRC"), "unknown actor 'PRC'", "known actors: JP, US, CN, KP");
    }

    [Fact]
    public void An_unknown_topic_lists_the_known_topics()
    {
        var seed = EditedSeed.Replace("    topic: north-korea-sanctions\n    value: 85", "    topic: nk-sanctions\n    value: 85");
        seed.FailsAt(seed.Find("topic: nk-sanctions", "nk-sanctions"), "unknown topic 'nk-sanctions'",
            "known topics: north-korea, north-korea-sanctions, us-defense-commitment, china-role, free-open-indo-pacific, "
            + "maritime-rule-of-law, alliance-deterrence, usfj-realignment, unsc-permanent-seat, sectoral-cooperation, "
            + "economic-dialogue, trade-investment-standards, trade-imbalance, defense-procurement, tpp-11, bilateral-fta");
    }

    [Fact]
    public void An_unknown_related_topic_lists_the_known_topics()
    {
        var seed = EditedSeed.Replace("related: [tpp-11, bilateral-fta, economic-dialogue, free-open-indo-pacific]",
            "related: [tpp-12, bilateral-fta, economic-dialogue, free-open-indo-pacific]");
        seed.FailsAt(seed.Find("related: [tpp-12", "tpp-12"), "unknown topic 'tpp-12'", "known topics: north-korea,");
    }

    [Fact]
    public void An_unknown_speaker_lists_the_speakers()
    {
        var seed = EditedSeed.Replace("    speaker: Abe\n    kind: stated\n    quotes:\n      - \"We decided",
            "    speaker: Shinzo\n    kind: stated\n    quotes:\n      - \"We decided");
        seed.FailsAt(seed.Find("speaker: Shinzo", "Shinzo"), "unknown speaker 'Shinzo'", "Abe, Trump, both, none");
    }

    [Fact]
    public void A_duplicate_actor_id()
    {
        var seed = EditedSeed.Replace("  - id: KP\n", "  - id: CN\n");
        seed.FailsAt(seed.Find("- id: CN\n    name: Democratic", "CN"), "the actor id 'CN' is used twice", "actor ids must be unique");
    }

    [Fact]
    public void A_duplicate_topic_id()
    {
        var seed = EditedSeed.Replace("  - id: bilateral-fta\n", "  - id: tpp-11\n");
        seed.FailsAt(seed.Find("- id: tpp-11\n    title: A Japan", "tpp-11"), "the topic id 'tpp-11' is used twice", "topic ids must be unique");
    }

    [Fact]
    public void A_duplicate_agreement_id()
    {
        var seed = EditedSeed.Replace("  - id: alliance-deterrence-enhancement\n", "  - id: nk-maximum-pressure\n");
        seed.FailsAt(seed.Find("- id: nk-maximum-pressure\n    topic: alliance-deterrence", "nk-maximum-pressure"),
            "the agreement id 'nk-maximum-pressure' is used twice", "agreement ids must be unique");
    }

    [Fact]
    public void A_second_position_of_one_actor_on_one_topic()
    {
        var seed = EditedSeed.Replace("  - actor: US\n    topic: north-korea\n", "  - actor: JP\n    topic: north-korea\n    # the copy\n");
        seed.FailsAt(seed.Find("actor: JP\n    topic: north-korea\n    # the copy", "actor"),
            "JP already has a position on 'north-korea'", "one position per topic");
    }

    [Fact]
    public void A_yaml_syntax_error()
    {
        var seed = EditedSeed.Replace("value: 97\n    range: [92, 100]", "value: 97 x: 1\n    range: [92, 100]");
        seed.FailsAt(seed.Find("value: 97 x: 1", ": 1"), "this is not valid YAML", "found invalid mapping");
    }

    [Fact]
    public void An_unclosed_list()
    {
        var seed = EditedSeed.Replace("range: [86, 97]\n", "range: [86, 97\n");
        seed.FailsAt(seed.Find("range: [86, 97\n", "86"), "this is not valid YAML", "expected a closing ']', '}' or quote");
    }

    [Fact]
    public void A_line_break_inside_a_bad_id_keeps_the_message_on_one_line()
    {
        var seed = EditedSeed.Replace("  - actor: US\n    topic: north-korea\n", "  - actor: \"U\\nS\"\n    topic: north-korea\n");
        seed.FailsAt(seed.Find("- actor: \"U", "\"U"), "unknown actor 'U\\nS'");
    }

    [Fact]
    public void A_key_written_twice_in_one_mapping()
    {
        var seed = EditedSeed.Replace("value: 97\n    range: [92, 100]", "value: 97\n    value: 98\n    range: [92, 100]");
        seed.FailsAt(seed.Find("value: 97\n    value: 98", "value: 98"), "this mapping names 'value' twice", "first at line");
    }

    [Fact]
    public void A_missing_required_key_in_an_actor()
    {
        var seed = EditedSeed.Replace("    name: China\n", "");
        seed.FailsAt(seed.Find("- id: CN\n", "id"), "an actor is missing the required key 'name'");
    }

    [Fact]
    public void A_missing_value_in_a_position()
    {
        var seed = EditedSeed.Replace("    value: 95\n    range: [89, 99]\n", "    range: [89, 99]\n");
        seed.FailsAt(seed.Find("actor: US\n    topic: north-korea\n    range", "actor"), "1 entry still to fill in: US north-korea value");
    }

    [Fact]
    public void A_position_without_a_quote()
    {
        var seed = EditedSeed.Replace("    quotes:\n      - \"We decided to implement further sanctions on North Korea.\"\n", "");
        seed.FailsAt(seed.Find("actor: JP\n    topic: north-korea-sanctions", "actor"), "needs at least one quote under 'quotes'");
    }

    [Fact]
    public void An_unknown_key_lists_the_valid_keys()
    {
        var seed = EditedSeed.Replace("    leader: Shinzo Abe\n", "    leader: Shinzo Abe\n    colour: red\n");
        // Every key an actor may hold, closest to 'colour' first (fewest insertions, deletions, substitutions
        // and swaps), ties in the order docs/worlds.md lists them. By hand: leader is 5 edits from colour
        // (c→l, o→e, l→a, o→d, u→e; "r" kept); id, name, speaker, curvature, risk, why and ktab 6 each;
        // capability, strategy and affinity 8; acceptance 9.
        seed.FailsAt(seed.Find("colour: red", "colour"), "unknown key 'colour' in an actor",
            "expected one of leader, id, name, speaker, curvature, risk, why, ktab, capability, strategy, affinity, acceptance");
    }

    [Fact]
    public void A_misspelt_optional_key_does_not_pass_silently()
    {
        var seed = EditedSeed.Replace("    kind: stated\n    quotes:\n      - \"We decided", "    knd: stated\n    quotes:\n      - \"We decided");
        seed.FailsAt(seed.Find("knd: stated", "knd"), "unknown key 'knd' in a position", "kind");
    }

    [Fact]
    public void An_unknown_top_level_key_lists_the_valid_keys()
    {
        var seed = EditedSeed.Replace("\nactors:\n", "\nactor:\n  - id: JP\nactors:\n");
        // Every top-level key, closest to 'actor' first: actors 1 edit; title, about and ktab 4; draft and
        // world 5; format, source and topics 6; salience and positions 7; agreements 9.
        seed.FailsAt(seed.Find("\nactor:\n", "actor:"), "unknown key 'actor' in the world",
            "expected one of actors, title, about, ktab, draft, world, format, source, topics, salience, positions, agreements");
    }

    [Fact]
    public void A_misspelt_key_at_the_start_of_a_mapping_lists_the_keys_after_it()
    {
        // 'actr' is the first key of the first position: no other key of it has been read when 'actor' is
        // found missing, yet the error names all fifteen a position may hold, the meant one first. By hand,
        // edits from 'actr': actor 1; value, range, kind, why, ktab 4; topic, speaker, quotes 5; salience,
        // strategy, acceptance 7; reference 8; reservation 10; salience-range 11.
        var seed = EditedSeed.Replace("positions:\n  # north-korea\n  - actor: JP\n", "positions:\n  # north-korea\n  - actr: JP\n");
        seed.FailsAt(seed.Find("  - actr: JP", "actr"), "unknown key 'actr' in a position; did you mean 'actor'",
            "(valid keys, closest first: actor, value, range, kind, why, ktab, topic, speaker, quotes, salience, strategy, acceptance, reference, reservation, salience-range)");
    }

    [Fact]
    public void An_unknown_strategy_lists_the_strategies()
    {
        var seed = EditedSeed.Replace("strategy: linear", "strategy: stubborn");
        seed.FailsAt(seed.Find("strategy: stubborn", "stubborn"),
            "'strategy' must be one of hardliner, boulware, linear, conceder, relative-tit-for-tat, absolute-tit-for-tat, trade-off", "not 'stubborn'");
    }

    [Fact]
    public void An_unknown_acceptance_condition_lists_the_conditions()
    {
        var seed = EditedSeed.Replace("strategy: linear", "strategy: linear\n    acceptance: whenever");
        seed.FailsAt(seed.Find("acceptance: whenever", "whenever"), "'acceptance' must be one of next, time, constant", "not 'whenever'");
    }

    [Fact]
    public void A_reservation_off_the_scale()
    {
        var seed = EditedSeed.Replace("value: 97\n    range: [92, 100]", "value: 97\n    reservation: 120\n    range: [92, 100]");
        seed.FailsAt(seed.Find("reservation: 120", "120"), "'reservation' must be a number from 0 to 100", "not 120");
    }

    [Fact]
    public void Both_curvature_and_its_older_name_risk()
    {
        var seed = EditedSeed.Replace("curvature: 1.3", "curvature: 1.3\n    risk: 1.3");
        seed.FailsAt(seed.Find("risk: 1.3", "1.3"), "'risk' is the format-1 name of 'curvature'");
    }

    [Fact]
    public void A_position_names_its_own_reservation_strategy_and_acceptance()
    {
        var world = EditedSeed.Replace("value: 97\n    range: [92, 100]",
            "value: 97\n    reservation: 80\n    strategy: relative-tit-for-tat\n    acceptance: time\n    range: [92, 100]").Parse();
        var position = world.Positions.Single(p => p.Reservation is not null);
        Assert.Equal(80, position.Reservation);
        Assert.Equal(Model.Strategy.RelativeTitForTat, position.Strategy);
        Assert.Equal(Model.AcceptanceCondition.Time, position.Acceptance);
        Assert.All(world.Positions.Where(p => p != position), p => Assert.Null(p.Strategy));
    }

    [Fact]
    public void The_format_1_name_risk_is_refused_in_the_format_2_seed()
    {
        var seed = EditedSeed.Replace("curvature: 1.3", "risk: 1.6");
        seed.FailsAt(seed.Find("risk: 1.6", "1.6"), "'risk' is the format-1 name of 'curvature'", "0.1 to 10");
    }

    [Fact]
    public void An_unknown_kind_lists_the_kinds()
    {
        var seed = EditedSeed.Replace("    kind: stated\n    quotes:\n      - \"We decided", "    kind: said\n    quotes:\n      - \"We decided");
        seed.FailsAt(seed.Find("kind: said", "said"), "'kind' must be one of stated, joint, inferred, not-discussed", "not 'said'");
    }

    [Fact]
    public void An_unknown_rule_lists_the_rules()
    {
        var seed = EditedSeed.Replace("    value: 93\n    rule: unanimity", "    value: 93\n    rule: majority");
        seed.FailsAt(seed.Find("rule: majority", "majority"),
            "'rule' must be one of unanimity, weighted-majority, K-of-n (for example 2-of-n)", "not 'majority'");
    }

    [Fact]
    public void A_k_of_n_rule_asking_for_more_parties_than_there_are()
    {
        var seed = EditedSeed.Replace("    value: 93\n    rule: unanimity", "    value: 93\n    rule: 3-of-n");
        seed.FailsAt(seed.Find("rule: 3-of-n", "3-of-n"), "asks for 3 of 2 parties", "k must be from 1 to 2");
    }

    [Fact]
    public void A_k_of_n_rule_within_the_parties_loads()
    {
        var world = EditedSeed.Replace("    value: 93\n    rule: unanimity", "    value: 93\n    rule: 2-of-n").Parse();
        Assert.Equal(new Model.AgreementRule(Model.AgreementRuleKind.KOfN, 2), world.Agreements.Single(a => a.Id == "nk-maximum-pressure").Rule);
    }

    [Fact]
    public void A_source_text_that_does_not_exist()
    {
        var seed = EditedSeed.Replace("source: ../sources/abe-trump-summit-2017-11-06.txt", "source: ../sources/missing.txt");
        seed.FailsAt(seed.Find("source: ../sources/missing.txt", "../sources"), "the source text '../sources/missing.txt' does not exist");
    }

    [Fact]
    public void A_world_id_with_a_slash_would_break_grain_keys()
    {
        var seed = EditedSeed.Replace("world: abe-trump-2017-11-06", "world: abe/trump");
        seed.FailsAt(seed.Find("world: abe/trump", "abe/trump"), "'world' must be letters, digits, '-' or '_'");
    }

    [Fact]
    public void A_world_file_that_does_not_exist()
    {
        var path = Path.Combine(Path.GetTempPath(), $"summits-{Guid.NewGuid():N}.yaml");
        var error = Assert.Throws<InputException>(() => WorldFile.Load(path));
        Assert.Equal($"{path}:1:1: no such world file", error.Message);
    }
}
