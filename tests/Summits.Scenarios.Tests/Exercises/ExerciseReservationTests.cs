using Summits.Model;

namespace Summits.Scenarios.Tests.Exercises;

/// <summary>
/// One source of truth for what each side will accept: the reservation values in an exercise's roles are the
/// ones the model plays that side with, the briefs state them, and every deal a shipped exercise's facilitator
/// note says is possible (or impossible) is what the model actually accepts (or refuses).
/// </summary>
public sealed class ExerciseReservationTests
{
    private static string Folder => Path.Combine(RepoFiles.Root, "scenarios", "exercises");

    public static TheoryData<string> Shipped() => [.. Directory.GetFiles(Folder, "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_role_s_reservation_values_are_the_ones_the_model_plays_and_the_brief_states(string file)
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, file));
        var parameters = exercise.World.ParametersFor(ModelParameters.Default);
        foreach (var role in exercise.Roles)
        {
            var other = exercise.Opposite(role.Actor).Actor;
            foreach (var topic in exercise.Topics)
            {
                var position = exercise.World.PositionsOn(topic).Single(p => p.Actor == role.Actor);
                var toward = exercise.World.PositionsOn(topic).Single(p => p.Actor == other).Value;
                // The reservation value the model bargains with (Tactics.Reservation: the stated one, else the window's edge) is the role's.
                Assert.Equal(role.Reservations[topic], Tactics.Reservation(position.Value, position.Salience, position.Reservation, toward, parameters));
            }
            var brief = string.Join("\n", RoleBrief.Confidential(exercise, role.Actor));
            Assert.Contains(string.Join(", ", exercise.Topics.Select(t => $"{t} {Debrief.Text(role.Reservations[t])}")), brief);
            // A limit the role must not give up lies no nearer its position than its reservation value: the model,
            // which accepts nothing past the reservation value, never crosses it for that side.
            foreach (var limit in role.MustNotGiveUp)
            {
                var start = exercise.World.PositionsOn(limit.Topic).Single(p => p.Actor == role.Actor).Value;
                Assert.True(Math.Abs(limit.Value - start) >= Math.Abs(role.Reservations[limit.Topic] - start),
                    $"{file}: {role.Actor}'s limit {limit.Value} on {limit.Topic} lies inside its reservation value {role.Reservations[limit.Topic]}");
            }
        }
        // The public brief tells the student what is private, in plain words.
        Assert.Contains(RoleBrief.Public(exercise), line => line.StartsWith("What is private:", StringComparison.Ordinal) && line.Contains("you are not told its", StringComparison.Ordinal));
    }

    // Each row: a proposal in round 1, before anyone has moved, and the answer the facilitator's note says it gets.
    // A single topic is accepted when it is no further from the hearer's position than its reservation value
    // (U(y) ≥ U(r) ⟺ |y − x| ≤ |r − x|, the proposal having no deadline); a package when the sum of what its terms
    // are worth beats the sum of what no deal is worth (docs/model.md).
    //
    // trade-for-defence: JP at 25 (reservation 55) and US at 75 (reservation 65) on trade; JP 60 (85), US 85 (65) on
    // procurement. Trade alone: JP takes nothing above 55, the US nothing below 65: no value pleases both.
    // Procurement alone: 65 to 85 pleases both. A package with trade at 55, for the US (curvature 0.7, saliences
    // 0.9 and 0.75): no deal is worth 0.9 × (1 − 0.10^0.7) + 0.75 × (1 − 0.20^0.7) = 0.72043 + 0.50690 = 1.22733;
    // trade at 55 is worth 0.9 × (1 − 0.20^0.7) = 0.60828, so procurement must bring 0.61905:
    // 0.75 × (1 − (d/100)^0.7) ≥ 0.61905 ⟺ d ≤ 8.27, procurement at 76.73 or more. At 77: 0.60828 + 0.75 ×
    // (1 − 0.08^0.7) = 0.60828 + 0.62197 = 1.23026, accepted; at 76: 0.60828 + 0.75 × (1 − 0.09^0.7) = 1.21926, not.
    [Theory]
    [InlineData("trade-for-defence", "JP", "trade-imbalance: 55", EventKind.Reject)]
    [InlineData("trade-for-defence", "JP", "trade-imbalance: 65", EventKind.Accept)]
    [InlineData("trade-for-defence", "US", "trade-imbalance: 65", EventKind.Reject)]
    [InlineData("trade-for-defence", "US", "trade-imbalance: 56", EventKind.Reject)]
    [InlineData("trade-for-defence", "US", "trade-imbalance: 55", EventKind.Accept)]
    [InlineData("trade-for-defence", "JP", "defense-procurement: 65", EventKind.Accept)]
    [InlineData("trade-for-defence", "JP", "defense-procurement: 64", EventKind.Reject)]
    [InlineData("trade-for-defence", "US", "defense-procurement: 85", EventKind.Accept)]
    [InlineData("trade-for-defence", "JP", "trade-imbalance: 55, defense-procurement: 77", EventKind.Accept)]
    [InlineData("trade-for-defence", "JP", "trade-imbalance: 55, defense-procurement: 76", EventKind.Reject)]
    [InlineData("trade-for-defence", "US", "trade-imbalance: 55, defense-procurement: 77", EventKind.Accept)]
    // bilateral-fta: JP at 20 (reservation 50) and US at 80 (40) on the FTA: 40 to 50, talks short of an FTA, and
    // nothing above 50; on trade JP 25 (50), US 75 (50): 50 alone; on the TPP 11 JP 85 (60), US 25 (100): JP takes
    // 60 or more, the US anything from 0 to 100 (|y − 25| ≤ 75).
    [InlineData("bilateral-fta", "US", "bilateral-fta: 50", EventKind.Accept)]
    [InlineData("bilateral-fta", "US", "bilateral-fta: 51", EventKind.Reject)]
    [InlineData("bilateral-fta", "US", "bilateral-fta: 80", EventKind.Reject)]
    [InlineData("bilateral-fta", "JP", "bilateral-fta: 40", EventKind.Accept)]
    [InlineData("bilateral-fta", "JP", "bilateral-fta: 39", EventKind.Reject)]
    [InlineData("bilateral-fta", "US", "trade-imbalance: 50", EventKind.Accept)]
    [InlineData("bilateral-fta", "US", "trade-imbalance: 51", EventKind.Reject)]
    [InlineData("bilateral-fta", "JP", "trade-imbalance: 50", EventKind.Accept)]
    [InlineData("bilateral-fta", "JP", "trade-imbalance: 49", EventKind.Reject)]
    [InlineData("bilateral-fta", "US", "tpp-11: 60", EventKind.Accept)]
    [InlineData("bilateral-fta", "US", "tpp-11: 59", EventKind.Reject)]
    [InlineData("bilateral-fta", "JP", "tpp-11: 0", EventKind.Accept)]
    [InlineData("bilateral-fta", "JP", "tpp-11: 100", EventKind.Accept)]
    // north-korea-line: the summit's agreement at 93 binds both, and no deal is worth the better of the reservation
    // value and the agreement: JP at 92 (reservation 75) takes only |y − 92| ≤ |93 − 92|, 91 to 93; the US at 95
    // (60) only 93 to 97. 80, inside both reservation values, is refused by both. On sanctions nothing is agreed:
    // JP at 85 (70) takes 70 to 100, the US at 90 (70) 70 to 110, so 70 to 100 pleases both.
    [InlineData("north-korea-line", "US", "north-korea: 91", EventKind.Accept)]
    [InlineData("north-korea-line", "US", "north-korea: 93", EventKind.Accept)]
    [InlineData("north-korea-line", "US", "north-korea: 90", EventKind.Reject)]
    [InlineData("north-korea-line", "US", "north-korea: 80", EventKind.Reject)]
    [InlineData("north-korea-line", "JP", "north-korea: 93", EventKind.Accept)]
    [InlineData("north-korea-line", "JP", "north-korea: 97", EventKind.Accept)]
    [InlineData("north-korea-line", "JP", "north-korea: 92", EventKind.Reject)]
    [InlineData("north-korea-line", "JP", "north-korea: 80", EventKind.Reject)]
    [InlineData("north-korea-line", "US", "north-korea-sanctions: 70", EventKind.Accept)]
    [InlineData("north-korea-line", "US", "north-korea-sanctions: 69", EventKind.Reject)]
    [InlineData("north-korea-line", "US", "north-korea-sanctions: 100", EventKind.Accept)]
    [InlineData("north-korea-line", "JP", "north-korea-sanctions: 70", EventKind.Accept)]
    [InlineData("north-korea-line", "JP", "north-korea-sanctions: 100", EventKind.Accept)]
    public async Task Each_deal_the_facilitator_s_note_says_is_possible_is_one_the_model_accepts(string id, string from, string terms, EventKind answer)
    {
        var exercise = ExerciseFile.Load(Path.Combine(Folder, $"{id}.yaml"));
        var predictions = string.Join(", ", exercise.Predictions.Select(q => $"{q.Id}: {(q.IsValue ? "50" : q.IsChoice ? q.Options[0].Id : "no")}"));
        var answers = ExerciseFile.ParseAnswers("zopa.yaml",
            $"answers: {id}\nrole: {from}\npredictions: {{ {predictions} }}\nproposals:\n  - {{ round: 1, terms: {{ {terms} }} }}\n", exercise);

        var run = await ScenarioRun.LocallyAsync(ExercisePlay.Scenario(exercise, answers, throughRound: 1, offers: false));

        var other = exercise.Opposite(from).Actor;
        var given = Assert.Single(run.Timeline, e => e.Cause == $"r1-{from}-1" && e.Actor == other && e.Kind is EventKind.Accept or EventKind.Reject or EventKind.Counter);
        Assert.True(answer == given.Kind, $"{other} answers {terms} from {from} with {given.Kind}, not {answer}: {given.Why}");
    }

    [Fact]
    public void A_role_may_not_contradict_a_reservation_value_the_world_file_states()
    {
        using var folder = new ScenarioFolder();
        // The shipped world with a reservation value stated for JP on the trade imbalance, 45.
        var world = File.ReadAllText(RepoFiles.SeedWorld).Replace("    topic: trade-imbalance\n    value: 25\n", "    topic: trade-imbalance\n    value: 25\n    reservation: 45\n", StringComparison.Ordinal);
        Assert.Contains("reservation: 45", world);
        folder.WriteRaw(world.Replace("source: ../sources/", $"source: {Path.GetDirectoryName(RepoFiles.SeedWorld)}/../sources/", StringComparison.Ordinal), "world.yaml");
        var exercise = folder.WriteRaw(TestExercise.Text("world.yaml", rounds: 1, jp: (1, 55), us: (1, 65)), "exercise.yaml");

        var error = ScenarioFolder.FailsAt(exercise, () => ExerciseFile.Load(exercise.File), "{ trade-imbalance: 55 }");
        Assert.Equal("JP's reservation value on 'trade-imbalance' is 55 here, but the world file states 45; give the world's value, or leave it out of the world file", error.Problem);
    }
}
