using Summits.Model;
using Summits.Tests;

namespace Summits.Scenarios.Tests;

public sealed class ComparisonTests
{
    [Fact]
    public async Task Two_branches_that_differ_in_one_step_differ_by_what_that_step_did()
    {
        // Both branches ask B for 50, which B (at 50) accepts. Only "push" then asks for 52 on u,
        // where B holds no position: B is indifferent, so a new agreement on u appears and A's
        // ask moves nothing else.
        var path = TempScenario.Write(TempScenario.World("50", "[45, 55]", "0.5", "[0.4, 0.6]"), """
            scenario: branches
            world: world.yaml
            seed: 1
            steps:
              - { id: ask, propose: { from: A, to: [B], terms: { t: 50 } } }
              - fork:
                  stay:
                    - { id: hold, rounds: 1, topics: [t] }
                  push:
                    - { id: hold, rounds: 1, topics: [t] }
                    - { id: extra, propose: { from: B, to: [A], terms: { u: 40 } } }
            """);
        var stay = await ScenarioRun.LocallyAsync(BranchChoice.Load(path + "#stay", null, null, p => p));
        var push = await ScenarioRun.LocallyAsync(BranchChoice.Load(path + "#push", null, null, p => p));
        var comparison = Comparison.Of("stay", StateDocument.Of(stay), "push", StateDocument.Of(push));

        var gained = Assert.Single(comparison.Agreements);
        Assert.Equal(("gained", "extra", "u"), (gained.Change, gained.Id, gained.Topic));
        Assert.Equal((null, 40.0), (gained.ValueA, gained.ValueB));
        Assert.Equal(AgreementStatus.Holding, gained.StatusB);
        Assert.Equal(1, comparison.Unchanged);

        var moved = Assert.Single(comparison.Positions);
        Assert.Equal(("A", "u", 30.0), (moved.Actor, moved.Topic, moved.A!.Value));
        Assert.True(moved.B > 30 && moved.B < 40, $"A moved to {moved.B}");
        Assert.Equal(moved.B - moved.A, moved.Delta);

        var self = Comparison.Of("stay", StateDocument.Of(stay), "stay", StateDocument.Of(stay));
        Assert.Empty(self.Agreements);
        Assert.Empty(self.Positions);
    }

    [Fact]
    public async Task A_package_agreement_over_two_topics_counts_once()
    {
        // us-fta-press-or-package: "offer-package" ends with one package agreement, id "package", over
        // bilateral-fta and defense-procurement; "press-fta" ends with none beyond the seed's. The seeded
        // world's ten agreements, one topic each, hold unchanged in both. So B gained 1 agreement on 2
        // topics (two rows, one per topic), lost 0, changed 0, and 10 are the same.
        var file = SeedFiles.File("scenarios", "what-if", "us-fta-press-or-package.yaml");
        var press = await ScenarioRun.LocallyAsync(BranchChoice.Load(file + "#press-fta", null, null, p => p));
        var package = await ScenarioRun.LocallyAsync(BranchChoice.Load(file + "#offer-package", null, null, p => p));

        var comparison = Comparison.Of("press-fta", StateDocument.Of(press), "offer-package", StateDocument.Of(package));

        Assert.Equal(
            [("gained", "package", "bilateral-fta"), ("gained", "package", "defense-procurement")],
            comparison.Agreements.Select(a => (a.Change, a.Id, a.Topic)).ToArray());
        Assert.Equal((1, 2), (comparison.AgreementsWith("gained"), comparison.TopicsWith("gained")));
        Assert.Equal((0, 0), (comparison.AgreementsWith("lost"), comparison.AgreementsWith("changed")));
        Assert.Equal(10, comparison.Unchanged);

        // The other way round the same package is one agreement lost.
        var back = Comparison.Of("offer-package", StateDocument.Of(package), "press-fta", StateDocument.Of(press));
        Assert.Equal((0, 1, 2), (back.AgreementsWith("gained"), back.AgreementsWith("lost"), back.TopicsWith("lost")));
    }

    [Fact]
    public async Task A_state_file_written_by_a_run_reads_back_into_the_same_comparison()
    {
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(SeedFiles.File("scenarios", "what-if", "trade-for-defense-package.yaml")));
        var dir = Directory.CreateTempSubdirectory("summits-state-").FullName;
        RunFiles.WriteAll(run, dir);
        var read = StateFile.Load(Path.Combine(dir, "state.json"));
        var direct = Comparison.Of("a", StateDocument.Of(run), "b", StateDocument.Of(run));
        var viaFile = Comparison.Of("a", read, "b", StateDocument.Of(run));
        Assert.Empty(viaFile.Agreements);
        Assert.Empty(viaFile.Positions);
        Assert.Equal(direct.Unchanged, viaFile.Unchanged);
        var bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, "{ \"scenario\": [1, 2] }");
        Assert.Contains("this is not the state.json of a run", Assert.Throws<InputException>(() => StateFile.Load(bad)).Problem);
    }

    [Fact]
    public void A_state_file_that_is_not_json_is_placed_at_its_column_in_characters()
    {
        // `{ "scenario": "Größe", ` is 23 characters: '{', ' ', `"scenario"` (10), ':', ' ', `"Größe"` (7), ',', ' '.
        // The 'x' after it is at column 24; in UTF-8 'ö' and 'ß' take two bytes each, so .NET's byte position is 25.
        var dir = Directory.CreateTempSubdirectory("summits-state-").FullName;
        var bad = Path.Combine(dir, "state.json");
        File.WriteAllText(bad, "{ \"scenario\": \"Größe\", x }");

        var error = Assert.Throws<InputException>(() => StateFile.Load(bad));

        Assert.Equal(new FilePosition(bad, 1, 24), error.Position);
    }
}
