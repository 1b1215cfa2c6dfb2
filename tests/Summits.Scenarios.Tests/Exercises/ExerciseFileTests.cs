namespace Summits.Scenarios.Tests.Exercises;

/// <summary>
/// Each kind of mistake in an exercise or an answers file is one line naming the file, line and column,
/// what is wrong and the valid choices; and the shipped exercises and their sample answers load.
/// </summary>
public sealed class ExerciseFileTests : IDisposable
{
    private readonly ScenarioFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string World => $"'{RepoFiles.SeedWorld.Replace("'", "''")}'";

    /// <summary>A valid exercise on the trade imbalance, with <paramref name="replace"/> swapped for <paramref name="with"/>.</summary>
    private (string File, string Text) Exercise(string replace = "", string with = "")
    {
        var text = TestExercise.Text(World, rounds: 2, jp: (2, 45), us: (1, 60));
        if (replace.Length > 0)
        {
            Assert.Contains(replace, text);
            text = text.Replace(replace, with, StringComparison.Ordinal);
        }
        return _folder.WriteRaw(text, "exercise.yaml");
    }

    private static InputException FailsAt((string File, string Text) file, Action load, string at, int occurrence = 1) =>
        ScenarioFolder.FailsAt(file, load, at, occurrence);

    private static InputException ExerciseFailsAt((string File, string Text) file, string at, int occurrence = 1) =>
        FailsAt(file, () => ExerciseFile.Load(file.File), at, occurrence);

    [Fact]
    public void The_shipped_exercises_and_their_sample_answers_load()
    {
        var folder = Path.Combine(RepoFiles.Root, "scenarios", "exercises");
        var files = Directory.GetFiles(folder, "*.yaml").Select(f => Path.GetFileName(f)).Order().ToArray();
        Assert.Equal(["bilateral-fta.yaml", "north-korea-line.yaml", "trade-for-defence.yaml"], files);
        foreach (var file in files)
        {
            var exercise = ExerciseFile.Load(Path.Combine(folder, file));
            Assert.Equal(["JP", "US"], exercise.Roles.Select(r => r.Actor).Order().ToArray());
            Assert.NotEmpty(exercise.Objectives);
            Assert.NotNull(exercise.Record);
            var answers = Directory.GetFiles(Path.Combine(folder, "answers"), exercise.Id + "-*.yaml");
            Assert.NotEmpty(answers);
            Assert.All(answers, a => Assert.NotEmpty(ExerciseFile.LoadAnswers(a, exercise).Proposals));
        }
    }

    // The model's own words (utility, τ, AC_next, a Boulware tactic) mean nothing to a student; what a student reads
    // says them in plain words ("worth", "how far through the time limit"). Everything an exercise shows: its title,
    // about, objectives, questions, injects, limits, both briefs, and the facilitator's note a teacher reads out.
    [Theory]
    [InlineData("bilateral-fta.yaml")]
    [InlineData("north-korea-line.yaml")]
    [InlineData("trade-for-defence.yaml")]
    public void A_shipped_exercise_says_everything_a_student_reads_in_plain_words(string file)
    {
        var exercise = ExerciseFile.Load(Path.Combine(RepoFiles.Root, "scenarios", "exercises", file));
        var read = new List<string> { exercise.Title, exercise.About, exercise.FacilitatorNote };
        read.AddRange(exercise.Objectives);
        read.AddRange(exercise.Predictions.Select(p => p.Ask));
        read.AddRange(exercise.Injects.Select(i => i.Shock.Reason));
        read.AddRange(exercise.Roles.SelectMany(r => r.MustNotGiveUp.Select(l => l.Why)));
        read.AddRange(RoleBrief.Public(exercise));
        read.AddRange(exercise.Roles.SelectMany(r => RoleBrief.Confidential(exercise, r.Actor)));
        foreach (var text in read)
            Assert.DoesNotMatch(@"(?i)utilit|τ|\btau\b|AC_next|Boulware|\bU\(", text);
    }

    // A world or record that is not there is refused at the exercise's reference with what could have been meant: the
    // YAML files in the folder it names, closest to the name first (fewest edits), never the exercise file itself,
    // and no file of another kind.
    [Fact]
    public void A_missing_world_names_the_YAML_files_beside_it_closest_first()
    {
        foreach (var other in new[] { "world.yaml", "world-2.yaml", "after.yaml", "notes.txt" })
            _folder.WriteRaw("x: 1\n", other);
        var exercise = Exercise(World, "wrld.yaml");
        var error = ExerciseFailsAt(exercise, "wrld.yaml");
        // By hand, edits from "wrld.yaml": world.yaml 1 (insert o); world-2.yaml 3 (insert o, '-', '2'); after.yaml 5
        // ("wrld" and "after" share only an r, at different places: 4 letters changed and 1 inserted).
        Assert.Equal($"the world file 'wrld.yaml' does not exist (looked for {Path.Combine(_folder.Path, "wrld.yaml")}); the YAML files there, closest first: world.yaml, world-2.yaml and after.yaml", error.Problem);
    }

