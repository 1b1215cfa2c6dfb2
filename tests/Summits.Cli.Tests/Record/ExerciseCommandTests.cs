using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary><c>summits exercise</c> as a teacher runs it: a play without prompts, its grading file, and a mistake in the answers.</summary>
public sealed class ExerciseCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-exercise-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Exercises(params string[] parts) => Path.Combine([SeedFiles.Root, "scenarios", "exercises", .. parts]);

    /// <summary>
    /// An answers file as a test gives it: <paramref name="Exercise"/> (a shipped exercise's name) played as
    /// <paramref name="Role"/>, with the predictions and proposals given, and for a play by two the players and the
    /// responses. It is written into the test's folder under <see cref="Name"/>.
    /// </summary>
    /// <param name="Predictions">The predictions, as a YAML flow mapping: <c>{ trade-deal: yes, procurement-end: 65 }</c>.</param>
    /// <param name="Proposals">Each proposal as a YAML flow mapping: <c>{ round: 1, terms: { trade-imbalance: 40 }, deadline: 2 }</c>; with two players, <c>from</c> says whose.</param>
    private sealed record Answers(string Exercise, string Role, string Predictions, IReadOnlyList<string> Proposals)
    {
        /// <summary>1 (the model plays the other side) or 2 (a second person does): the file's <c>players</c>, left out for 1.</summary>
        public int Players { get; init; } = 1;

        /// <summary>Each response as a YAML flow mapping: <c>{ proposal: r1-JP-1, answer: accept }</c>.</summary>
        public IReadOnlyList<string> Responses { get; init; } = [];

        /// <summary>The file's name in the test's folder: one of its own unless a test needs a given one (<c>answers-US.yaml</c>).</summary>
        public string Name { get; init; } = $"{Exercise}-{Role}-{Interlocked.Increment(ref s_written)}.yaml";

        /// <summary>
        /// The file's text, line by line: <c>answers</c>, <c>role</c> (on line 2), <c>players</c> for two, <c>predictions</c>,
        /// then <c>proposals</c> and <c>responses</c> where there are some, each item on a line of its own.
        /// </summary>
        public string Text() =>
            $"answers: {Exercise}\nrole: {Role}\n{(Players == 1 ? "" : $"players: {Players}\n")}predictions: {Predictions}\n"
            + List("proposals", Proposals) + List("responses", Responses);

        private static string List(string key, IReadOnlyList<string> items) =>
            items.Count == 0 ? "" : $"{key}:\n{string.Concat(items.Select(i => $"  - {i}\n"))}";
    }

    private static int s_written;

    /// <summary>Writes <paramref name="answers"/> into the test's folder and returns the file's path.</summary>
    private string Write(Answers answers)
    {
        var path = Path.Combine(_folder, answers.Name);
        File.WriteAllText(path, answers.Text());
        return path;
    }

    /// <summary>
    /// Plays <paramref name="exercise"/> (a shipped exercise's name) as <paramref name="role"/> with the given answers,
    /// written to an answers file of its own, and asserts that the play exits with 0.
    /// </summary>
    /// <param name="predictions">The answers file's predictions, as a YAML flow mapping: <c>{ trade-deal: yes, procurement-end: 65 }</c>.</param>
    /// <param name="proposals">Each proposal as a YAML flow mapping: <c>{ round: 1, terms: { trade-imbalance: 40 }, deadline: 2 }</c>.</param>
    /// <param name="arguments">Further arguments of <c>summits exercise</c>, after <c>--engine local</c>.</param>
    private Task<SummitsRun> PlayAsync(string exercise, string role, string predictions, IEnumerable<string> proposals, params string[] arguments) =>
        PlayAsync(new Answers(exercise, role, predictions, [.. proposals]), arguments);

    /// <summary>Plays <paramref name="answers"/>, written into the test's folder, and asserts that the play exits with 0.</summary>
    /// <param name="arguments">Further arguments of <c>summits exercise</c>, after <c>--engine local</c>.</param>
    private Task<SummitsRun> PlayAsync(Answers answers, params string[] arguments) => PlayAsync(answers, 0, arguments);

    /// <summary>Plays <paramref name="answers"/>, written into the test's folder, and asserts that the play exits with <paramref name="exitCode"/>.</summary>
    /// <param name="arguments">Further arguments of <c>summits exercise</c>, after <c>--engine local</c>.</param>
    private async Task<SummitsRun> PlayAsync(Answers answers, int exitCode, params string[] arguments)
    {
        var run = await SummitsProcess.RunAsync(["exercise", Exercises($"{answers.Exercise}.yaml"), "--answers", Write(answers), "--engine", "local", .. arguments]);
        Assert.True(run.ExitCode == exitCode, run.ToString());
        return run;
    }

    /// <summary>
    /// Plays <paramref name="exercise"/> (a shipped exercise's name) with its shipped sample answers file
    /// <paramref name="sample"/> (a name in <c>scenarios/exercises/answers</c>), and asserts that the play exits with 0.
    /// </summary>
    /// <param name="arguments">Further arguments of <c>summits exercise</c>, after <c>--engine local</c>.</param>
    private static async Task<SummitsRun> PlaySampleAsync(string exercise, string sample, params string[] arguments)
    {
        var run = await SummitsProcess.RunAsync(["exercise", Exercises($"{exercise}.yaml"), "--answers", Exercises("answers", $"{sample}.yaml"), "--engine", "local", .. arguments]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    /// <summary>The output as one line of words: the play is wrapped at the terminal's width.</summary>
    private static string Words(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    [Fact]
    public async Task An_exercise_played_with_its_sample_answers_prints_the_debrief_and_writes_the_grading_file()
    {
        var run = await PlaySampleAsync("trade-for-defence", "trade-for-defence-jp", "-o", _folder);

        Assert.StartsWith("Exercise trade-for-defence (Trade for defence): JP against US (the model), seed 11, 3 rounds\n", run.Output, StringComparison.Ordinal);
        // The public brief quotes the briefing verbatim, with the line the words stand on.
        Assert.Contains("    “I am confident that we will be able to achieve the correction of the trade imbalance from now\n", run.Output);
        Assert.Contains("\n       17  total\n", run.Output);
        // 2 + 0 + 5 + 10, worked in ExercisePlayTests.
        // The grading file starts with UTF-8's byte order mark, EF BB BF (U+FEFF encoded), then the header.
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'e'], File.ReadAllBytes(Path.Combine(_folder, "grading.csv"))[..4]);
        var grading = File.ReadAllLines(Path.Combine(_folder, "grading.csv"));
        Assert.Equal("exercise,answers,role,kind,item,points,working", grading[0]);
        Assert.Equal(6, grading.Length);
        Assert.StartsWith("trade-for-defence,", grading[^1], StringComparison.Ordinal);
        Assert.EndsWith(",JP,total,,17,", grading[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multiple_choice_prediction_is_in_the_debrief_and_the_grading_file_with_its_working()
    {
        var run = await PlaySampleAsync("bilateral-fta", "bilateral-fta-us", "-o", _folder);

        // Japan moves 20 → 21.7872 on a bilateral FTA, the US 80 → 79.1407 (worked in ExercisePlayTests): 'japan' happened,
        // and the sample's answer 'japan' earns the question's 10 points; the total is 0 + 0 + 9 + 10 = 19.
        var words = Words(run.Output);
        Assert.Contains("you: japan; the simulation: japan (JP moved 1.7872 on bilateral-fta, US 0.8593);", words);
        Assert.Contains("points: 'japan' happened (JP moved 1.7872 on bilateral-fta, US 0.8593): 10", words);
        var grading = File.ReadAllLines(Path.Combine(_folder, "grading.csv"));
        Assert.Contains(grading, l => l.Contains(",US,prediction,who-moves,10,\"'japan' happened (JP moved 1.7872 on bilateral-fta, US 0.8593): 10\"", StringComparison.Ordinal));
        Assert.EndsWith(",US,total,,19,", grading[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partial_answers_of_two_players_say_by_name_which_predictions_each_player_has_still_to_answer()
    {
        // A play by two stopped in the US player's predictions after one of trade-for-defence's two questions: Japan's
        // player answered both, the US's player trade-deal only, so what is left is procurement-end of the US's player
        // (not all the US's predictions), and rounds 1 to 3, none of which was played.
        var answers = Path.Combine(_folder, "partial.yaml");
        File.WriteAllText(answers, "answers: trade-for-defence\npartial: stopped in the predictions of US's player\nrole: JP\nplayers: 2\n"
            + "predictions:\n  trade-deal: yes\n  procurement-end: 65\nother-predictions:\n  trade-deal: no\n  # not answered yet: procurement-end\n");

        var run = await SummitsProcess.RunFromPipeAsync(_folder, "exercise", Exercises("trade-for-defence.yaml"), "--answers", answers, "--engine", "local");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{answers}:2:10: these answers are partial (stopped in the predictions of US's player): they have no answers for the prediction procurement-end of US's player and rounds 1 to 3; ",
            Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proposal_off_the_table_is_one_line_with_its_place_and_exit_code_2()
    {
        var answers = Path.Combine(_folder, "answers.yaml");
        File.WriteAllText(answers, "answers: trade-for-defence\nrole: JP\npredictions: { trade-deal: yes, procurement-end: 60 }\nproposals:\n  - { round: 1, terms: { tpp-11: 90 } }\n");

        var run = await SummitsProcess.RunAsync("exercise", Exercises("trade-for-defence.yaml"), "--answers", answers, "--engine", "local");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        // The table's topics, closest first: tpp-11 is 13 edits from trade-imbalance, 18 from defense-procurement.
        Assert.Equal($"{answers}:5:26: 'tpp-11' is not on the table of trade-for-defence; a proposal may name trade-imbalance or defense-procurement", Assert.Single(run.ErrorLines));
    }

    // The exercise's roles are JP and US (its 'roles:' list, in that order). A role written in another case names
    // that role, as any choice on the command line does: "us" plays US, so the debrief's first line says "US against
    // JP". Any other name is a usage mistake, said with the valid roles and the pointer to the help, before anything
    // is played.
    [Theory]
    [InlineData("us", 0, "Exercise trade-for-defence (Trade for defence): US against JP (the model), seed 11, 3 rounds", "")]
    [InlineData("jP", 0, "Exercise trade-for-defence (Trade for defence): JP against US (the model), seed 11, 3 rounds", "")]
    [InlineData("XX", 2, "", "summits exercise: error: --role must be one of JP or US, not 'XX' (see 'summits exercise --help')\n")]
    // Only the two roles are choices (not CN or KP), closest first, edits counted without regard to case, as a role is
    // named: USA → US 1 edit, → JP 3; FR → JP and → US 2 each, so the roles' order. US is within max(2, 3 / 2) = 2 edits
    // of USA and usa, nearer than their length, 3, so it is named as meant (Closest.Nearest); FR's 2 edits are as many
    // as its length, 2, so nothing is.
    [InlineData("USA", 2, "", "summits exercise: error: --role must be one of US or JP, not 'USA' (did you mean 'US'?) (see 'summits exercise --help')\n")]
    [InlineData("usa", 2, "", "summits exercise: error: --role must be one of US or JP, not 'usa' (did you mean 'US'?) (see 'summits exercise --help')\n")]
    [InlineData("FR", 2, "", "summits exercise: error: --role must be one of JP or US, not 'FR' (see 'summits exercise --help')\n")]
    public async Task A_role_is_named_in_any_case_and_any_other_name_is_a_usage_error(string role, int exitCode, string firstLine, string error)
    {
        var run = await SummitsProcess.RunAsync("exercise", Exercises("trade-for-defence.yaml"), "--answers", Exercises("answers", "trade-for-defence-jp.yaml"),
            "--role", role, "--engine", "local");

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Equal(firstLine, run.Output.Split('\n')[0]);
        Assert.Equal(error, run.Error);
    }

    [Fact]
    public async Task Another_role_of_a_play_by_two_is_scored_with_its_own_players_file_and_role_on_the_other_players_file_is_refused()
    {
        // A play by two with no proposals: each player's file holds that player's predictions alone.
        var jp = new Answers("trade-for-defence", "JP", "{ trade-deal: yes, procurement-end: 65 }", []) { Players = 2, Name = "answers-JP.yaml" };
        var us = new Answers("trade-for-defence", "US", "{ trade-deal: no, procurement-end: 60 }", []) { Players = 2, Name = "answers-US.yaml" };

        // JP's player's file cannot score the US's player: refused in one line at the file's role, nothing played.
        var refused = await PlayAsync(jp, 2, "--role", "us", "-o", Path.Combine(_folder, "out"));
        Assert.Equal("", refused.Output);
        Assert.Equal(
            $"{Path.Combine(_folder, jp.Name)}:2:7: --role US asks for the player of US, but these answers are JP's player's in a play by two players ('players: 2'), with that player's predictions; give the answers file of US's player (answers-US.yaml, written beside this one), or leave out --role\n",
            refused.Error);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));

        // The US's player's own file scores the US with the US's predictions. By hand: nobody proposes, the model makes
        // no offers in a play by two, and round 2's inject changes a salience, which moves no one: Japan ends on
        // procurement where it started, 60. US's player said 60: |60 − 60| = 0, no step of 5: 10. Japan's player said
        // 65: |65 − 60| = 5, one full step: 10 − 1 = 9 (what the US would wrongly get with Japan's predictions).
        var usRun = await PlayAsync(us, "--format", "csv");
        var jpRun = await PlayAsync(jp, "--format", "csv");
        string Points(string csv, string actor) => csv.Split('\n').Select(l => l.Split(',')).Single(g => g.Length > 5 && g[2] == actor && g[4] == "procurement-end")[5];
        Assert.Equal("10", Points(usRun.Output, "US"));
        Assert.Equal("9", Points(jpRun.Output, "JP"));
    }

    [Fact]
    public async Task Json_holds_the_play_round_by_round_with_each_proposal_its_answers_and_reasons_the_offers_and_the_injects()
    {
        var run = await PlaySampleAsync("north-korea-line", "north-korea-line-jp", "--format", "json");
        var play = System.Text.Json.Nodes.JsonNode.Parse(run.Output)!["play"]!.AsArray();

        // The sample plays 3 rounds: its proposals r1-JP-1 (north-korea-sanctions 88) and r3-JP-1 (north-korea 82),
        // the US's offers after rounds 1 and 2, and round 2's inject.
        Assert.Equal([1, 2, 3], play.Select(r => r!["round"]!.GetValue<int>()));
        var first = play[0]!["events"]!.AsArray().First(e => e!["id"]?.GetValue<string>() == "r1-JP-1")!;
        Assert.Equal(("proposal", "JP", 88.0), (first["kind"]!.GetValue<string>(), first["from"]!.GetValue<string>(), first["terms"]!["north-korea-sanctions"]!.GetValue<double>()));
        var answer = Assert.Single(first["answers"]!.AsArray())!;
        Assert.Equal("US", answer["actor"]!.GetValue<string>());
        Assert.NotEqual("", answer["reason"]!.GetValue<string>());
        Assert.NotEmpty(first["said"]!.AsArray());
        // The US makes no offer after round 1, and the play says so and why: north-korea is settled by the summit's
        // nk-maximum-pressure and north-korea-sanctions by r1-JP-1, each binding both roles. In trade-for-defence it offers, below.
        Assert.DoesNotContain(play[0]!["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "offer");
        var none = play[0]!["events"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "no-offer")!;
        Assert.Equal(("US", 1, "an agreement in force settles every topic on the table"),
            (none["actor"]!.GetValue<string>(), none["round"]!.GetValue<int>(), none["reason"]!.GetValue<string>()));
        Assert.Equal("United States makes no offer of its own after round 1: an agreement in force settles every topic on the table.", none["said"]!.GetValue<string>());
        // After round 2 too: the inject strains nk-maximum-pressure, and a strained agreement is still in force.
        Assert.Equal(2, play[1]!["events"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "no-offer")!["round"]!.GetValue<int>());
        Assert.Contains(play[2]!["events"]!.AsArray(), e => e!["id"]?.GetValue<string>() == "r3-JP-1");
        // Round 2's inject moves the US on north-korea by −20, from its seeded 95 to 75 (nothing moved it before).
        var moved = play[1]!["events"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "move" && e["inject"]!.GetValue<bool>() && e["actor"]?.GetValue<string>() == "US" && e["topic"]?.GetValue<string>() == "north-korea")!;
        Assert.Equal((95.0, 75.0), (moved["before"]!.GetValue<double>(), moved["after"]!.GetValue<double>()));
        Assert.StartsWith("United States moves on north-korea from 95 to 75", moved["said"]!.GetValue<string>());

        // trade-for-defence's sample: after round 1 the US offers on procurement 85 + (1/3)^5 × (65 − 85) = 85 − 20/243
        // = 84.91770 (worked in ExercisePlayTests), shown 84.9177 in words; the JSON carries it exact. The answers give
        // no response, so Japan rejects it.
        var trade = await PlaySampleAsync("trade-for-defence", "trade-for-defence-jp", "--format", "json");
        var offer = System.Text.Json.Nodes.JsonNode.Parse(trade.Output)!["play"]![0]!["events"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == "r1-US-offer.r1.defense-procurement")!;
        Assert.Equal(("offer", "US"), (offer["kind"]!.GetValue<string>(), offer["from"]!.GetValue<string>()));
        Assert.Equal(85 - 20.0 / 243, offer["terms"]!["defense-procurement"]!.GetValue<double>(), 9);
        var rejected = Assert.Single(offer["answers"]!.AsArray())!;
        Assert.Equal(("JP", "reject"), (rejected["actor"]!.GetValue<string>(), rejected["answer"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_debrief_tells_the_models_side_making_no_offer_and_gives_a_round_where_nothing_happened_its_heading()
    {
        // North-korea-line as Japan with one proposal, north-korea-sanctions 88 in round 1, which the US accepts (worked in
        // ExercisePlayTests). After rounds 1 and 2 every topic is settled by an agreement in force binding both roles
        // (north-korea by the summit's nk-maximum-pressure, strained by round 2's inject but in force; sanctions by
        // r1-JP-1), so the US makes no offer either time; nothing at all happens in round 3.
        var run = await PlayAsync("north-korea-line", "JP", "{ pressure-holds: yes, us-line: 80 }", ["{ round: 1, terms: { north-korea-sanctions: 88 } }"]);
        var play = Words(run.Output[run.Output.IndexOf("Play, round by round", StringComparison.Ordinal)..run.Output.IndexOf("Predictions:", StringComparison.Ordinal)]);

        Assert.Contains("Agreement r1-JP-1: north-korea-sanctions 88. Both sides are now bound by it. United States makes no offer of its own after round 1: an agreement in force settles every topic on the table. Round 2 of 3", play);
        Assert.Contains("before it breaks). United States makes no offer of its own after round 2: an agreement in force settles every topic on the table. Round 3 of 3", play);
        Assert.EndsWith("Round 3 of 3 Nothing changed in this round: no inject came, and no side made a proposal or an offer. ", play);

        // The JSON has round 3 too, with no events.
        var json = await PlayAsync("north-korea-line", "JP", "{ pressure-holds: yes, us-line: 80 }", ["{ round: 1, terms: { north-korea-sanctions: 88 } }"], "--format", "json");
        var rounds = System.Text.Json.Nodes.JsonNode.Parse(json.Output)!["play"]!.AsArray();
        Assert.Equal([1, 2, 3], rounds.Select(r => r!["round"]!.GetValue<int>()));
        Assert.Empty(rounds[2]!["events"]!.AsArray());
    }

    [Fact]
    public async Task Json_carries_a_proposal_s_terms_exact_and_its_words_as_written()
    {
        // The fifth check's example: Japan proposes trade-imbalance 73.9999. Rounded to two decimals it read 74 in the
        // JSON and the words, while a breach it caused quoted 73.9999; the JSON now holds 73.9999, the words the same.
        string[] proposals = ["{ round: 1, terms: { trade-imbalance: 73.9999 } }"];
        var run = await PlayAsync("trade-for-defence", "JP", "{ trade-deal: yes, procurement-end: 65 }", proposals, "--format", "json");
        var proposal = System.Text.Json.Nodes.JsonNode.Parse(run.Output)!["play"]![0]!["events"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == "r1-JP-1")!;
        Assert.Equal(73.9999, proposal["terms"]!["trade-imbalance"]!.GetValue<double>());
        var text = await PlayAsync("trade-for-defence", "JP", "{ trade-deal: yes, procurement-end: 65 }", proposals);
        Assert.Contains("r1-JP-1: You propose trade-imbalance 73.9999", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_of_a_play_by_two_shows_the_model_s_judgement_of_a_player_s_answer_to_that_player_alone()
    {
        // A play by two of north-korea-line: Japan proposes north-korea-sanctions 88 in round 1 and the US's player
        // accepts. The model judges each player's answer by that side's reservation values (its worth of the terms
        // and of no deal, the U(...) figures), confidential to that side: the US's debrief keeps the judgement of
        // its own answer; Japan's debrief, which the other player reads, has only the player's choice.
        string[] responses = ["{ proposal: r1-JP-1, answer: accept }"];
        var japan = await PlayAsync(new Answers("north-korea-line", "JP", "{ pressure-holds: no, us-line: 80 }", ["{ round: 1, terms: { north-korea-sanctions: 88 } }"])
            { Players = 2, Responses = responses, Name = "answers-JP.yaml" }, "--format", "json");
        var us = await PlayAsync(new Answers("north-korea-line", "US", "{ pressure-holds: yes, us-line: 90 }", ["{ round: 1, from: JP, terms: { north-korea-sanctions: 88 } }"])
            { Players = 2, Responses = responses, Name = "answers-US.yaml" }, "--format", "json");
        string ReasonIn(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!["play"]!.AsArray()
            .SelectMany(r => r!["events"]!.AsArray()).Single(e => e!["id"]?.GetValue<string>() == "r1-JP-1")!["answers"]![0]!["reason"]!.GetValue<string>();

        Assert.Equal("scripted: the player's answer", ReasonIn(japan.Output));
        Assert.StartsWith("scripted: the player's answer (model: U(terms) ", ReasonIn(us.Output));
    }

    [Fact]
    public async Task Json_gives_every_event_of_the_play_the_fields_of_its_kind_a_shock_its_changes_and_a_strain_its_numbers()
    {
        var run = await PlaySampleAsync("north-korea-line", "north-korea-line-jp", "--format", "json");
        var events = System.Text.Json.Nodes.JsonNode.Parse(run.Output)!["play"]!.AsArray().SelectMany(r => r!["events"]!.AsArray()).ToList();

        // No event has a field without a value: each carries the fields its kind has.
        foreach (var e in events)
            Assert.DoesNotContain(e!.AsObject(), f => f.Value is null);

        // Round 2's inject, in north-korea-line.yaml: "North Korea offers talks and Washington signals it will meet.",
        // moving the US on north-korea by −20, from its seeded 95 (nothing moved it before) to 75.
        var shock = Assert.Single(events, e => e!["kind"]!.GetValue<string>() == "shock")!;
        Assert.True(shock["inject"]!.GetValue<bool>());
        Assert.Equal("North Korea offers talks and Washington signals it will meet.", shock["reason"]!.GetValue<string>());
        var change = Assert.Single(shock["changes"]!.AsArray())!;
        Assert.Equal(("move", "US", "north-korea", 95.0, 75.0),
            (change["kind"]!.GetValue<string>(), change["actor"]!.GetValue<string>(), change["topic"]!.GetValue<string>(), change["before"]!.GetValue<double>(), change["after"]!.GetValue<double>()));

        // The summit's agreement at 93 is strained by it: the US at 75 is |75 − 93| = 18 from it, past its window
        // 5 + 45 × (1 − 0.9) = 9.5 and not past two (19).
        var strained = Assert.Single(events, e => e!["kind"]!.GetValue<string>() == "agreement-strained")!;
        Assert.Equal(("nk-maximum-pressure", "US", "north-korea"), (strained["agreement"]!.GetValue<string>(), strained["actor"]!.GetValue<string>(), strained["topic"]!.GetValue<string>()));
        Assert.Equal((75.0, 18.0, 93.0, 9.5), (strained["value"]!.GetValue<double>(), strained["distance"]!.GetValue<double>(), strained["agreed"]!.GetValue<double>(), strained["window"]!.GetValue<double>()));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(40)]
    public async Task Text_written_without_spaces_is_wrapped_by_terminal_cells_in_every_part_of_the_debrief(int columns)
    {
        // A teacher's exercise in Japanese: the about, an objective, a prediction's question and the facilitator's note
        // are each one run of wide characters, no space to break at, 100 to 130 cells long. Each is broken between its
        // characters (two cells each), so no line passes the width, and no character is lost.
        const string about = "日本と米国は、東京での首脳会談の後と同じように、貿易赤字と米国製防衛装備品の購入をめぐって交渉する。";
        const string objective = "相手の留保価値の外にある提案は、何度出しても拒否されることを理解する。二つの議題をまとめた提案で合意に達する。";
        const string ask = "日米は演習の終わりに貿易不均衡について有効な合意（維持または緊張状態）を持っているか？";
        const string note = "まず貿易だけの提案をさせる。米国は貿易不均衡について六十五未満を受け入れず、日本は五十五を超えるものを受け入れない。";
        var text = File.ReadAllText(Exercises("trade-for-defence.yaml"))
            .Replace("world: ../", $"world: {SeedFiles.Root}/scenarios/", StringComparison.Ordinal)
            .Replace("record: ../", $"record: {SeedFiles.Root}/scenarios/", StringComparison.Ordinal);
        text = System.Text.RegularExpressions.Regex.Replace(text, "(?m)^about: .*$", $"about: {about}");
        text = System.Text.RegularExpressions.Regex.Replace(text, "(?m)^  - See why an offer .*$", $"  - {objective}");
        text = System.Text.RegularExpressions.Regex.Replace(text, "(?m)^    ask: Will Japan and the US end .*$", $"    ask: {ask}");
        text = System.Text.RegularExpressions.Regex.Replace(text, "(?ms)^facilitator-note: >-\n.*?(?=^roles:)", $"facilitator-note: {note}\n");
        var exercise = Path.Combine(_folder, "japanese.yaml");
        File.WriteAllText(exercise, text);

        var run = await SummitsProcess.RunInAsync(_folder,
            ["exercise", exercise, "--answers", Exercises("answers", "trade-for-defence-jp.yaml"), "--engine", "local", "--teacher"],
            new Dictionary<string, string> { ["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.All(lines, line => Assert.True(Summits.Cli.Output.TerminalWidth.Cells(line) <= columns, $"{Summits.Cli.Output.TerminalWidth.Cells(line)} cells, wider than {columns}: {line}"));
        var joined = string.Concat(run.Output.Where(c => !char.IsWhiteSpace(c)));
        foreach (var written in new[] { about, objective, ask, note })
            Assert.Contains(written, joined);
    }

    [Fact]
    public async Task Json_holds_the_facilitator_s_note_for_the_teacher_only()
    {
        // trade-for-defence.yaml's facilitator-note begins "Let students propose trade alone first"; --teacher adds it
        // to the text debrief, and so to the JSON one; a student's JSON has no such field.
        var student = await PlaySampleAsync("trade-for-defence", "trade-for-defence-jp", "--format", "json");
        var teacher = await PlaySampleAsync("trade-for-defence", "trade-for-defence-jp", "--format", "json", "--teacher");

        Assert.False(System.Text.Json.Nodes.JsonNode.Parse(student.Output)!.AsObject().ContainsKey("facilitator-note"));
        Assert.StartsWith("Let students propose trade alone first", System.Text.Json.Nodes.JsonNode.Parse(teacher.Output)!["facilitator-note"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_facilitator_s_note_is_printed_only_for_the_teacher_and_the_play_is_told_by_round_with_its_ids()
    {
        var student = await PlaySampleAsync("trade-for-defence", "trade-for-defence-jp");
        var teacher = await PlaySampleAsync("trade-for-defence", "trade-for-defence-jp", "--teacher");

        Assert.DoesNotContain("Facilitator's note", student.Output);
        Assert.DoesNotContain("Let students propose trade alone first", student.Output);
        Assert.Contains("\nFacilitator's note (for the teacher)\nLet students propose trade alone first", teacher.Output);
        // Every id the score cites stands in the play, under its round: the sample's three proposals and the US's four offers.
        var play = student.Output[student.Output.IndexOf("\nPlay, round by round", StringComparison.Ordinal)..student.Output.IndexOf("\nPredictions:", StringComparison.Ordinal)];
        foreach (var id in new[] { "r1-JP-1", "r2-JP-1", "r3-JP-1", "r1-US-offer.r1.trade-imbalance", "r1-US-offer.r1.defense-procurement", "r2-US-offer.r1.trade-imbalance", "r2-US-offer.r1.defense-procurement" })
            Assert.Contains($"\n    {id}: ", play);
        Assert.Equal(["  Round 1 of 3", "  Round 2 of 3", "  Round 3 of 3"], play.Split('\n').Where(l => l.StartsWith("  Round", StringComparison.Ordinal)));
        // No notation of the model reaches the student.
        foreach (var jargon in new[] { "U(terms)", "τ", "AC_next", "window", "scripted:", "utility", "Boulware" })
            Assert.DoesNotContain(jargon, student.Output);
    }

    [Fact]
    public async Task An_agreement_made_where_a_side_stood_does_not_break_when_an_inject_only_changes_what_it_cares_about()
    {
        // The facilitator's note's own deal in round 1: trade 55 (Japan's reservation value, the US's is 65, but the
        // US values procurement highly) with procurement 80. The US accepts; Japan, at 25 on trade, agreed to 55.
        // Round 2's inject raises only Japan's salience on trade (0.65 to 0.8): it moves no one, so with the window
        // 5 + 45·(1 − 0.8) = 14 and breach distance 28 now smaller than Japan's 30 from 55, the agreement still holds:
        // a party is held to an agreement when it moves away from it, and Japan never moved.
        var run = await PlayAsync("trade-for-defence", "JP", "{ trade-deal: yes, procurement-end: 65 }", ["{ round: 1, terms: { trade-imbalance: 55, defense-procurement: 80 } }"]);

        var words = Words(run.Output);
        Assert.Contains("Agreement r1-JP-1: defense-procurement 80, trade-imbalance 55. Both sides are now bound by it.", words);
        Assert.DoesNotContain("breach r1-JP-1", words);
        Assert.DoesNotContain("is breached", words);
        Assert.DoesNotContain("is strained", words);
        // The prediction of an agreement in force on trade is right: 5 points.
        Assert.Contains("points: 'yes' is what the simulation did: 5", words);
    }

    [Fact]
    public async Task A_rejection_never_tells_the_student_the_other_side_s_reservation_value()
    {
        // Japan proposes trade-imbalance 40 in round 1, once as a last word (no deadline) and once with a deadline of 2 rounds.
        // Trade-for-defence's brief for Japan says the model "tells you none" of the US's reservation values (65 on trade).
        var final = await PlayAsync("trade-for-defence", "JP", "{ trade-deal: no, procurement-end: 65 }", ["{ round: 1, terms: { trade-imbalance: 40 } }"]);
        var open = await PlayAsync("trade-for-defence", "JP", "{ trade-deal: no, procurement-end: 65 }", ["{ round: 1, terms: { trade-imbalance: 40 }, deadline: 2 }"]);

        var (last, opened) = (Words(final.Output), Words(open.Output));
        // The US (at 75, salience 0.9, curvature 0.7) finds 40 worth 0.9 × (1 − 0.35^0.7) = 0.9 × (1 − 0.479565) = 0.468391,
        // and no deal, at its reservation value 65, 0.9 × (1 − 0.1^0.7) = 0.720426: 0.4684 and 0.7204 at four decimals.
        // A last word is judged at the end of the time limit (τ = 1), where the US's concession curve has reached its
        // reservation value, 65: its counter would be that value, so it says only that it keeps its limit to itself.
        Assert.Contains("r1-JP-1: You propose trade-imbalance 40. United States rejects: the terms are worth 0.4684 to it, less than no deal (its BATNA), worth 0.7204 (worth: how good an outcome is for that side, higher is better). It does not say what it would settle for.", last);
        Assert.DoesNotContain("settle at", last);
        Assert.DoesNotContain("trade-imbalance 65", last);
        // With a deadline the proposal of round 1 opens at τ = (1 − 1)/3 = 0, where the Boulware curve x + τ^(1/β)·(r − x) has conceded nothing:
        // the US (at 75 on trade, the brief's starting position) would settle at its own 75, not at 65.
        // The play tells the deadline with the proposal, and the debrief in the same words.
        Assert.Contains("r1-JP-1: You propose trade-imbalance 40, open for 2 offer rounds. United States rejects: the terms are worth 0.4684 to it, less than no deal (its BATNA), worth 0.7204 (worth: how good an outcome is for that side, higher is better). It would settle at trade-imbalance 75 instead.", opened);
        Assert.DoesNotContain("trade-imbalance 65", opened);
    }

    [Fact]
    public async Task A_proposal_with_a_deadline_is_told_under_each_round_it_is_renewed_in_and_expires_when_its_deadline_passes()
    {
        var run = await PlayAsync("trade-for-defence", "JP", "{ trade-deal: yes, procurement-end: 65 }", ["{ round: 1, terms: { defense-procurement: 70 }, deadline: 2 }"]);

        // By hand: trade-for-defence has 3 rounds, and the model offers after rounds 1 and 2. The proposal of round 1 is
        // made in round 1 (r1-JP-1), renewed at the offers after round 1 (~1, still round 1) and after round 2 (~2, in
        // round 2), which is its 2nd offer round: it expires there. The US never accepts 70 (it counters each time), so
        // nothing is agreed, and nothing of it is left for round 3, which is played with nothing in it.
        var play = run.Output.Split('\n').SkipWhile(l => !l.StartsWith("Play, round by round", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("Predictions", StringComparison.Ordinal))
            .Select(l => l.Trim()).Where(l => l.StartsWith("Round ", StringComparison.Ordinal) || l.StartsWith("r1-JP-1", StringComparison.Ordinal));
        Assert.Equal(
            // In the words the play at the keyboard tells them (PlayInWords.Proposed and Renewed, the one place that words
            // them): the deadline with the proposal, and each renewal as the open proposal put again after its round.
            ["Round 1 of 3", "r1-JP-1: You propose defense-procurement 70, open for 2 offer rounds.", "r1-JP-1~1: your open proposal defense-procurement 70 is put again after round 1.",
             "Round 2 of 3", "r1-JP-1~2: your open proposal defense-procurement 70 is put again after round 2.", "r1-JP-1 expires on defense-procurement: its deadline passed without agreement.",
             // Round 3, in which nothing happens, still has its heading (with a line saying nothing changed).
             "Round 3 of 3"],
            play);

        // A deadline past the offer rounds left is refused at its place with the range: a proposal of round 1 of 3 has 2.
        var answers = Path.Combine(_folder, "answers.yaml");
        File.WriteAllText(answers, "answers: trade-for-defence\nrole: JP\npredictions: { trade-deal: yes, procurement-end: 65 }\nproposals:\n  - round: 1\n    terms: { defense-procurement: 70 }\n    deadline: 9\n");
        var refused = await SummitsProcess.RunAsync("exercise", Exercises("trade-for-defence.yaml"), "--answers", answers, "--engine", "local");
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal($"{answers}:7:15: 'deadline' counts the model's offer rounds the proposal stays open for, from the one after its round: a proposal of round 1 of 3 can stay open for 1 to 2, not 9", Assert.Single(refused.ErrorLines));
    }

    [Fact]
    public async Task Without_answers_and_without_a_terminal_to_play_at_it_is_a_usage_error_with_exit_code_2()
    {
        var run = await SummitsProcess.RunFromPipeAsync(_folder, "exercise", Exercises("trade-for-defence.yaml"), "--engine", "local");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal("summits exercise: error: standard input is not a terminal, so the exercise cannot be played at the keyboard; give --answers FILE to play it without prompts (see 'summits exercise --help')",
            Assert.Single(run.ErrorLines));
    }

    [Theory]
    // Both of exercise's refusals of --teacher, with --format csv and with an answers file and -q, are checks of options
    // that wait for FILE: left out, it is named first, as every command names a missing argument (ParseErrorTests), with
    // the three shipped exercises (ls scenarios/exercises, ShippedFileLists.ShippedExercises).
    [InlineData("--format csv --teacher")]
    [InlineData("--answers ANSWERS -q --teacher")]
    public async Task A_missing_exercise_file_is_named_before_a_teacher_option_that_cannot_apply(string arguments)
    {
        var run = await SummitsProcess.RunAsync(["exercise", .. arguments.Split(' ').Select(a => a == "ANSWERS" ? Exercises("answers", "trade-for-defence-jp.yaml") : a)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal($"summits exercise: error: the argument <FILE> is missing: 'summits exercise' takes <FILE>; the shipped exercise files: {ShippedFileLists.ShippedExercises} (see 'summits exercise --help')",
            Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("3", false, "--players must be one of 1 or 2, not '3'")]
    [InlineData("2", true, "--players is for a play at the keyboard; an answers file says who played in its own 'players'")]
    public async Task A_wrong_players_is_a_usage_error_with_exit_code_2(string players, bool withAnswers, string problem)
    {
        string[] answers = withAnswers ? ["--answers", Exercises("answers", "trade-for-defence-jp.yaml")] : [];
        var run = await SummitsProcess.RunAsync(["exercise", Exercises("trade-for-defence.yaml"), "--players", players, .. answers, "--engine", "local"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"summits exercise: error: {problem} (see 'summits exercise --help')", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Breaking_an_agreement_past_the_limits_keeps_its_penalties_and_adds_the_breach()
    {
        // trade-for-defence as Japan (the trial's play at the keyboard): in round 2 Japan proposes trade-imbalance 72 as
        // its last word and the US accepts (worth 0.8227 to it, no deal 0.7204), agreement r2-JP-1; in round 3 Japan
        // proposes trade-imbalance 30, which breaches it. By hand, from the exercise file (Japan starts at 25 on trade,
        // reservation 55, priority 2, must not give up past 70; scoring by default):
        //   r2-JP-1 at 72: (72 − 55) / (25 − 55) = −0.5667, past the reservation value: −5 × priority 2 = −10
        //   72 is past the limit 70 (Japan started below it, at 25): −20
        //   round 2's inject raises Japan's salience on trade to 0.8: window 5 + 45 × (1 − 0.8) = 14, a breach beyond
        //     2 × 14 = 28; Japan's 30 is |30 − 72| = 42 from the agreed 72: Japan breaches r2-JP-1 in round 3: −10
        //   trade-deal: 'yes', but r2-JP-1 is breached and nothing else is agreed on trade: 0
        //   procurement-end: Japan rejects the US's offers 84.9177 and 82.3663 and ends at 60.9949 (worked in
        //     ExercisePlayTests): |60 − 60.9949| = 0.9949, no full step of 5: 10
        //   total −10 − 20 − 10 + 0 + 10 = −30
        // Keeping the agreement (no round 3) scores the same two penalties and 'yes' right: −10 − 20 + 5 + 10 = −15.
        string[] kept = ["{ round: 2, terms: { trade-imbalance: 72 } }"];
        var breached = await PlayAsync("trade-for-defence", "JP", "{ trade-deal: yes, procurement-end: 60 }", [.. kept, "{ round: 3, terms: { trade-imbalance: 30 } }"]);
        var keeping = await PlayAsync("trade-for-defence", "JP", "{ trade-deal: yes, procurement-end: 60 }", kept);

        static string Score(string output) => Words(output[output.IndexOf("\nScore\n", StringComparison.Ordinal)..]).Trim();
        Assert.Equal(string.Join(" ",
            "Score",
            "-10 beyond-reservation r2-JP-1/trade-imbalance: trade-imbalance agreed at 72, past your reservation value 55 (you started at 25): -5 × priority 2 = -10",
            "-20 must-not-give-up r2-JP-1/trade-imbalance: trade-imbalance agreed at 72, past the limit 70 you must not give up (managed trade would breach Japan's commitments in the WTO): -20",
            "-10 breach r2-JP-1: r2-JP-1 binds JP and was breached in round 3 by JP, who strayed from its terms (JP proposed 30, 42 from the agreed 72 (window 14)): -10",
            "0 prediction trade-deal: 'yes', but the simulation's answer is 'no': 0",
            "10 prediction procurement-end: |60 − 60.9949| = 0.9949, 0 full step(s) of 5: 10 − 0 = 10",
            "-30 total"), Score(breached.Output));
        Assert.Equal(string.Join(" ",
            "Score",
            "-10 beyond-reservation r2-JP-1/trade-imbalance: trade-imbalance agreed at 72, past your reservation value 55 (you started at 25): -5 × priority 2 = -10",
            "-20 must-not-give-up r2-JP-1/trade-imbalance: trade-imbalance agreed at 72, past the limit 70 you must not give up (managed trade would breach Japan's commitments in the WTO): -20",
            "5 prediction trade-deal: 'yes' is what the simulation did: 5",
            "10 prediction procurement-end: |60 − 60.9949| = 0.9949, 0 full step(s) of 5: 10 − 0 = 10",
            "-15 total"), Score(keeping.Output));
    }

    [Fact]
    public async Task Every_figure_of_the_play_is_shown_as_written_to_four_decimals_at_most()
    {
        // North-korea-line as Japan: JP proposes north-korea 94 in round 1 and the US accepts; round 2's inject moves the
        // US 20 points toward dialogue. By hand (world 2017-11-06-abe-trump, default parameters):
        //   the proposal pulls the US: Δ = α · c_JP / (c_US + c_JP) · (1 + a_US→JP) / 2 · (1 − s_US) · (94 − 95)
        //     = 0.1 × 0.45 / 1.25 × 1.8 / 2 × (1 − 0.9) × (−1) = −0.00324, so the US goes from 95 to 94.99676,
        //     94.9968 at four decimals (half away from zero).
        //   the inject: 94.99676 − 20 = 74.99676, 74.9968; the inject's words say both ends so (two decimals would say
        //     "from 95 to 75" beside the breach's 74.9968).
        //   the US's window on north-korea is 5 + 45 × (1 − 0.9) = 9.5, and an agreement breaks beyond 2 × 9.5 = 19;
        //     94 − 74.9968 = 19.0032, more than 19: breached.
        //   us-line: the US ends at 74.99676 (nothing moves it after the inject), so |80 − 74.9968| = 5.0032, one full
        //     step of 5: 10 − 1 = 9.
        var run = await PlayAsync("north-korea-line", "JP", "{ pressure-holds: no, us-line: 80 }", ["{ round: 1, terms: { north-korea: 94 } }"]);
        var words = Words(run.Output);

        Assert.Contains("United States moved on north-korea from 95 to 94.9968, a little toward the terms it heard.", words);
        Assert.Contains("United States moves on north-korea from 94.9968 to 74.9968: North Korea offers talks and Washington signals it will meet.", words);
        Assert.Contains("Agreement r1-JP-1 is breached on north-korea: US now at 74.9968, 19.0032 from the agreed 94 (a party may stray 9.5 points from an agreement before it strains, and 19 before it breaks).", words);
        Assert.Contains("r1-JP-1 was breached in round 2 by US, who strayed from its terms (US at 74.9968, 19.0032 from the agreed 94 (window 9.5)); JP held to them: 0", words);
        Assert.Contains("north-korea US 95 → 94.9968 → 74.9968", words);
        Assert.Contains("prediction us-line: |80 − 74.9968| = 5.0032, 1 full step(s) of 5: 10 − 1 = 9", words);
    }

    [Fact]
    public async Task The_shipped_north_korea_inject_is_told_in_the_same_figures_as_the_strain_and_the_path()
    {
        // The shipped sample (JP proposes sanctions 88, then north-korea 82): nothing moves the US on north-korea
        // before round 2, so the inject takes it from 95 to 95 − 20 = 75, 93 − 75 = 18 from the agreed 93: beyond the
        // window 9.5, within 19, strained. Every figure whole, as written.
        var run = await PlaySampleAsync("north-korea-line", "north-korea-line-jp");
        var words = Words(run.Output);

        Assert.Contains("United States moves on north-korea from 95 to 75: North Korea offers talks and Washington signals it will meet.", words);
        Assert.Contains("Agreement nk-maximum-pressure is strained on north-korea: US now at 75, 18 from the agreed 93", words);
    }

    [Fact]
    public async Task Json_gives_a_breach_caused_by_a_proposal_an_event_with_the_same_fields_as_any_other_breach()
    {
        // North-korea-line as the US: the US proposes north-korea 65 in round 1. The seeded agreement nk-maximum-pressure
        // binds the US at 93; the US's window there is 5 + 45 × (1 − 0.9) = 9.5, and |65 − 93| = 28 is more than
        // 2 × 9.5 = 19, so the proposal breaches it at once (a proposal strays from its proposer's terms).
        var run = await PlayAsync("north-korea-line", "US", "{ pressure-holds: no, us-line: 60 }", ["{ round: 1, terms: { north-korea: 65 } }"], "--format", "json");
        var round1 = System.Text.Json.Nodes.JsonNode.Parse(run.Output)!["play"]!.AsArray().Single(r => r!["round"]!.GetValue<int>() == 1)!["events"]!.AsArray().ToList();

        var proposal = round1.FindIndex(e => e!["id"]?.GetValue<string>() == "r1-US-1");
        var breach = round1.FindIndex(e => e!["kind"]!.GetValue<string>() == "agreement-breached" && e["cause"]!.GetValue<string>() == "r1-US-1");
        Assert.True(proposal >= 0 && breach > proposal, run.Output);
        var e = round1[breach]!;
        Assert.Equal(("nk-maximum-pressure", "US", "north-korea"), (e["agreement"]!.GetValue<string>(), e["actor"]!.GetValue<string>(), e["topic"]!.GetValue<string>()));
        Assert.Equal((65.0, 28.0, 93.0, 9.5), (e["value"]!.GetValue<double>(), e["distance"]!.GetValue<double>(), e["agreed"]!.GetValue<double>(), e["window"]!.GetValue<double>()));
        Assert.False(e["inject"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Json_gives_every_move_and_answer_the_words_tell_an_event_with_its_exact_values()
    {
        // North-korea-line as Japan, north-korea 94 in round 1 (worked in Every_figure_of_the_play_…): the proposal pulls
        // the US from 95 by −0.00324 to 94.99676, told "from 95 to 94.9968"; the US accepts, which makes r1-JP-1 at 94.
        var north = await PlayAsync("north-korea-line", "JP", "{ pressure-holds: no, us-line: 80 }", ["{ round: 1, terms: { north-korea: 94 } }"], "--format", "json");
        var round1 = Events(north.Output, 1);
        var pulled = Assert.Single(round1, e => e["kind"]!.GetValue<string>() == "move" && e["cause"]!.GetValue<string>() == "r1-JP-1");
        Assert.Equal(("US", "north-korea", false), (pulled["actor"]!.GetValue<string>(), pulled["topic"]!.GetValue<string>(), pulled["inject"]!.GetValue<bool>()));
        Assert.Equal(95, pulled["before"]!.GetValue<double>());
        Assert.Equal(95 - 0.00324, pulled["after"]!.GetValue<double>(), 9);
        Assert.Equal("United States moved on north-korea from 95 to 94.9968, a little toward the terms it heard.", pulled["said"]!.GetValue<string>());
        var made = Assert.Single(round1, e => e["kind"]!.GetValue<string>() == "agreement-made");
        Assert.Equal(("r1-JP-1", 94.0), (made["agreement"]!.GetValue<string>(), made["terms"]!["north-korea"]!.GetValue<double>()));

        // Trade-for-defence as Japan, trade-imbalance 40 open for 2 offer rounds. In round 1 (τ = 0) the US, Boulware at
        // 75, would settle at its own 75: its answer carries those terms. The proposal pulls it by
        // 0.1 × 0.45/1.25 × 1.8/2 × 0.1 × (40 − 75) = −0.1134, to 74.8866. The US's offer after round 1 on procurement,
        // 85 − 20/243 (worked in ExercisePlayTests), pulls Japan from 60 by 0.1 × 0.8/1.25 × 1.9/2 × 0.35 = 0.02128 of
        // the way: 60 + 0.02128 × (25 − 20/243) = 60.530249, told "from 60 to 60.5302".
        var trade = await PlayAsync("trade-for-defence", "JP", "{ trade-deal: no, procurement-end: 65 }", ["{ round: 1, terms: { trade-imbalance: 40 }, deadline: 2 }"], "--format", "json");
        var first = Events(trade.Output, 1);
        var proposal = Assert.Single(first, e => e["id"]?.GetValue<string>() == "r1-JP-1");
        var answer = Assert.Single(proposal["answers"]!.AsArray())!;
        Assert.Equal(("US", "reject", 75.0), (answer["actor"]!.GetValue<string>(), answer["answer"]!.GetValue<string>(), answer["terms"]!["trade-imbalance"]!.GetValue<double>()));
        var us = Assert.Single(first, e => e["kind"]!.GetValue<string>() == "move" && e["cause"]!.GetValue<string>() == "r1-JP-1");
        Assert.Equal((75.0, 75 - 0.1134), (us["before"]!.GetValue<double>(), Math.Round(us["after"]!.GetValue<double>(), 9)));
        var japan = Assert.Single(first, e => e["kind"]!.GetValue<string>() == "move" && e["cause"]!.GetValue<string>() == "r1-US-offer.r1.defense-procurement");
        Assert.Equal(("JP", "defense-procurement", 60.0), (japan["actor"]!.GetValue<string>(), japan["topic"]!.GetValue<string>(), japan["before"]!.GetValue<double>()));
        Assert.Equal(60 + 0.02128 * (25 - 20.0 / 243), japan["after"]!.GetValue<double>(), 9);
        Assert.Equal("You moved on defense-procurement from 60 to 60.5302: hearing terms pulls a side a little toward them.", japan["said"]!.GetValue<string>());

        // Every move a proposal's or an offer's words tell ("moved on TOPIC from A to B") is an event of its own with the
        // exact values those words round, and every answer they tell is among its answers.
        foreach (var play in new[] { north, trade })
        {
            var events = System.Text.Json.Nodes.JsonNode.Parse(play.Output)!["play"]!.AsArray().SelectMany(r => r!["events"]!.AsArray()).Select(e => e!).ToList();
            foreach (var item in events.Where(e => e["kind"]!.GetValue<string>() is "proposal" or "offer"))
            {
                var said = item["said"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
                foreach (var line in said)
                {
                    var move = System.Text.RegularExpressions.Regex.Match(line, @"moved on (?<topic>\S+) from (?<before>[\d.]+) to (?<after>[\d.]+)");
                    if (!move.Success)
                        continue;
                    Assert.Contains(events, e => e["kind"]!.GetValue<string>() == "move" && e["cause"]!.GetValue<string>() == item["id"]!.GetValue<string>()
                        && e["topic"]!.GetValue<string>() == move.Groups["topic"].Value
                        && Summits.Model.Figures.Text(e["before"]!.GetValue<double>()) == move.Groups["before"].Value
                        && Summits.Model.Figures.Text(e["after"]!.GetValue<double>()) == move.Groups["after"].Value
                        && e["said"]!.GetValue<string>() == line);
                }
                Assert.Equal(said.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^(You|[A-Z][\w ]+?) (accept|reject|counter)s?\b")), item["answers"]!.AsArray().Count);
            }
        }
    }

    [Fact]
    public async Task Json_names_no_terms_an_answer_keeps_to_itself()
    {
        // Trade-for-defence as Japan, trade-imbalance 40 with no deadline: a last word, judged at τ = 1, where the US's
        // counter would be its confidential reservation value on trade-imbalance (65 in the exercise's instructions for the
        // US). Its words say only "It does not say what it would settle for.", and its answer in the JSON has no terms.
        var play = await PlayAsync("trade-for-defence", "JP", "{ trade-deal: no, procurement-end: 65 }", ["{ round: 1, terms: { trade-imbalance: 40 } }"], "--format", "json");
        var proposal = Assert.Single(Events(play.Output, 1), e => e["id"]?.GetValue<string>() == "r1-JP-1");
        var answer = Assert.Single(proposal["answers"]!.AsArray())!;
        Assert.Equal(("US", "reject"), (answer["actor"]!.GetValue<string>(), answer["answer"]!.GetValue<string>()));
        Assert.Null(answer["terms"]);
        Assert.Contains(proposal["said"]!.AsArray(), l => l!.GetValue<string>().EndsWith("It does not say what it would settle for.", StringComparison.Ordinal));

        // Over the three shipped exercises played with their sample answers: an answer carries terms exactly where its
        // words say "It would settle at … instead".
        foreach (var (exercise, answers) in new[] { ("trade-for-defence", "trade-for-defence-jp"), ("bilateral-fta", "bilateral-fta-us"), ("north-korea-line", "north-korea-line-jp") })
        {
            var sample = await PlaySampleAsync(exercise, answers, "--format", "json");
            var events = System.Text.Json.Nodes.JsonNode.Parse(sample.Output)!["play"]!.AsArray().SelectMany(r => r!["events"]!.AsArray()).Select(e => e!);
            foreach (var item in events.Where(e => e["kind"]!.GetValue<string>() is "proposal" or "offer"))
            {
                var said = item["said"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
                var named = said.Count(l => l.Contains("It would settle at", StringComparison.Ordinal));
                Assert.Equal(named, item["answers"]!.AsArray().Count(a => a!["terms"] is not null));
            }
        }
    }

    /// <summary>The events of <paramref name="round"/> in a debrief's JSON.</summary>
    private static List<System.Text.Json.Nodes.JsonNode> Events(string json, int round) =>
        [.. System.Text.Json.Nodes.JsonNode.Parse(json)!["play"]!.AsArray().Single(r => r!["round"]!.GetValue<int>() == round)!["events"]!.AsArray().Select(e => e!)];

    [Fact]
    public async Task The_debrief_s_record_lines_speak_of_the_play_in_text_and_json_alike()
    {
        // trade-for-defence with its sample answers: the US's offers pull Japan on procurement from 60 to 60.9942, less
        // than the 1 point a move toward the high end needs (the F-35 decision), so the two disagree, said of the play.
        const string said = "The play left JP at 60.9942 on defense-procurement, less than 1 point from where it started; the record has it move toward the high end (Large and expanding purchases of US equipment).";
        var text = await PlaySampleAsync("trade-for-defence", "trade-for-defence-jp");
        var json = await PlaySampleAsync("trade-for-defence", "trade-for-defence-jp", "--format", "json");

        Assert.Contains(said, Words(text.Output));
        Assert.DoesNotContain("The run ", Words(text.Output));
        Assert.Equal(said, System.Text.Json.Nodes.JsonNode.Parse(json.Output)!["record"]![0]!["difference"]!.GetValue<string>());
    }
}
