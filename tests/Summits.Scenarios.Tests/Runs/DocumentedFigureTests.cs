using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// Figures that README.md and docs/ state in running prose, each checked against a run of the pure model
/// (which gives the same timeline as grains, byte for byte). The quoted command outputs are diffed by
/// <c>DocumentedOutputTests</c>; these hold what the prose says about runs beyond the quotes. Each test
/// names the sentence it checks.
/// </summary>
public sealed partial class DocumentedFigureTests
{
    private static readonly World Seed = WorldFile.Load(RepoFiles.SeedWorld);

    /// <summary>The topics the seeded world holds no agreement on, read off its file: 16 topics, ten agreements on one topic each.</summary>
    private static readonly string[] OpenTopics = ["north-korea-sanctions", "unsc-permanent-seat", "trade-imbalance", "defense-procurement", "tpp-11", "bilateral-fta"];

    [Fact]
    public void Readme_the_seed_has_four_actors_sixteen_topics_and_ten_agreements_and_China_and_North_Korea_hold_no_positions()
    {
        // README.md, "Where the seed comes from": "Japan and the United States with their leaders, China and
        // North Korea as actors the talks were about (they hold no positions ...), 16 topics ..., and the ten
        // things the leaders "confirmed" or "agreed"".
        Assert.Equal(["JP", "US", "CN", "KP"], Seed.Actors.Select(a => a.Id).ToArray());
        Assert.Equal(16, Seed.Topics.Length);
        Assert.Equal(10, Seed.Agreements.Length);
        Assert.Empty(Seed.Positions.Where(p => p.Actor is "CN" or "KP"));
        // Each agreement covers one topic, and together they leave exactly the six open topics.
        Assert.All(Seed.Agreements, a => Assert.Single(a.Terms));
        Assert.Equal(OpenTopics.Order(StringComparer.Ordinal),
            Seed.Topics.Select(t => t.Id).Where(t => !Seed.Agreements.Any(a => a.Covers(t))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Readme_seven_what_if_scenarios_ship_each_in_the_table()
    {
        // README.md, "Scenarios": "Seven what-if scenarios ship in scenarios/what-if/", one table row each.
        var readme = File.ReadAllText(Path.Combine(RepoFiles.Root, "README.md"));
        var shipped = RepoFiles.WhatIfScenarios().Select(Path.GetFileNameWithoutExtension).ToArray();

        Assert.Equal(7, shipped.Length);
        Assert.All(shipped, name => Assert.Contains($"| `{name}` |", readme));
    }

    [Fact]
    public async Task Readme_baseline_keeps_the_ten_agreements_unstrained_bargains_over_the_six_open_topics_and_closes_three()
    {
        // README.md, the row for baseline: "its ten agreements hold, unstrained; the six topics without one
        // are bargained over, and three of them close in new agreements (North Korea sanctions, a UN Security
        // Council seat, defence procurement) while the FTA gap stays open".
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(Path.Combine(RepoFiles.Root, "scenarios", "what-if", "baseline.yaml")));

        Assert.DoesNotContain(run.Timeline, e => e.Kind is EventKind.AgreementStrained or EventKind.AgreementBreached);
        Assert.All(Seed.Agreements, seeded => Assert.Equal(AgreementStatus.Holding, run.Final.Agreements.Single(a => a.Id == seeded.Id).Status));
        var proposed = run.Timeline.Where(e => e.Kind == EventKind.Proposal).SelectMany(e => e.Terms?.Select(t => t.Topic) ?? [e.Topic!]).ToHashSet();
        Assert.Equal(OpenTopics.Order(StringComparer.Ordinal), proposed.Order(StringComparer.Ordinal));
        var made = run.Timeline.Where(e => e.Kind == EventKind.AgreementMade).Select(e => e.Topic!).ToArray();
        Assert.Equal(["north-korea-sanctions", "unsc-permanent-seat", "defense-procurement"], made);
        Assert.DoesNotContain(run.Final.Agreements, a => a.Covers("bilateral-fta"));
    }

    [Fact]
    public async Task Scenarios_md_the_renewed_offer_is_rejected_moves_the_US_once_and_is_delivered_in_three_rounds()
    {
        // docs/scenarios.md, after the example run: "The US finds the package worse than no deal and rejects
        // it. Japan's offer moves it a little, once, when first made ...; the offer stays open for three
        // rounds (deadline: 3), is delivered again in each as offer~1, offer~2 and offer~3, and expires".
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(DocumentedScenario("docs/scenarios.md", "scenarios/what-if/trade-offer.yaml")));

        var offer = run.Timeline.Where(e => e.Cause.StartsWith("offer", StringComparison.Ordinal)).Select(e => (e.Kind, e.Actor, e.Cause)).ToArray();
        Assert.Equal(
            [
                (EventKind.Proposal, "JP", "offer"), (EventKind.Reject, "US", "offer"), (EventKind.Move, "US", "offer"), (EventKind.Move, "US", "offer"),
                (EventKind.Proposal, "JP", "offer~1"), (EventKind.Reject, "US", "offer~1"),
                (EventKind.Proposal, "JP", "offer~2"), (EventKind.Reject, "US", "offer~2"),
                (EventKind.Proposal, "JP", "offer~3"), (EventKind.Reject, "US", "offer~3"),
                (EventKind.ProposalExpired, "JP", "offer"),
            ],
            offer);
    }

    [Fact]
    public void Scenarios_md_the_first_scenario_is_format_2_and_loads_without_a_note()
    {
        // docs/scenarios.md, "A first scenario": the file a newcomer copies. It says 'format: 2', so it loads
        // with no note of an older format (a file without the key is format 1 and gets a one-line note).
        var notes = new List<string>();
        using (FormatNotes.To(notes.Add))
            ScenarioFile.Load(DocumentedScenario("docs/scenarios.md", "scenarios/what-if/trade-offer.yaml"));

        Assert.Empty(notes);
    }

    [Fact]
    public async Task Telemetry_md_in_the_okinawa_run_Japan_rejects_the_US_accepts_and_the_seeded_agreement_is_breached_then_one_made()
    {
        // docs/telemetry.md, the dashboard walk-through: "JP evaluating us-reaffirms and answering reject, and
        // the US evaluating japan-asks-relief and answering accept ... the breached and the new summits.agreement".
        var run = await ScenarioRun.LocallyAsync(ScenarioFile.Load(Path.Combine(RepoFiles.Root, "scenarios", "what-if", "okinawa-realignment-friction.yaml")));

        var answers = run.Timeline.Where(e => e.Kind is EventKind.Accept or EventKind.Reject or EventKind.Counter).Select(e => (e.Actor, e.Cause, e.Kind)).ToArray();
        Assert.Equal([("JP", "us-reaffirms", EventKind.Reject), ("US", "japan-asks-relief", EventKind.Accept)], answers);
        var agreements = run.Timeline.Where(e => e.Kind is EventKind.AgreementMade or EventKind.AgreementStrained or EventKind.AgreementBreached).Select(e => e.Kind).ToArray();
        Assert.Equal([EventKind.AgreementBreached, EventKind.AgreementMade], agreements);
    }

    [Fact]
    public async Task Model_md_over_100_seeds_four_topics_are_agreed_in_every_run_within_the_spreads_given()
    {
        // docs/model.md, "Who opens does not decide the outcome": over seeds 0..99 of the 20-round forecast,
        // north-korea-sanctions lands in [89.83, 89.86], unsc-permanent-seat in [85.67, 85.69],
        // defense-procurement in [79.32, 79.60] and tpp-11 in [68.06, 68.79], every run; the trade imbalance
        // and the FTA are agreed in none; the spreads are 0.03, 0.02, 0.27 and 0.73 points. Lowest, highest and
        // spread are compared after rounding to 2 decimals, as shown.
        var spread = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var never = new HashSet<string>(StringComparer.Ordinal);
        for (ulong seed = 0; seed < 100; seed++)
        {
            var run = await ScenarioRun.LocallyAsync(Forecast.Of(RepoFiles.SeedWorld, 20, seed));
            foreach (var agreement in run.Final.Agreements.Where(a => a.Status.IsLive() && !Seed.Agreements.Any(s => s.Id == a.Id)))
            {
                foreach (var (topic, value) in agreement.Terms)
                    (spread.TryGetValue(topic, out var values) ? values : spread[topic] = []).Add(value);
            }
        }
        Assert.Equal(["defense-procurement", "north-korea-sanctions", "tpp-11", "unsc-permanent-seat"], spread.Keys.Order(StringComparer.Ordinal));
        Assert.All(spread.Values, values => Assert.Equal(100, values.Count));
        (string Topic, double Low, double High, double Spread)[] table =
        [
            ("north-korea-sanctions", 89.83, 89.86, 0.03), ("unsc-permanent-seat", 85.67, 85.69, 0.02),
            ("defense-procurement", 79.32, 79.60, 0.27), ("tpp-11", 68.06, 68.79, 0.73),
        ];
        foreach (var (topic, low, high, _) in table)
            Assert.Equal((topic, low, high), (topic, Math.Round(spread[topic].Min(), 2), Math.Round(spread[topic].Max(), 2)));
        // The spread column is highest minus lowest of the unrounded outcomes, then rounded to 2 decimals, so it
        // can differ by 0.01 from the difference of the rounded columns (79.60 − 79.32 = 0.28, but the run's
        // 79.597 − 79.325 = 0.272); every one is within the 2 points by which the section's opener test lets
        // outcomes differ.
        foreach (var (topic, _, _, width) in table)
        {
            var measured = spread[topic].Max() - spread[topic].Min();
            Assert.Equal((topic, width), (topic, Math.Round(measured, 2)));
            Assert.True(measured <= 2, $"{topic}: outcomes spread by {measured:0.###} points over 100 seeds, more than 2");
        }
    }

    /// <summary>A scenario a document defines in a <c>&lt;!-- file: PATH --&gt;</c> comment before a fenced block, written to a temporary folder with its world made absolute.</summary>
    private static string DocumentedScenario(string document, string path)
    {
        var text = File.ReadAllText(Path.Combine(RepoFiles.Root, document));
        var marker = text.IndexOf($"<!-- file: {path} -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, $"{document} defines no {path}");
        var block = FencedBlock().Match(text, marker);
        var scenario = block.Groups[1].Value.Replace("world: ../summits/2017-11-06-abe-trump.yaml", $"world: {RepoFiles.SeedWorld}", StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("summits-documented-").FullName;
        var file = Path.Combine(folder, Path.GetFileName(path));
        File.WriteAllText(file, scenario);
        return file;
    }

    [GeneratedRegex("```[a-z]*\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
