using OpenTelemetry.Metrics;
using Summits.Grains;

namespace Summits.Telemetry.Tests;

/// <summary>The record methods the engine calls land on the right instrument with exactly the bounded tags.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricTests(TelemetryCluster cluster)
{
    private readonly string _topic = $"topic-{Guid.NewGuid():N}";

    [Fact]
    public void Responses_count_per_actor_topic_and_outcome()
    {
        SummitsTelemetry.RecordResponse("JP", _topic, SummitsTelemetry.Outcomes.Accept);
        SummitsTelemetry.RecordResponse("JP", _topic, SummitsTelemetry.Outcomes.Accept);
        SummitsTelemetry.RecordResponse("US", _topic, SummitsTelemetry.Outcomes.Counter);

        var points = Mine("summits.responses");

        Assert.Equal(2, points.Count);
        var jp = Assert.Single(points, p => Equals(Tags(p)[SummitsTelemetry.Actor], "JP"));
        Assert.Equal(2, jp.GetSumLong());
        Assert.Equal(new Dictionary<string, object?> { [SummitsTelemetry.Actor] = "JP", [SummitsTelemetry.Topic] = _topic, [SummitsTelemetry.Outcome] = "accept" }, Tags(jp));
        var us = Assert.Single(points, p => Equals(Tags(p)[SummitsTelemetry.Actor], "US"));
        Assert.Equal("counter", Tags(us)[SummitsTelemetry.Outcome]);
        Assert.Equal(1, us.GetSumLong());
    }

    [Fact]
    public void Moves_record_their_size_whichever_way_they_go()
    {
        SummitsTelemetry.RecordMove("JP", _topic, before: 40, after: 30);
        SummitsTelemetry.RecordMove("JP", _topic, before: 30, after: 32.5);

        var point = Assert.Single(Mine("summits.position.shift"));

        Assert.Equal(2, point.GetHistogramCount());
        Assert.Equal(12.5, point.GetHistogramSum());
        Assert.Equal(new Dictionary<string, object?> { [SummitsTelemetry.Actor] = "JP", [SummitsTelemetry.Topic] = _topic }, Tags(point));
    }

    [Fact]
    public void Proposals_agreements_strains_and_breaches_count_per_topic()
    {
        SummitsTelemetry.RecordProposal(_topic, "unanimity");
        SummitsTelemetry.RecordProposal(_topic, "unanimity");
        SummitsTelemetry.RecordAgreement(_topic, "k-of-n");
        SummitsTelemetry.RecordStrain(_topic);
        SummitsTelemetry.RecordStrain(_topic);
        SummitsTelemetry.RecordBreach(_topic);

        var proposals = Assert.Single(Mine("summits.proposals"));
        Assert.Equal(2, proposals.GetSumLong());
        Assert.Equal(new Dictionary<string, object?> { [SummitsTelemetry.Topic] = _topic, [SummitsTelemetry.Rule] = "unanimity" }, Tags(proposals));
        var agreements = Assert.Single(Mine("summits.agreements"));
        Assert.Equal(1, agreements.GetSumLong());
        Assert.Equal("k-of-n", Tags(agreements)[SummitsTelemetry.Rule]);
        Assert.Equal(2, Assert.Single(Mine("summits.agreements.strained")).GetSumLong());
        var breach = Assert.Single(Mine("summits.agreements.breached"));
        Assert.Equal(1, breach.GetSumLong());
        Assert.Equal(new Dictionary<string, object?> { [SummitsTelemetry.Topic] = _topic }, Tags(breach));
    }

    [Fact]
    public void Proposal_duration_is_in_milliseconds_per_topic_and_outcome()
    {
        SummitsTelemetry.RecordProposalDuration(_topic, SummitsTelemetry.Outcomes.Agreed, TimeSpan.FromSeconds(1.5));

        var point = Assert.Single(Mine("summits.proposal.duration"));

        Assert.Equal(1500, point.GetHistogramSum());
        Assert.Equal(new Dictionary<string, object?> { [SummitsTelemetry.Topic] = _topic, [SummitsTelemetry.Outcome] = "agreed" }, Tags(point));
    }

    [Fact]
    public void Rounds_carry_no_tags()
    {
        var before = cluster.Points("summits.rounds").Sum(p => p.GetSumLong());

        SummitsTelemetry.RecordRound();
        SummitsTelemetry.RecordRound();

        var after = Assert.Single(cluster.Points("summits.rounds"));
        Assert.Empty(Tags(after));
        // Other tests never record rounds, so the cumulative sum grows by exactly this test's two.
        Assert.Equal(before + 2, after.GetSumLong());
    }

    private List<MetricPoint> Mine(string instrument) =>
        [.. cluster.Points(instrument).Where(p => Tags(p).TryGetValue(SummitsTelemetry.Topic, out var t) && Equals(t, _topic))];

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
            tags[tag.Key] = tag.Value;
        return tags;
    }
}
