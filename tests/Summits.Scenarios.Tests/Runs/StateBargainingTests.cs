using System.Text.Json;

namespace Summits.Scenarios.Tests;

public sealed class StateBargainingTests
{
    /// <summary>
    /// A logroll seeded as an agreement: A cares for p (0.9) and little for q (0.1), B the reverse; A wants
    /// 0 on both, B 100 on both; ρ = 1. The package p 0, q 100 gives each 0.9. A third actor C holds a
    /// position of salience 0 on r, beside A and B at 40 and 60, so r is an open table with an indifferent party.
    /// On s, A at 0 and B at 100 with salience 1 (windows of 5) are an open table with no Nash point.
    /// </summary>
    private static async Task<JsonElement> StateOfLogroll()
    {
        var dir = Directory.CreateTempSubdirectory("summits-").FullName;
        File.WriteAllText(Path.Combine(dir, "logroll.yaml"), """
            world: logroll
            title: A two-topic logroll
            actors:
              - { id: A, name: A, capability: 0.5, risk: 1 }
              - { id: B, name: B, capability: 0.5, risk: 1 }
              - { id: C, name: C, capability: 0.5, risk: 1 }
            topics:
              - { id: p, title: P, scale: { low: l, middle: m, high: h } }
              - { id: q, title: Q, scale: { low: l, middle: m, high: h } }
              - { id: r, title: R, scale: { low: l, middle: m, high: h } }
              - { id: s, title: S, scale: { low: l, middle: m, high: h } }
            positions:
              - { actor: A, topic: p, value: 0, salience: 0.9 }
              - { actor: A, topic: q, value: 0, salience: 0.1 }
              - { actor: B, topic: p, value: 100, salience: 0.1 }
              - { actor: B, topic: q, value: 100, salience: 0.9 }
              - { actor: A, topic: r, value: 40, salience: 0.5 }
              - { actor: B, topic: r, value: 60, salience: 0.5 }
              - { actor: C, topic: r, value: 50, salience: 0 }
              - { actor: A, topic: s, value: 0, salience: 1 }
              - { actor: B, topic: s, value: 100, salience: 1 }
            agreements:
              - { id: trade, terms: { p: 0, q: 100 }, parties: [A, B] }
              - { id: halfway, terms: { p: 50, q: 50 }, parties: [A, B], rule: 1-of-n }
            """);
        var path = Path.Combine(dir, "look.yaml");
        File.WriteAllText(path, """
            scenario: look
            world: logroll.yaml
            steps:
              - expect: { agreement: { topic: p } }
            """);
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(path));
        return JsonDocument.Parse(RunFiles.State(run)).RootElement.GetProperty("bargaining");
    }

    /// <summary>
    /// A package over x and y between A and B (50, 50), then x alone at 52, both accepted by script: the later
    /// agreement binds both parties of the package on x, so the package is partly superseded there and still
    /// binds on y (the rule of Supersession). It is still in force on y, so state.json keeps it among the
    /// bargaining problems, over both its topics, saying it is partly superseded and on which topic.
    /// </summary>
    [Fact]
    public async Task A_partly_superseded_package_stays_in_the_bargaining_with_the_part_superseded()
    {
        var dir = Directory.CreateTempSubdirectory("summits-").FullName;
        var path = Summits.Tests.SupersessionFiles.Write(dir, Summits.Tests.SupersessionFiles.PartlySuperseded);
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(path));
        var bargaining = JsonDocument.Parse(RunFiles.State(run)).RootElement.GetProperty("bargaining");

        var package = Case(bargaining, "package");
        Assert.Equal("agreement", package.GetProperty("subject").GetString());
        Assert.Equal("partly-superseded", package.GetProperty("status").GetString());
        Assert.Equal(["x"], package.GetProperty("supersededOn").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["x", "y"], package.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        // On y no one has left: it binds A and B there.
        Assert.Equal(["A", "B"], package.GetProperty("bindingOn").GetProperty("y").EnumerateArray().Select(t => t.GetString()));
        var again = Case(bargaining, "x-again");
        Assert.Equal("holding", again.GetProperty("status").GetString());
        Assert.False(again.TryGetProperty("supersededOn", out _));
    }

    /// <summary>
    /// A package {x 50, y 50} among A, B and C; all three agree on x anew (partly superseded: on x, still binding
    /// on y); then A and B agree on y without C. The timeline says so on y, naming who left, and state.json's
    /// package still binds on y for C alone. Every answer is scripted.
    /// </summary>
    [Fact]
    public async Task A_partly_superseded_package_left_on_its_remaining_topic_says_whom_it_still_binds()
    {
        var dir = Directory.CreateTempSubdirectory("summits-").FullName;
        File.WriteAllText(Path.Combine(dir, "world.yaml"), """
            format: 2
            world: three
            title: Three parties, two topics
            actors:
              - { id: A, name: A, capability: 0.5 }
              - { id: B, name: B, capability: 0.5 }
              - { id: C, name: C, capability: 0.5 }
            topics:
              - { id: x, title: X, scale: { low: l, middle: m, high: h } }
              - { id: y, title: Y, scale: { low: l, middle: m, high: h } }
            positions:
              - { actor: A, topic: x, value: 50, salience: 0.5, kind: synthetic, why: test }
              - { actor: B, topic: x, value: 50, salience: 0.5, kind: synthetic, why: test }
              - { actor: C, topic: x, value: 50, salience: 0.5, kind: synthetic, why: test }
              - { actor: A, topic: y, value: 50, salience: 0.5, kind: synthetic, why: test }
              - { actor: B, topic: y, value: 50, salience: 0.5, kind: synthetic, why: test }
              - { actor: C, topic: y, value: 50, salience: 0.5, kind: synthetic, why: test }
            """);
        var path = Path.Combine(dir, "scenario.yaml");
        File.WriteAllText(path, """
            format: 2
            scenario: three
            world: world.yaml
            seed: 1
            steps:
              - respond: { actor: B, to: pkg, answer: accept }
              - respond: { actor: C, to: pkg, answer: accept }
              - id: pkg
                propose: { from: A, to: [B, C], terms: { x: 50, y: 50 } }
              - respond: { actor: B, to: x-all, answer: accept }
              - respond: { actor: C, to: x-all, answer: accept }
              - id: x-all
                propose: { from: A, to: [B, C], terms: { x: 51 } }
              - respond: { actor: B, to: y-ab, answer: accept }
              - id: y-ab
                propose: { from: A, to: B, terms: { y: 51 } }
            """);
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(path));
        var left = Assert.Single(run.Timeline, e => e.Kind == Summits.Model.EventKind.AgreementPartlySuperseded && e.Cause == "y-ab");
        Assert.Equal(("y", "A", "pkg: A and B now held to y-ab instead; superseded on x; still binding on y for C alone (A and B held elsewhere)"),
            (left.Topic, left.Actor, left.Why));
        var package = Case(JsonDocument.Parse(RunFiles.State(run)).RootElement.GetProperty("bargaining"), "pkg");
        Assert.Equal("partly-superseded", package.GetProperty("status").GetString());
        Assert.Equal(["C"], package.GetProperty("bindingOn").GetProperty("y").EnumerateArray().Select(t => t.GetString()));
        Assert.False(package.GetProperty("bindingOn").TryGetProperty("x", out _));
    }

    private static JsonElement Case(JsonElement bargaining, string id) =>
        bargaining.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    [Fact]
    public async Task An_agreed_logroll_is_its_own_joint_Nash_point_and_lies_on_the_frontier()
    {
        // See BargainingProblemTests: the joint Nash point of this logroll is p 0, q 100, each party's
        // utility 0.9, which is the agreement itself, so its distance to the frontier is 0.
        var trade = Case(await StateOfLogroll(), "trade");
        Assert.Equal("agreement", trade.GetProperty("subject").GetString());
        Assert.True(trade.GetProperty("nashUnique").GetBoolean());
        var nash = trade.GetProperty("nash")[0].GetProperty("terms");
        Assert.Equal(0, nash.GetProperty("p").GetDouble(), 3);
        Assert.Equal(100, nash.GetProperty("q").GetDouble(), 3);
        Assert.Equal(0, trade.GetProperty("distanceToFrontier").GetDouble(), 9);
        Assert.Equal(0.9, trade.GetProperty("agreed").GetProperty("utilities")[0].GetDouble(), 9);
        Assert.InRange(trade.GetProperty("frontier").GetArrayLength(), 2, 21);
    }

    [Fact]
    public async Task A_split_down_the_middle_lies_inside_the_frontier()
    {
        // p 50, q 50 gives each 0.9 · 0.5 + 0.1 · 0.5 = 0.5; the nearest frontier edge is 0.441730 away
        // (worked out in BargainingProblemTests), to within the 0.5-point grid.
        var halfway = Case(await StateOfLogroll(), "halfway");
        Assert.Equal(0.441730, halfway.GetProperty("distanceToFrontier").GetDouble(), 3);
    }

    [Fact]
    public async Task An_open_table_with_an_indifferent_party_has_the_Nash_point_of_the_others()
    {
        // r: A at 40 and B at 60, salience 0.5, ρ = 1, symmetric: Nash 50; C (salience 0) vetoes nothing.
        var r = Case(await StateOfLogroll(), "r");
        Assert.Equal("table", r.GetProperty("subject").GetString());
        Assert.Equal(50, r.GetProperty("nash")[0].GetProperty("terms").GetProperty("r").GetDouble(), 3);
        Assert.Equal("C", r.GetProperty("indifferent")[0].GetString());
        Assert.False(r.TryGetProperty("distanceToFrontier", out _));
    }

    [Fact]
    public async Task A_table_with_no_Nash_point_says_none_rather_than_an_empty_list_of_several()
    {
        // s: A at 0 and B at 100, salience 1, so windows of 5 + 45 · 0 = 5: A's reservation is 5 and B's 95.
        // A gains over no deal only below 5 and B only above 95; no outcome leaves both better off, so there
        // is no Nash point. An empty list beside "nashUnique": false read as "several"; the key is null and
        // nashUnique is left out, since uniqueness means nothing where there is no point.
        var s = Case(await StateOfLogroll(), "s");
        Assert.Equal("table", s.GetProperty("subject").GetString());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("nash").ValueKind);
        Assert.False(s.TryGetProperty("nashUnique", out _));
        // Where there is one, the key holds it and nashUnique says so (r: Nash 50, as above).
        var r = Case(await StateOfLogroll(), "r");
        Assert.Equal(1, r.GetProperty("nash").GetArrayLength());
        Assert.True(r.GetProperty("nashUnique").GetBoolean());
    }
}
