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

    /// <summary>
    /// One mistake edited into the seed (the text replaced, once, and what replaces it), where the error must point
    /// (the first occurrence of the anchor, then the token within it), and the words the one line must hold.
    /// </summary>
    public static TheoryData<string, string, string, string, string, string[]> OneMistake() => new()
    {
        { "A quote that is not in the briefing", "We decided to implement further sanctions", "We decided to impose further sanctions", "\"We decided to impose", "\"", ["does not appear verbatim", "abe-trump-summit-2017-11-06.txt", "no passage of the source reads like it"] },
        { "A quote with a plain space where the briefing has a no break space", "with Japan\u00A0to the\u00A0overall", "with Japan to the overall", "\"The ratio of the trade deficit", "\"", ["it matches only when quote marks and spaces are made plain"] },
        { "An agreement quote that is not in the briefing", "    quote: \"Abe, Trump confirmed cooperation in autos, life science, and other areas.\"", "    quote: \"Abe, Trump confirmed cooperation in autos and steel.\"", "quote: \"Abe, Trump confirmed cooperation in autos and steel", "\"", ["does not appear verbatim"] },
        { "A value that is not a number", "value: 97\n    range: [92, 100]", "value: high\n    range: [92, 100]", "value: high", "high", ["'value' must be a number from 0 to 100", "not 'high'"] },
        { "An agreed value off the scale", "    value: 93\n    rule: unanimity", "    value: 930\n    rule: unanimity", "value: 930", "930", ["must be a number from 0 to 100", "not 930"] },
        { "A salience outside 0 to 1", "salience: 0.25\n", "salience: 1.25\n", "salience: 1.25", "1.25", ["'salience' must be a number from 0 to 1", "not 1.25"] },
        { "A range that does not contain the value", "range: [86, 97]", "range: [93, 97]", "range: [93, 97]", "[", ["'range' [93, 97] must contain the value 92"] },
        { "A salience range that does not contain the salience", "salience: 0.25\n    salience-range: [0.1, 0.4]", "salience: 0.25\n    salience-range: [0.3, 0.4]", "salience-range: [0.3, 0.4]", "[", ["'salience-range' [0.3, 0.4] must contain the value 0.25"] },
        { "A range with low above high", "range: [86, 97]", "range: [97, 86]", "range: [97, 86]", "[", ["low <= high", "not [97, 86]"] },
        { "An unknown actor in a position lists the known actors", "  - actor: US\n    topic: north-korea\n", "  - actor: USA\n    topic: north-korea\n", "- actor: USA", "USA", ["unknown actor 'USA'", "known actors: JP, US, CN and KP"] },
        { "An unknown party to an agreement lists the known actors", "    parties: [JP, US]\n    value: 93", "    parties: [JP, UK]\n    value: 93", "parties: [JP, UK]", "UK", ["unknown actor 'UK'", "known actors: JP, US, CN and KP"] },
        { "An unknown actor in an affinity lists the known actors", "affinity: { US: 0.9, CN: 0.1, KP: -0.9 }", "affinity: { US: 0.9, PRC: 0.1, KP: -0.9 }", "affinity: { US: 0.9, PRC", "PRC", ["unknown actor 'PRC'", "known actors: JP, US, CN and KP"] },
        { "An unknown topic lists the known topics", "    topic: north-korea-sanctions\n    value: 85", "    topic: nk-sanctions\n    value: 85", "topic: nk-sanctions", "nk-sanctions", ["unknown topic 'nk-sanctions'", "known topics: north-korea, north-korea-sanctions, us-defense-commitment, china-role, free-open-indo-pacific, " + "maritime-rule-of-law, alliance-deterrence, usfj-realignment, unsc-permanent-seat, sectoral-cooperation, " + "economic-dialogue, trade-investment-standards, trade-imbalance, defense-procurement, tpp-11 and bilateral-fta"] },
        { "An unknown related topic lists the known topics", "related: [tpp-11, bilateral-fta, economic-dialogue, free-open-indo-pacific]", "related: [tpp-12, bilateral-fta, economic-dialogue, free-open-indo-pacific]", "related: [tpp-12", "tpp-12", ["unknown topic 'tpp-12'", "known topics: north-korea,"] },
        { "An unknown speaker lists the speakers", "    speaker: Abe\n    kind: stated\n    quotes:\n      - \"We decided", "    speaker: Shinzo\n    kind: stated\n    quotes:\n      - \"We decided", "speaker: Shinzo", "Shinzo", ["unknown speaker 'Shinzo'", "Abe, Trump, both or none"] },
        { "A duplicate actor id", "  - id: KP\n", "  - id: CN\n", "- id: CN\n    name: Democratic", "CN", ["the actor id 'CN' is used twice", "actor ids must be unique"] },
        { "A duplicate topic id", "  - id: bilateral-fta\n", "  - id: tpp-11\n", "- id: tpp-11\n    title: A Japan", "tpp-11", ["the topic id 'tpp-11' is used twice", "topic ids must be unique"] },
        { "A duplicate agreement id", "  - id: alliance-deterrence-enhancement\n", "  - id: nk-maximum-pressure\n", "- id: nk-maximum-pressure\n    topic: alliance-deterrence", "nk-maximum-pressure", ["the agreement id 'nk-maximum-pressure' is used twice", "agreement ids must be unique"] },
        { "A second position of one actor on one topic", "  - actor: US\n    topic: north-korea\n", "  - actor: JP\n    topic: north-korea\n    # the copy\n", "actor: JP\n    topic: north-korea\n    # the copy", "actor", ["JP already has a position on 'north-korea'", "one position per topic"] },
        { "A yaml syntax error", "value: 97\n    range: [92, 100]", "value: 97 x: 1\n    range: [92, 100]", "value: 97 x: 1", ": 1", ["this is not valid YAML", "found invalid mapping"] },
        { "An unclosed list", "range: [86, 97]\n", "range: [86, 97\n", "range: [86, 97\n", "86", ["this is not valid YAML", "expected a closing ']', '}' or quote"] },
        { "A line break inside a bad id keeps the message on one line", "  - actor: US\n    topic: north-korea\n", "  - actor: \"U\\nS\"\n    topic: north-korea\n", "- actor: \"U", "\"U", ["unknown actor 'U\\nS'"] },
        { "A key written twice in one mapping", "value: 97\n    range: [92, 100]", "value: 97\n    value: 98\n    range: [92, 100]", "value: 97\n    value: 98", "value: 98", ["this mapping names 'value' twice", "first at line"] },
        { "A missing required key in an actor", "    name: China\n", "", "- id: CN\n", "id", ["an actor is missing the required key 'name'"] },
        { "A missing value in a position", "    value: 95\n    range: [89, 99]\n", "    range: [89, 99]\n", "actor: US\n    topic: north-korea\n    range", "actor", ["1 entry still to fill in: US north-korea value"] },
        { "A position without a quote", "    quotes:\n      - \"We decided to implement further sanctions on North Korea.\"\n", "", "actor: JP\n    topic: north-korea-sanctions", "actor", ["needs at least one quote under 'quotes'"] },
        // Every key an actor may hold, closest to 'colour' first (fewest insertions, deletions, substitutions
        // and swaps), ties in the order docs/worlds.md lists them. By hand: leader is 5 edits from colour
        // (c→l, o→e, l→a, o→d, u→e; "r" kept); id, name, speaker, curvature, risk, why and ktab 6 each;
        // capability, strategy and affinity 8; acceptance 9.
        { "An unknown key lists the valid keys", "    leader: Shinzo Abe\n", "    leader: Shinzo Abe\n    colour: red\n", "colour: red", "colour", ["unknown key 'colour' in an actor", "expected one of leader, id, name, speaker, curvature, risk, why, ktab, capability, strategy, affinity or acceptance"] },
        { "A misspelt optional key does not pass silently", "    kind: stated\n    quotes:\n      - \"We decided", "    knd: stated\n    quotes:\n      - \"We decided", "knd: stated", "knd", ["unknown key 'knd' in a position", "kind"] },
        // 'actor' is 'actors' less its s (one edit), so it is named; every top-level key follows, closest first: actors 1 edit; title, about and ktab 4; draft and
        // world 5; format, source and topics 6; salience and positions 7; agreements 9.
        { "An unknown top level key lists the valid keys", "\nactors:\n", "\nactor:\n  - id: JP\nactors:\n", "\nactor:\n", "actor:", ["unknown key 'actor' in the world; did you mean 'actors'?", "(valid keys, closest first: actors, title, about, ktab, draft, world, format, source, topics, salience, positions or agreements)"] },
        // 'actr' is the first key of the first position: no other key of it has been read when 'actor' is
        // found missing, yet the error names all fifteen a position may hold, the meant one first. By hand,
        // edits from 'actr': actor 1; value, range, kind, why, ktab 4; topic, speaker, quotes 5; salience,
        // strategy, acceptance 7; reference 8; reservation 10; salience-range 11.
        { "A misspelt key at the start of a mapping lists the keys after it", "positions:\n  # north-korea\n  - actor: JP\n", "positions:\n  # north-korea\n  - actr: JP\n", "  - actr: JP", "actr", ["unknown key 'actr' in a position; did you mean 'actor'", "(valid keys, closest first: actor, value, range, kind, why, ktab, topic, speaker, quotes, salience, strategy, acceptance, reference, reservation or salience-range)"] },
        // 'salince' is 'salience' less an e (one edit). Before, the position was taken for a draft's unfilled salience,
        // said at the position's first line as "draft world: 1 entry still to fill in"; the typo is named at its place.
        { "A misspelt salience is named, not taken for a draft's gap", "    range: [86, 97]\n    salience: 0.95\n", "    range: [86, 97]\n    salince: 0.95\n", "salince: 0.95", "salince", ["unknown key 'salince' in a position; did you mean 'salience'? (valid keys, closest first: salience, "] },
        { "An unknown strategy lists the strategies", "strategy: linear", "strategy: stubborn", "strategy: stubborn", "stubborn", ["'strategy' must be one of hardliner, boulware, linear, conceder, relative-tit-for-tat, absolute-tit-for-tat or trade-off", "not 'stubborn'"] },
        { "An unknown acceptance condition lists the conditions", "strategy: linear", "strategy: linear\n    acceptance: whenever", "acceptance: whenever", "whenever", ["'acceptance' must be one of next, time or constant", "not 'whenever'"] },
        { "A reservation off the scale", "value: 97\n    range: [92, 100]", "value: 97\n    reservation: 120\n    range: [92, 100]", "reservation: 120", "120", ["'reservation' must be a number from 0 to 100", "not 120"] },
        { "Both curvature and its older name risk", "curvature: 1.3", "curvature: 1.3\n    risk: 1.3", "risk: 1.3", "1.3", ["'risk' is the format-1 name of 'curvature'"] },
        { "The format-1 name risk in the format-2 seed", "curvature: 1.3", "risk: 1.6", "risk: 1.6", "1.6", ["'risk' is the format-1 name of 'curvature'", "0.1 to 10"] },
        { "An unknown kind lists the kinds", "    kind: stated\n    quotes:\n      - \"We decided", "    kind: said\n    quotes:\n      - \"We decided", "kind: said", "said", ["'kind' must be one of stated, joint, inferred, not-discussed, ", "not 'said'"] },
        { "An unknown rule lists the rules", "    value: 93\n    rule: unanimity", "    value: 93\n    rule: majority", "rule: majority", "majority", ["'rule' must be one of unanimity, weighted-majority or K-of-n (for example 2-of-n)", "not 'majority'"] },
        { "A k of n rule asking for more parties than there are", "    value: 93\n    rule: unanimity", "    value: 93\n    rule: 3-of-n", "rule: 3-of-n", "3-of-n", ["asks for 3 of 2 parties", "k must be from 1 to 2"] },
        { "A source text that does not exist", "source: ../sources/abe-trump-summit-2017-11-06.txt", "source: ../sources/missing.txt", "source: ../sources/missing.txt", "../sources", ["the source text '../sources/missing.txt' does not exist"] },
        { "A world id with a slash would break grain keys", "world: abe-trump-2017-11-06", "world: abe/trump", "world: abe/trump", "abe/trump", ["'world' must be ASCII letters, digits, '-' or '_'"] },
    };

    [Theory]
    [MemberData(nameof(OneMistake))]
    public void One_mistake_in_the_seed_is_one_line_at_its_place(string mistake, string replaced, string replacement, string anchor, string token, string[] words)
    {
        // The mistake's name names the row in the test results.
        Assert.NotEmpty(mistake);
        var seed = EditedSeed.Replace(replaced, replacement);
        seed.FailsAt(seed.Find(anchor, token), words);
    }

    [Fact]
    public void A_quote_with_a_straight_apostrophe_where_the_briefing_has_a_curly_one()
    {
        var seed = EditedSeed.Replace("enhancement of Japan’s defense capability.", "enhancement of Japan's defense capability.");
        var error = seed.FailsAt(seed.Find("\"Procurement of state-of-the-art", "\""),
            "does not appear verbatim", "it matches only when quote marks and spaces are made plain", "’");
        Assert.DoesNotContain("no passage", error.Problem, StringComparison.Ordinal);
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
    /// round to -0 at four decimals; both in exponent form, while 1.5 stays 1.5.
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
    public void A_k_of_n_rule_within_the_parties_loads()
    {
        var world = EditedSeed.Replace("    value: 93\n    rule: unanimity", "    value: 93\n    rule: 2-of-n").Parse();
        Assert.Equal(new Model.AgreementRule(Model.AgreementRuleKind.KOfN, 2), world.Agreements.Single(a => a.Id == "nk-maximum-pressure").Rule);
    }

    [Fact]
    public void A_world_file_that_does_not_exist()
    {
        var folder = Directory.CreateTempSubdirectory("summits-world-").FullName;
        try
        {
            var path = Path.Combine(folder, "abe.yaml");
            var error = Assert.Throws<InputException>(() => WorldFile.Load(path));
            Assert.Equal($"{path}:1:1: no such world file", error.Message);

            // With world files in its folder, what could have been meant, closest first (Closest): "abe" starts
            // abe-trump.yaml, so it comes first, though other.yml is nearer by edits (5: a→o, b→t, insert h, keep e,
            // insert r, delete the a of "yaml"; abe-trump.yaml is 6, the insertion of "-trump").
            foreach (var file in new[] { "other.yml", "abe-trump.yaml" })
                File.WriteAllText(Path.Combine(folder, file), "x: 1\n");
            error = Assert.Throws<InputException>(() => WorldFile.Load(path));
            Assert.Equal($"{path}:1:1: no such world file; the YAML files there, closest first: {Path.Combine(folder, "abe-trump.yaml")} and {Path.Combine(folder, "other.yml")}", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