    [Fact]
    public void A_missing_record_names_the_YAML_files_beside_it_closest_first_as_the_exercise_wrote_the_folder()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "record"));
        foreach (var other in new[] { "world.yaml", "world-2.yaml", "after.yml", "notes.txt" })
            _folder.WriteRaw("x: 1\n", Path.Combine("record", other));
        var exercise = Exercise("topics: [trade-imbalance]", "record: record/aftr.yaml\ntopics: [trade-imbalance]");
        var error = ExerciseFailsAt(exercise, "record/aftr.yaml");
        // By hand, edits from "aftr.yaml" (.yml counts as .yaml, and is named as it is): after.yml 2 (insert e, delete
        // the a of yaml); world.yaml 5 ("aftr" and "world" share only an r: 4 letters changed and 1 inserted); world-2.yaml
        // 7 (the same and "-2"). Each is written with the folder part, as the exercise named it.
        Assert.Equal($"the record file 'record/aftr.yaml' does not exist (looked for {Path.Combine(_folder.Path, "record", "aftr.yaml")}); the YAML files there, closest first: record/after.yml, record/world.yaml and record/world-2.yaml", error.Problem);
    }

    [Fact]
    public void A_YAML_syntax_error_is_reported_where_the_parser_stopped()
    {
        var error = ExerciseFailsAt(Exercise("title: A test", "title: A: test"), ": test", 2);
        Assert.StartsWith("this is not valid YAML: ", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    // The keys closest to 'when' first, by hand (insertions, deletions, substitutions, swaps): seed 3; world,
    // others and roles 4; title, about and rounds 5; record, topics, injects and scoring 6; exercise 7;
    // objectives and predictions 9; facilitator-note 15; ties in the order docs/exercises.md lists the keys.
    [InlineData("rounds: 2\n", "rounds: 2\nwhen: now\n", "when", "unknown key 'when' in the exercise; expected one of seed, world, others, roles, title, about, rounds, record, topics, injects, scoring, exercise, objectives, predictions or facilitator-note")]
    [InlineData("facilitator-note: Run it.\n", "", "exercise:", "the exercise is missing the required key 'facilitator-note'")]
    [InlineData("rounds: 2", "rounds: 0", "0\n", "'rounds' must be a whole number from 1 to 100, not 0")]
    // The table may hold any of the world's topics: all 16 are the choices, closest to 'defense-procurment' first, by the
    // fewest insertions, deletions, substitutions and swaps (worked apart from the code): defense-procurement 1 (the
    // missing e), us-defense-commitment 9, usfj-realignment 12, china-role 13, north-korea and alliance-deterrence 14,
    // unsc-permanent-seat 15, sectoral-cooperation, economic-dialogue, trade-imbalance and bilateral-fta 16, tpp-11 17,
    // north-korea-sanctions, free-open-indo-pacific and maritime-rule-of-law 18, trade-investment-standards 21; ties in
    // the world's order.
    [InlineData("topics: [trade-imbalance]", "topics: [trade-imbalance, defense-procurment]", "defense-procurment", "unknown topic 'defense-procurment' (did you mean 'defense-procurement'?); known topics: defense-procurement, us-defense-commitment, usfj-realignment, china-role, north-korea, alliance-deterrence, unsc-permanent-seat, sectoral-cooperation, economic-dialogue, trade-imbalance, bilateral-fta, tpp-11, north-korea-sanctions, free-open-indo-pacific, maritime-rule-of-law and trade-investment-standards")]
    // Eight topics (JP and US hold positions on each) would make a round's menu 8 + 2 = 10 choices, past the keys 1 to 9:
    // refused at the eighth.
    [InlineData("topics: [trade-imbalance]", "topics: [trade-imbalance, bilateral-fta, tpp-11, north-korea, north-korea-sanctions, defense-procurement, alliance-deterrence, china-role]", "china-role", "a table holds at most 7 topics, so that each round's menu at the keyboard (a choice for each topic, one for a package and one to end the round) fits the keys 1 to 9; this one names 8")]
    // Only JP and US hold a position on trade-imbalance, the table's one topic: they alone can take a role, and they
    // are the choices, closest first (USA → US 1 edit, → JP 3; FR → JP and → US 2 each, so the world's order).
    [InlineData("  - actor: US", "  - actor: CN", "CN", "CN holds no position on 'trade-imbalance', which is on the table; a role is an actor with a position on every topic on the table: JP and US")]
    [InlineData("  - actor: US", "  - actor: USA", "USA", "unknown actor 'USA' (did you mean 'US'?); the actors that can take a role (a position on every topic on the table): US and JP")]
    [InlineData("  - actor: US", "  - actor: FR", "FR", "unknown actor 'FR'; the actors that can take a role (a position on every topic on the table): JP and US")]
    // A value question names an actor with a position on its topic: JP and US on trade-imbalance (KP → JP 1 edit, → US 2; UK → US 1, → JP 2).
    // An id one edit from a choice (USA, UK → US; trade-imbalanse → trade-imbalance; defense-procurment →
    // defense-procurement) names it as the one meant; FR, two edits from each of two-letter JP and US, names none.
    // A list of one is the choice itself: "gives a limit on trade-imbalance", not "on one of trade-imbalance".
    [InlineData("value: { actor: JP", "value: { actor: KP", "KP", "KP holds no position on 'trade-imbalance', so its end cannot be predicted; actors with a position there: JP and US")]
    [InlineData("value: { actor: JP", "value: { actor: UK", "UK", "unknown actor 'UK' (did you mean 'US'?); actors with a position on 'trade-imbalance': US and JP")]
    [InlineData("reservation: { trade-imbalance: 45 }", "reservation: { trade-imbalance: 145 }", "145", "'trade-imbalance' must be a number from 0 to 100, not 145")]
    [InlineData("reservation: { trade-imbalance: 45 }", "reservation: { tpp-11: 45 }", "tpp-11", "'tpp-11' is not on the table; 'reservation' gives a value for each topic on the table: trade-imbalance")]
    // A limit on a topic off the table could never be scored: play makes agreements only on the table (here trade-imbalance alone).
    [InlineData("reservation: { trade-imbalance: 45 }", "reservation: { trade-imbalance: 45 }\n    must-not-give-up: [ { topic: tpp-11, limit: 70, why: a rule } ]", "tpp-11", "'tpp-11' is not on the table; 'must-not-give-up' gives a limit on trade-imbalance")]
    [InlineData("priorities: { trade-imbalance: 1 }", "priorities: { }", "{ }", "'priorities' has no value for 'trade-imbalance'; it gives one for each topic on the table: trade-imbalance")]
    // A question is on a topic on the table: a topic the world does not know lists the table's topics, not the world's.
    [InlineData("agreement: trade-imbalance, points", "agreement: tpp-12, points", "tpp-12", "unknown topic 'tpp-12'; the topics on the table: trade-imbalance")]
    [InlineData("topic: trade-imbalance }", "topic: trade-imbalanse }", "trade-imbalanse", "unknown topic 'trade-imbalanse' (did you mean 'trade-imbalance'?); the topics on the table: trade-imbalance")]
    [InlineData("ask: A deal?, agreement: trade-imbalance,", "ask: A deal?,", "{ id: deal", "a prediction question needs 'agreement: TOPIC' (a yes-or-no question), 'value: { actor, topic }' (a value from 0 to 100) or 'choice' (a list of two to six options)")]
    [InlineData("{ id: end,", "{ id: deal,", "deal", "the question id 'deal' is used twice; each question needs an id of its own", 3)]
    // A question on a topic of the world that is not on the table (tpp-11: JP and US hold positions there) cannot be answered by any play.
    [InlineData("agreement: trade-imbalance, points", "agreement: tpp-11, points", "tpp-11", "'tpp-11' is not on the table, so no play can answer a question on it; the topics on the table: trade-imbalance")]
    [InlineData("topic: trade-imbalance }", "topic: tpp-11 }", "tpp-11", "'tpp-11' is not on the table, so no play can answer a question on it; the topics on the table: trade-imbalance")]
    public void A_mistake_in_an_exercise_is_one_line_at_its_place(string replace, string with, string at, string problem, int occurrence = 1)
    {
        var file = Exercise(replace, with);
        var error = ExerciseFailsAt(file, at, occurrence);
        Assert.Equal(problem, error.Problem);
    }

    /// <summary>The test exercise with a third question, multiple choice: who moves more on the trade imbalance, or a deal.</summary>
    private const string Choice = """
          - id: who
            ask: Who moves more?
            points: 10
            choice:
              - { id: jp, says: Japan, moves-more: { actor: JP, topic: trade-imbalance } }
              - { id: us, says: The US, moves-more: { actor: US, topic: trade-imbalance } }
              - { id: deal, says: A deal, agreement: trade-imbalance }

        """;

    [Fact]
    public void A_multiple_choice_question_loads_with_its_options_in_order()
    {
        var exercise = ExerciseFile.Load(Exercise("points: 10 }\n", "points: 10 }\n" + Choice).File);
        var who = exercise.Predictions[2];
        Assert.True(who.IsChoice);
        Assert.Equal([("jp", OptionKind.MovesMore, "JP"), ("us", OptionKind.MovesMore, "US"), ("deal", OptionKind.Agreement, null)],
            who.Options.Select(o => (o.Id, o.Kind, o.Actor)));
    }

    [Theory]
    // A kind written wrong is told among the kinds, closest first: 'agreements' is 1 edit from agreement (drop the s),
    // 4 from no-agreement (add "no-", drop the s), and more from moves-more (10 letters, only 'e' and 's' in line).
    [InlineData("A deal, agreement:", "A deal, agreements:", "agreements", "unknown option kind 'agreements'; an option is one of agreement, no-agreement or moves-more")]
    [InlineData(", agreement: trade-imbalance }", " }", "{ id: deal, says", "an option needs one outcome that the play decides: agreement, no-agreement or moves-more")]
    [InlineData(", agreement: trade-imbalance }", ", agreement: trade-imbalance, no-agreement: trade-imbalance }", "{ id: deal, says", "an option has one outcome, not 'agreement' and 'no-agreement'")]
    // Three options less two is one: fewer than the two a choice needs; seven is more than six.
    [InlineData("      - { id: us, says: The US, moves-more: { actor: US, topic: trade-imbalance } }\n      - { id: deal, says: A deal, agreement: trade-imbalance }\n", "", "- { id: jp", "a multiple-choice question has 2 to 6 options, not 1")]
    [InlineData("      - { id: deal, says: A deal, agreement: trade-imbalance }\n", "      - { id: deal, says: A deal, agreement: trade-imbalance }\n      - { id: a, says: A, agreement: trade-imbalance }\n      - { id: b, says: B, agreement: trade-imbalance }\n      - { id: c, says: C, agreement: trade-imbalance }\n      - { id: d, says: D, agreement: trade-imbalance }\n", "- { id: jp", "a multiple-choice question has 2 to 6 options, not 7")]
    [InlineData("{ id: us, says: The US", "{ id: jp, says: The US", "jp, says: The US", "the option id 'jp' is used twice in this question; each option needs an id of its own")]
    // An option on a topic of the world off the table (tpp-11) or unknown to it lists the table's one topic.
    [InlineData("A deal, agreement: trade-imbalance", "A deal, agreement: tpp-11", "tpp-11", "'tpp-11' is not on the table, so no play can answer a question on it; the topics on the table: trade-imbalance")]
    [InlineData("{ actor: US, topic: trade-imbalance }", "{ actor: US, topic: trade-imbalanse }", "trade-imbalanse", "unknown topic 'trade-imbalanse' (did you mean 'trade-imbalance'?); the topics on the table: trade-imbalance")]
    // Moving more is against the other role: CN has none; it is 2 edits from JP and from US, so the roles' order.
    [InlineData("{ actor: US, topic", "{ actor: CN, topic", "CN", "'CN' has no role; 'moves-more' compares one role's move with the other's: JP and US")]
    [InlineData("ask: Who moves more?\n", "ask: Who moves more?\n    agreement: trade-imbalance\n", "id: who", "a prediction question asks one of 'agreement', 'value' or 'choice', not 'agreement' and 'choice'")]
    public void A_mistake_in_a_multiple_choice_question_is_one_line_at_its_place(string replace, string with, string at, string problem)
    {
        var file = Exercise("points: 10 }\n", ("points: 10 }\n" + Choice).Replace(replace, with, StringComparison.Ordinal));
        Assert.Equal(problem, ExerciseFailsAt(file, at).Problem);
    }

    [Fact]
    public void An_inject_after_the_round_limit_or_naming_an_actor_kept_off_the_table_is_refused()
    {
        var late = Exercise("rounds: 2\n", "rounds: 2\ninjects:\n  - round: 3\n    shock: { reason: a scare, changes: [ { salience: JP, topic: trade-imbalance, to: 1 } ] }\n");
        Assert.Equal("'round' must be a whole number from 1 to 2, not 3", ExerciseFailsAt(late, "3\n").Problem);

        var off = Exercise("rounds: 2\n", "rounds: 2\nothers: off\ninjects:\n  - round: 1\n    shock: { reason: a thaw, changes: [ { affinity: CN, toward: KP, to: 0 } ] }\n");
        Assert.Equal("the inject changes CN, but 'others: off' keeps the actors without a role off the table; the roles are JP and US", ExerciseFailsAt(off, "CN, toward").Problem);

        // A position for an actor off the table is refused for that reason at once, at the actor, not with a request
        // for the salience of a new position (CN holds none on the trade imbalance), which could never be met.
        var position = Exercise("rounds: 2\n", "rounds: 2\nothers: off\ninjects:\n  - round: 1\n    shock: { reason: a turn, changes: [ { position: CN, topic: trade-imbalance, by: 10 } ] }\n");
        Assert.Equal("the inject changes CN, but 'others: off' keeps the actors without a role off the table; the roles are JP and US", ExerciseFailsAt(position, "CN, topic").Problem);

        // The shock itself is read as a scenario's: a salience past 1 is refused where it stands.
        var wrong = Exercise("rounds: 2\n", "rounds: 2\ninjects:\n  - round: 1\n    shock: { reason: a scare, changes: [ { salience: JP, topic: trade-imbalance, to: 1.5 } ] }\n");
        Assert.Equal("'to' must be a number from 0 to 1, not 1.5", ExerciseFailsAt(wrong, "1.5").Problem);
    }

    // The roles are JP and US: "us" differs from US only in case, so it names US, as "--role us" does; with two
    // players a proposal's "from: jp" names JP, so its id is JP's first of round 1, r1-JP-1.
    [Fact]
    public void A_role_written_in_another_case_names_that_role()
    {
        var exercise = ExerciseFile.Load(Exercise().File);
        var one = _folder.WriteRaw("answers: test\nrole: us\npredictions: { deal: yes, end: 40 }\nproposals:\n  - { round: 1, terms: { trade-imbalance: 40 } }\n", "one.yaml");
        Assert.Equal("US", ExerciseFile.LoadAnswers(one.File, exercise).Role);

        var two = _folder.WriteRaw("answers: test\nrole: Us\nplayers: 2\npredictions: { deal: yes, end: 40 }\nproposals:\n  - { round: 1, from: jp, terms: { trade-imbalance: 40 } }\n", "two.yaml");
        var answers = ExerciseFile.LoadAnswers(two.File, exercise);
        Assert.Equal("US", answers.Role);
        var proposal = Assert.Single(answers.Proposals).Proposal;
        Assert.Equal(("JP", "US", "r1-JP-1"), (proposal.From, Assert.Single(proposal.To), proposal.Id));
    }

    // A keyboard play by one player as JP writes its answers to the model's offers as US (r1-US-offer...) and, in a
    // hand-written file, may name JP as a proposal's 'from'. --role US plays the file as US, whose player proposes
    // every proposal and answers JP's offers only (r<round>-JP-offer...), so both are said as a clash with --role: the
    // file's role (JP), the one played (US), and the two ways out. The refusal is at the first in the file of the
    // values that name JP or US's offer: with the response alone, its id (line 7); with a 'from' too, the proposal's
    // 'from' (line 5) comes first, and since the response must go as well, the way out names both and the response's
    // line, 7 (lines: 1 answers, 2 role, 3 predictions, 4 proposals:, 5 the proposal, 6 responses:, 7 the response).
    [Theory]
    [InlineData("", "r1-US-offer", "'r1-US-offer.r1.trade-imbalance' answers the model's offer as US to JP, the role these answers play ('role: JP'); --role US plays them as US, whose player makes every proposal and answers only JP's offers: leave out --role to play them as JP, or remove the responses to play the proposals as US")]
    [InlineData("from: JP, ", "JP, terms", "this proposal is from JP, the role these answers play ('role: JP'); --role US plays them as US, whose player makes every proposal and answers only JP's offers: leave out --role to play them as JP, or leave out 'from' and remove the responses (line 7) to play the proposals as US")]
    public void Role_given_over_a_play_whose_answers_are_the_other_roles_says_so(string from, string at, string problem)
    {
        var exercise = ExerciseFile.Load(Exercise().File);
        var file = _folder.WriteRaw("answers: test\nrole: JP\npredictions: { deal: yes, end: 40 }\nproposals:\n"
            + $"  - {{ round: 1, {from}terms: {{ trade-imbalance: 40 }} }}\n"
            + "responses:\n  - { proposal: r1-US-offer.r1.trade-imbalance, answer: accept }\n", "keyboard.yaml");
        // Without --role the file plays as it was written.
        Assert.Equal("JP", ExerciseFile.LoadAnswers(file.File, exercise).Role);
        var error = FailsAt(file, () => ExerciseFile.LoadAnswers(file.File, exercise, "US"), at);
        Assert.Equal(problem, error.Problem);
    }

    // The order of the user's file: the response (line 5) comes before the proposal 'from: JP' (line 7), so the
    // refusal is at the response's id, line 5, column 17 ("  - { proposal: " is 16 characters), and its way out names
    // the proposal's 'from' and its line, 7, so that following it does not lead to a second refusal. The file's role
    // is written 'jp', and the refusal quotes it as written ('role: jp'), though it plays as JP.
    // Lines: 1 answers, 2 role, 3 predictions, 4 responses:, 5 the response, 6 proposals:, 7 the proposal.
    [Fact]
    public void Role_given_over_a_response_before_a_from_refuses_at_the_response_and_names_both()
    {
        var exercise = ExerciseFile.Load(Exercise().File);
        var file = _folder.WriteRaw("answers: test\nrole: jp\npredictions: { deal: yes, end: 40 }\n"
            + "responses:\n  - { proposal: r1-US-offer.r1.trade-imbalance, answer: accept }\n"
            + "proposals:\n  - { round: 1, from: JP, terms: { trade-imbalance: 40 } }\n", "keyboard.yaml");
        Assert.Equal("JP", ExerciseFile.LoadAnswers(file.File, exercise).Role);
        var error = FailsAt(file, () => ExerciseFile.LoadAnswers(file.File, exercise, "us"), "r1-US-offer");
        Assert.Equal((5, 17), (error.Position.Line, error.Position.Column));
        Assert.Equal("'r1-US-offer.r1.trade-imbalance' answers the model's offer as US to JP, the role these answers play ('role: jp'); --role US plays them as US, whose player makes every proposal and answers only JP's offers: leave out --role to play them as JP, or remove the responses and leave out 'from' (line 7) to play the proposals as US", error.Problem);
    }

    // An answers file without 'role' is refused at its top (line 1, column 1) as "the answers file", a singular
    // subject for "is missing", with the key's closed set of values: the test exercise's two roles in its order,
    // JP then US, as "role: JP or US", and the exercise's id, test. A response without 'answer' is refused at its
    // mapping ("{ proposal", line 7) with the answer's two values, accept or reject.
    [Theory]
    [InlineData("", "answers: test", "the answers file is missing the required key 'role'; expected role: JP or US, the roles of test")]
    [InlineData("role: US\n", "{ proposal", "a response is missing the required key 'answer'; expected answer: accept or reject")]
    public void A_missing_key_of_an_answers_file_is_said_with_its_valid_values(string role, string at, string problem)
    {
        var exercise = ExerciseFile.Load(Exercise().File);
        var file = _folder.WriteRaw($"answers: test\n{role}predictions: {{ deal: yes, end: 40 }}\n"
            + "proposals:\n  - { round: 1, terms: { trade-imbalance: 40 } }\n"
            + "responses:\n  - { proposal: r1-JP-offer.r1.trade-imbalance }\n", "answers.yaml");
        var error = FailsAt(file, () => ExerciseFile.LoadAnswers(file.File, exercise), at);
        Assert.Equal(problem, error.Problem);
    }

    // The test exercise has two rounds. A partial file stopped in round 1 is read where the play goes on from it
    // (partial: true): 'partial' at line 2, column 10; round 1; a question left unanswered ('end') is allowed. Where a
    // whole play is wanted it is refused at the same place. A file stopped before any prediction has none.
    [Fact]
    public void Partial_answers_are_read_with_where_they_stopped_only_where_a_play_goes_on_from_them()
    {
        var exercise = ExerciseFile.Load(Exercise().File);
        var stopped = _folder.WriteRaw("answers: test\npartial: stopped in round 1\nrole: JP\npredictions: { deal: yes }\nproposals:\n  - { round: 1, terms: { trade-imbalance: 40 } }\n", "stopped.yaml");

        var answers = ExerciseFile.LoadAnswers(stopped.File, exercise, partial: true);
        Assert.Equal(new ExerciseAnswers.PartialPlay("stopped in round 1", new FilePosition(stopped.File, 2, 10), 1), answers.Partial);
        Assert.Equal(["deal"], answers.Predictions.Keys);
        Assert.Single(answers.Proposals);

        var refused = FailsAt(stopped, () => ExerciseFile.LoadAnswers(stopped.File, exercise), "stopped in");
        Assert.Equal("these answers are partial (the play at the keyboard was stopped in round 1), so they cannot be played as a whole play; play them at a terminal with --answers to go on from where they stop, or finish the file's answers and remove 'partial'", refused.Problem);

        var early = _folder.WriteRaw("answers: test\npartial: stopped while reading the brief\nrole: JP\npredictions:\n", "early.yaml");
        var none = ExerciseFile.LoadAnswers(early.File, exercise, partial: true);
        Assert.Equal((0, 0, 0), (none.Partial!.Round, none.Predictions.Count, none.Proposals.Length));

        var late = _folder.WriteRaw("answers: test\npartial: stopped in round 3\nrole: JP\npredictions: {}\n", "late.yaml");
        Assert.Equal("'partial' says the play stopped in round 3, but test has 2 rounds", FailsAt(late, () => ExerciseFile.LoadAnswers(late.File, exercise, partial: true), "stopped in").Problem);
    }

    [Fact]
    public void An_answer_to_a_prediction_is_read_in_any_case_as_every_choice_is()
    {
        // 'YES' is yes, and 'JP' the option jp, as a role or a command-line choice is read in any case.
        var exercise = ExerciseFile.Load(Exercise("points: 10 }\n", "points: 10 }\n" + Choice).File);
        var file = _folder.WriteRaw("answers: test\nrole: JP\npredictions: { deal: YES, end: 40, who: JP }\n", "cased.yaml");
        var answers = ExerciseFile.LoadAnswers(file.File, exercise);
        Assert.Equal(("yes", "jp"), (answers.Predictions["deal"], answers.Predictions["who"]));
    }

    [Fact]
    public void An_answer_to_a_proposal_is_read_in_any_case_as_a_prediction_is()
    {
        // One rule for the words an answers file chooses from: 'ACCEPT' is accept and 'Reject' reject, as 'YES' is yes.
        var exercise = ExerciseFile.Load(Exercise().File);
        foreach (var (written, meant) in new[] { ("ACCEPT", global::Summits.Model.Response.Accept), ("Reject", global::Summits.Model.Response.Reject) })
        {
            var file = _folder.WriteRaw("answers: test\nrole: JP\npredictions: { deal: yes, end: 40 }\n"
                + $"responses:\n  - {{ proposal: r1-US-offer.r1.trade-imbalance, answer: {written} }}\n", "cased-answer.yaml");
            Assert.Equal(meant, Assert.Single(ExerciseFile.LoadAnswers(file.File, exercise).Responses).Answer.Response);
        }
    }

    [Theory]
    [InlineData("answers: test", "answers: other", "other", "these answers are to the exercise 'other', not 'test'")]
    [InlineData("role: JP", "role: CN", "CN", "'CN' has no role in test; the roles are JP and US")]
    [InlineData("deal: yes", "deal: maybe", "maybe", "'deal' must be one of yes or no, not 'maybe'")]
    [InlineData("end: 40", "end: 140", "140", "'end' must be a number from 0 to 100, not 140")]
    // The questions in the exercise's order, deal then end (as it sets them out), not the closest first.
    [InlineData("deal: yes, end: 40", "deal: yes, ends: 40", "ends", "unknown prediction question 'ends'; the questions are deal and end")]
    // 'nope' is 2 edits from 'no', 4 from 'yes'; 'rejected' 2 from 'reject', 6 from 'accept'; 'UK' 1 from 'US', 2 from 'JP'.
    [InlineData("deal: yes", "deal: nope", "nope", "'deal' must be one of no or yes, not 'nope'")]
    [InlineData("answer: accept", "answer: rejected", "rejected", "'answer' must be one of reject or accept, not 'rejected'")]
    [InlineData("role: JP", "role: UK", "UK", "'UK' has no role in test; the roles are US and JP")]
    // A multiple-choice answer names an option: 'jpn' is 1 edit from jp, 3 from us (a deletion, two changes), 4 from deal.
    [InlineData("end: 40 }", "end: 40, who: jpn }", "jpn", "'who' must be one of jp, us or deal, not 'jpn'", true)]
    // The second player's predictions belong only in the partial answers of a play by two.
    // A deadline counts the model's offer rounds: in 2 rounds the model offers once, after round 1, so a proposal of
    // round 1 stays open for 1 offer round only, and one of round 2, the last, is never renewed.
    [InlineData("terms: { trade-imbalance: 40 } }", "terms: { trade-imbalance: 40 }, deadline: 2 }", "2 }", "'deadline' counts the model's offer rounds the proposal stays open for, from the one after its round: a proposal of round 1 of 2 can stay open for 1 only, not 2")]
    // 0 and below are told the same range, with what gives a last word (the keyboard's 0) in a file; the scenario
    // format's own range, 1 to 10000, does not apply to an exercise.
    [InlineData("terms: { trade-imbalance: 40 } }", "deadline: 0, terms: { trade-imbalance: 40 } }", "0, terms", "'deadline' counts the model's offer rounds the proposal stays open for, from the one after its round: a proposal of round 1 of 2 can stay open for 1 only, not 0; for a last word (0 at the keyboard) leave 'deadline' out")]
    [InlineData("terms: { trade-imbalance: 40 } }", "terms: { trade-imbalance: 40 }, deadline: -1 }", "-1 }", "'deadline' counts the model's offer rounds the proposal stays open for, from the one after its round: a proposal of round 1 of 2 can stay open for 1 only, not -1; for a last word (0 at the keyboard) leave 'deadline' out")]
    [InlineData("round: 1, terms: { trade-imbalance: 40 } }", "round: 2, terms: { trade-imbalance: 40 }, deadline: 1 }", "1 }", "a proposal in round 2, the last, is not renewed: the model offers after every round but the last; leave 'deadline' out")]
    [InlineData("role: JP\npredictions: { deal: yes, end: 40 }\nproposals:\n  - { round: 1, terms: { trade-imbalance: 40 } }", "role: JP\nplayers: 2\npredictions: { deal: yes, end: 40 }\nproposals:\n  - { round: 1, terms: { trade-imbalance: 40 }, deadline: 1 }", "1 }",
        "with two players nobody offers between rounds, so a proposal is never renewed and its deadline never counts; leave 'deadline' out")]
    [InlineData("role: JP", "role: JP\nother-predictions: { deal: no }", "{ deal: no", "'other-predictions' holds the second player's predictions in the partial answers of a stopped play by two players ('partial' and 'players: 2'); these answers are a whole play, so give only 'predictions'")]
    [InlineData("deal: yes, end: 40", "deal: yes", "{ deal", "the prediction question 'end' has no answer; every question needs one: deal and end")]
    [InlineData("round: 1", "round: 3", "3,", "'round' must be a whole number from 1 to 2, not 3")]
    [InlineData("trade-imbalance: 40", "trade-imbalance: 140", "140", "'trade-imbalance' must be a number from 0 to 100, not 140")]
    // A value just past the end of the scale is echoed as written: at four decimals 100.00004 would read 100, the bound itself.
    [InlineData("trade-imbalance: 40", "trade-imbalance: 100.00004", "100.00004", "'trade-imbalance' must be a number from 0 to 100, not 100.00004")]
    [InlineData("trade-imbalance: 40", "tpp-11: 40", "tpp-11", "'tpp-11' is not on the table of test; a proposal may name trade-imbalance")]
    // An empty package suggests a topic on the table (trade-imbalance, the table's only one), not the world's first topic.
    [InlineData("{ trade-imbalance: 40 }", "{ }", "{ }", "'terms' is an empty package; name at least one topic on the table with its value, for example { trade-imbalance: 50 }; the topics on the table: trade-imbalance")]
    [InlineData("role: JP", "role: JP\nplayers: 3", "3\n", "'players' must be a whole number from 1 to 2, not 3")]
    [InlineData("round: 1, terms", "round: 1, from: US, terms", "US, terms", "with one player every proposal is from the role played, JP, not 'US'; 'players: 2' lets a second person propose for US")]
    [InlineData("answer: accept", "answer: maybe", "maybe", "'answer' must be one of accept or reject, not 'maybe'")]
    [InlineData("role: JP", "role: JP\nplayers: 2", "r1-US-offer", "'r1-US-offer.r1.trade-imbalance' is not a proposal of these answers; the proposals are r1-JP-1")]
    [InlineData("proposal: r1-US", "proposal: r2-US", "r2-US",
        "'r2-US-offer.r1.trade-imbalance' is not an offer the model can make in test; its offers are named as the play shows them, r<round>-US-offer.r1.<topics joined by +>, such as r1-US-offer.r1.trade-imbalance")]
    public void A_mistake_in_the_answers_is_one_line_at_its_place(string replace, string with, string at, string problem, bool choice = false)
    {
        var exercise = ExerciseFile.Load(choice ? Exercise("points: 10 }\n", "points: 10 }\n" + Choice).File : Exercise().File);
        // Two rounds: the model offers once, after round 1; its offer on the trade imbalance is answered.
        var text = ("answers: test\nrole: JP\npredictions: { deal: yes, end: 40 }\nproposals:\n  - { round: 1, terms: { trade-imbalance: 40 } }\n"
            + "responses:\n  - { proposal: r1-US-offer.r1.trade-imbalance, answer: accept }\n").Replace(replace, with, StringComparison.Ordinal);
        var file = _folder.WriteRaw(text, "answers.yaml");
        var error = FailsAt(file, () => ExerciseFile.LoadAnswers(file.File, exercise), at);
        Assert.Equal(problem, error.Problem);
    }
}
