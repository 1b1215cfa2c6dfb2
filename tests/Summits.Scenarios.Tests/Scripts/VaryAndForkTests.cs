using Summits.Model;

namespace Summits.Scenarios.Tests;

public sealed class VaryAndForkTests
{
    private static readonly string World = TempScenario.World("50", "[45, 55]", "0.5", "[0.4, 0.6]");

    private static string Scenario(string vary, string steps = "  - { id: ask, propose: { from: A, to: [B], terms: { t: 50 } } }") =>
        $"scenario: s\nworld: world.yaml\n{vary}\nsteps:\n{steps}\n";

    private static InputException Fails(string scenario) =>
        Assert.Throws<InputException>(() => ScenarioFile.Load(TempScenario.Write(World, scenario)));

    [Fact]
    public void The_vary_block_reads_each_kind_of_input()
    {
        var loaded = ScenarioFile.Load(TempScenario.Write(World, Scenario("""
            vary:
              - { salience: B, topic: t, range: [0.5, 0.9] }
              - { position: A, topic: t, range: [60, 95] }
              - { capability: A, range: [0.6, 0.9] }
              - { strategy: B, choices: [boulware, linear] }
            """)));
        Assert.Equal(
            [
                new SalienceVariation("B", "t", new Interval(0.5, 0.9)),
                new PositionVariation("A", "t", new Interval(60, 95)),
                new CapabilityVariation("A", new Interval(0.6, 0.9)),
                new StrategyVariation("B", [Strategy.Boulware, Strategy.Linear]),
            ],
            loaded.Vary.ToArray(),
            new VariationComparer());
    }

    [Theory]
    [InlineData("  - { salience: ZZ, topic: t, range: [0.5, 0.9] }", 4, 17, "unknown actor 'ZZ'; known actors: A and B")]
    [InlineData("  - { salience: B, topic: nope, range: [0.5, 0.9] }", 4, 27, "unknown topic 'nope'; known topics: t and u")]
    [InlineData("  - { position: B, topic: t, range: [60, 120] }", 4, 42, "'range' must be a number from 0 to 100, not 120")]
    [InlineData("  - { salience: B, topic: t, range: [0.5, 1.5] }", 4, 43, "'range' must be a number from 0 to 1, not 1.5")]
    [InlineData("  - { salience: B, topic: u, range: [0.5, 0.9] }", 4, 27, "B holds no position on 'u' to vary; B holds positions on t")]
    [InlineData("  - { strategy: B, choices: [boulware, sneaky] }", 4, 40, "'choices' must be one of hardliner, boulware, linear, conceder, relative-tit-for-tat, absolute-tit-for-tat or trade-off, not 'sneaky'")]
    [InlineData("  - { capability: A, range: [0.2, 0.4], why: x }", 4, 41, "unknown key 'why' in a varied input")]
    // 'capabilty' is 'capability' less an i (one edit): it is named at its place, not taken for an entry naming no kind.
    [InlineData("  - { capabilty: A, range: [0.2, 0.4] }", 4, 7, "unknown key 'capabilty' in a varied input; did you mean 'capability'?")]
    [InlineData("  - { range: [0.2, 0.4] }", 4, 5, "a varied input names exactly one of position, salience, capability or strategy")]
    public void A_wrong_vary_entry_is_reported_at_its_place(string entry, int line, int column, string message)
    {
        var e = Fails(Scenario("vary:\n" + entry));
        Assert.Equal((line, column), (e.Position.Line, e.Position.Column));
        Assert.Contains(message, e.Problem);
    }

    [Fact]
    public void A_fork_gives_each_branch_the_shared_steps_then_its_own()
    {
        var loaded = ScenarioFile.Load(TempScenario.Write(World, Scenario("", """
              - { id: ask, propose: { from: A, to: [B], terms: { t: 50 } } }
              - fork:
                  wait:
                    - { id: rest, rounds: 2 }
                  push:
                    - { id: again, propose: { from: A, to: [B], terms: { t: 60 } } }
                    - { id: rest, rounds: 2 }
            """)));
        Assert.Equal(["ask"], loaded.Scenario.Steps.Select(s => s.Id));
        Assert.Equal(["wait", "push"], loaded.Fork!.Names);
        Assert.Equal(["ask", "rest"], loaded.Branch("wait")!.Scenario.Steps.Select(s => s.Id));
        Assert.Equal(["ask", "again", "rest"], loaded.Branch("push")!.Scenario.Steps.Select(s => s.Id));
        Assert.Equal("s#push", loaded.Branch("push")!.Scenario.Id);
        Assert.Null(loaded.Branch("push")!.Fork);
        Assert.Null(loaded.Branch("other"));
    }

