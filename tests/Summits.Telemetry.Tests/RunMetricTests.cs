using Summits.Grains;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Telemetry.Tests;

/// <summary>
/// A run's metrics add up to what its timeline says. The meter is process-wide and cumulative, so each
/// test compares the totals before and after its own run; every test that records Summits metrics in
/// this process is in the one collection, which xunit runs one test at a time.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class RunMetricTests(TelemetryCluster cluster)
{
    public static TheoryData<string, Engine> Runs => new()
    {
        { "trade-for-defense-package", Engine.Grains },
        { "trade-for-defense-package", Engine.Local },
        { "okinawa-realignment-friction", Engine.Grains },
        { "okinawa-realignment-friction", Engine.Local },
        { "china-role-shift", Engine.Grains },
        { "china-role-shift", Engine.Local },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Metric_totals_grow_by_exactly_the_runs_proposals_answers_moves_agreements_and_rounds(string scenario, Engine engine)
    {
        var key = $"{scenario}-{Guid.NewGuid():N}";
        var loaded = WhatIf.Load(scenario, key);
        var before = cluster.MetricTotals();

        var run = engine == Engine.Grains
            ? await ScenarioRun.InGrainsAsync(cluster.Client, loaded, WorldKey.Of(key))
            : await ScenarioRun.LocallyAsync(loaded);

        var grown = Difference(before, cluster.MetricTotals());
        var expected = Expected(run.Timeline);
        Assert.Equal(
            expected.Where(e => e.Key.Instrument != "summits.position.shift").ToDictionary(e => e.Key, e => e.Value.Count).OrderBy(e => e.Key),
            grown.Where(e => e.Key.Instrument is not ("summits.position.shift" or "summits.proposal.duration")).ToDictionary(e => e.Key, e => e.Value.Count).OrderBy(e => e.Key));

        var shifts = expected.Where(e => e.Key.Instrument == "summits.position.shift").ToList();
        Assert.NotEmpty(shifts);
        Assert.Equal(shifts.Select(e => e.Key).Order(), grown.Keys.Where(k => k.Instrument == "summits.position.shift").Order());
        foreach (var (shift, (count, sum)) in shifts)
        {
            Assert.Equal(count, grown[shift].Count);
            Assert.Equal(sum, grown[shift].Sum, 9);
        }

        // One duration per topic of each proposal, under its outcome.
        var durations = run.Timeline.Where(e => e.Kind == EventKind.Proposal)
            .SelectMany(p => WhatIf.Topics(p).Select(t => Key("summits.proposal.duration",
                ("summits.outcome", run.Timeline.Any(e => e.Kind == EventKind.AgreementMade && e.Cause == p.Cause) ? "agreed" : "rejected"),
                ("summits.topic", t))))
            .CountBy(k => k)
            .OrderBy(k => k.Key);
        Assert.Equal(durations, grown.Where(e => e.Key.Instrument == "summits.proposal.duration").Select(e => new KeyValuePair<(string, string), int>(e.Key, (int)e.Value.Count)).OrderBy(k => k.Key));
    }

    /// <summary>What the metrics must have counted, from the timeline alone.</summary>
    private static Dictionary<(string Instrument, string Tags), (long Count, double Sum)> Expected(IReadOnlyList<TimelineEvent> timeline)
    {
        var expected = new Dictionary<(string, string), (long Count, double Sum)>();
        void Add((string, string) key, double value = 1)
        {
            var (count, sum) = expected.GetValueOrDefault(key);
            expected[key] = (count + 1, sum + value);
        }
        var rules = timeline.Where(e => e.Kind == EventKind.Proposal).ToDictionary(e => e.Cause, WhatIf.Rule);
        foreach (var e in timeline)
        {
            switch (e.Kind)
            {
                case EventKind.Proposal:
                    foreach (var topic in WhatIf.Topics(e))
                        Add(Key("summits.proposals", ("summits.rule", rules[e.Cause]), ("summits.topic", topic)));
                    break;
                case EventKind.Accept or EventKind.Reject or EventKind.Counter:
                    foreach (var topic in WhatIf.Topics(e))
                        Add(Key("summits.responses", ("summits.actor", e.Actor!), ("summits.outcome", WhatIf.Answer(e)), ("summits.topic", topic)));
                    break;
                case EventKind.Move:
                    Add(Key("summits.position.shift", ("summits.actor", e.Actor!), ("summits.topic", e.Topic!)), Math.Abs(e.After!.Value - e.Before!.Value));
                    break;
                case EventKind.AgreementMade:
                    foreach (var topic in WhatIf.Topics(e))
                        Add(Key("summits.agreements", ("summits.rule", rules[e.Cause]), ("summits.topic", topic)));
                    break;
                case EventKind.AgreementStrained:
                    Add(Key("summits.agreements.strained", ("summits.topic", e.Topic!)));
                    break;
                case EventKind.AgreementBreached:
                    Add(Key("summits.agreements.breached", ("summits.topic", e.Topic!)));
                    break;
                case EventKind.Round:
                    Add(Key("summits.rounds"));
                    break;
            }
        }
        return expected;
    }

    private static (string Instrument, string Tags) Key(string instrument, params (string Name, string Value)[] tags) =>
        (instrument, string.Join(';', tags.Select(t => $"{t.Name}={t.Value}").Order(StringComparer.Ordinal)));

    private static Dictionary<(string Instrument, string Tags), (long Count, double Sum)> Difference(
        Dictionary<(string Instrument, string Tags), (long Count, double Sum)> before,
        Dictionary<(string Instrument, string Tags), (long Count, double Sum)> after) =>
        after.Select(a => (a.Key, Value: (a.Value.Count - before.GetValueOrDefault(a.Key).Count, a.Value.Sum - before.GetValueOrDefault(a.Key).Sum)))
            .Where(a => a.Value.Item1 != 0)
            .ToDictionary(a => a.Key, a => a.Value);
}