    [Fact]
    public void Every_branch_runs_with_what_the_file_says_above_its_steps()
    {
        // The file sets the seed (3), what it asks, two of the bargaining model's parameters, A's position on t (50 in the
        // world, 60 here) and a varied input: each branch carries each of them, as the scenario without its fork would,
        // and its rounds steps stay rounds of bargaining.
        var loaded = ScenarioFile.Load(TempScenario.Write(World, """
            scenario: s
            about: Does a second round help?
            world: world.yaml
            seed: 3
            model: { influence-rate: 0.3, window-min: 8 }
            positions:
              - { actor: A, topic: t, value: 60, reason: A has moved. }
            vary:
              - { capability: A, range: [0.6, 0.9] }
            steps:
              - fork:
                  once: [ { rounds: 1 } ]
                  twice: [ { rounds: 2 } ]
            """));
        foreach (var name in new[] { "once", "twice" })
        {
            var branch = loaded.Branch(name)!;
            Assert.Equal((3UL, "Does a second round help?"), (branch.Scenario.Seed, branch.Scenario.About));
            Assert.Equal(loaded.World.ParametersFor(ModelParameters.Default with { InfluenceRate = 0.3, WindowMin = 8 }), branch.Scenario.Parameters);
            Assert.Equal(60, branch.World.Positions.Single(p => p is { Actor: "A", Topic: "t" }).Value.Value);
            Assert.Equal(new CapabilityVariation("A", new Interval(0.6, 0.9)), Assert.Single(branch.Vary));
            Assert.IsType<RoundsStep>(Assert.Single(branch.Scenario.Steps));
        }
    }

    [Fact]
    public void A_forked_scenario_run_without_a_branch_is_refused_with_the_list_of_branches()
    {
        var path = TempScenario.Write(World, Scenario("", """
              - { id: ask, propose: { from: A, to: [B], terms: { t: 50 } } }
              - fork:
                  wait: [ { rounds: 1 } ]
                  push: [ { rounds: 2 } ]
            """));
        var none = Assert.Throws<InputException>(() => BranchChoice.Load(path, null, null, p => p));
        Assert.Equal(6, none.Position.Line);
        Assert.Contains("this scenario forks into wait and push; choose one with --branch NAME", none.Problem);
        // A branch the fork lacks is the argument's mistake, not the file's: no file position, the valid names listed.
        var unknown = Assert.Throws<BranchException>(() => BranchChoice.Load(path + "#pull", null, null, p => p));
        Assert.Equal($"no branch 'pull' in the fork of {path}; its branches are wait and push", unknown.Message);
        Assert.Equal(["ask", "step-2"], BranchChoice.Load(path + "#push", null, null, p => p).Scenario.Steps.Select(s => s.Id));
        Assert.Equal(["ask", "step-2"], BranchChoice.Load(path, "wait", null, p => p).Scenario.Steps.Select(s => s.Id));
    }

    [Fact]
    public void A_fork_must_be_the_last_step_and_forks_do_not_nest()
    {
        var notLast = Fails(Scenario("", """
              - fork: { a: [ { rounds: 1 } ] }
              - { rounds: 1 }
            """));
        Assert.Equal(6, notLast.Position.Line);
        Assert.Contains("a fork is the last step of a scenario", notLast.Problem);
        var nested = Fails(Scenario("", """
              - fork:
                  a:
                    - fork: { b: [ { rounds: 1 } ] }
            """));
        Assert.Equal(7, nested.Position.Line);
        Assert.Contains("forks do not nest", nested.Problem);
        var stepError = Fails(Scenario("", """
              - fork:
                  a:
                    - { propose: { from: A, to: [Q], terms: { t: 1 } } }
            """));
        Assert.Contains("unknown actor 'Q'; known actors: A and B", stepError.Problem);
    }

    private sealed class VariationComparer : IEqualityComparer<Variation>
    {
        public bool Equals(Variation? x, Variation? y) => x?.Name == y?.Name && x?.GetType() == y?.GetType() && (x, y) switch
        {
            (StrategyVariation a, StrategyVariation b) => a.Choices.SequenceEqual(b.Choices),
            _ => x == y,
        };

        public int GetHashCode(Variation obj) => obj.Name.GetHashCode();
    }
}
