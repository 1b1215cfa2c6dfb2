namespace Summits.Model.Tests.Negotiation;

/// <summary>Saliences that are shares of an actor's attention, as a KTAB table's are, read by the bargaining model.</summary>
public sealed class SalienceSharesTests
{
    private static readonly ModelParameters ThreeTopics = ModelParameters.Default with { SalienceShares = 3 };

    /// <summary>
    /// SActor-00 of dummyData_3Dim.csv gives 49.53, 5.91 and 28.15 of its attention to the three dimensions.
    /// Read topic by topic, the windows are 5 + 45 · (1 − s): 27.71, 47.34 and 37.33 points, wide enough for
    /// nearly anything. As shares over 3 topics, against an even split of 1/3 each: min(1, 3 · 0.4953) = 1,
    /// 3 · 0.0591 = 0.1773 and 3 · 0.2815 = 0.8445, so windows of 5, 5 + 45 · 0.8227 = 42.02 and
    /// 5 + 45 · 0.1555 = 12.0.
    /// </summary>
    [Theory]
    [InlineData(0.4953, 27.7115, 5)]
    [InlineData(0.0591, 47.3405, 42.0215)]
    [InlineData(0.2815, 37.3325, 11.9975)]
    public void A_share_is_measured_against_an_even_split_of_the_actors_attention(double share, double perTopic, double asShare)
    {
        Assert.Equal(perTopic, ModelParameters.Default.Window(share), 9);
        Assert.Equal(asShare, ThreeTopics.Window(share), 9);
    }

    [Fact]
    public void With_one_topic_a_share_is_the_salience_itself()
    {
        // A one-dimension KTAB table (dummyData-a040.csv): shares over 1 topic change nothing.
        var one = ModelParameters.Default with { SalienceShares = 1 };

        foreach (var s in new[] { 0, 0.25, 0.4331, 1 })
        {
            Assert.Equal(ModelParameters.Default.Window(s), one.Window(s));
            Assert.Equal(s, one.Intensity(s));
        }
    }

    /// <summary>
    /// The default reservation value lies a window from the position, toward the other side: SActor-00 at
    /// 6.37 on dimension 2 facing 73.5, share 0.0591: 6.37 + 42.0215 = 48.3915 (per topic: 6.37 + 47.3405 =
    /// 53.7105); on dimension 1 at 75.79 facing 82.72, share 0.4953: 75.79 + 5 = 80.79 (per topic 103.5, so 100).
    /// </summary>
    [Fact]
    public void The_default_reservation_value_lies_a_share_window_from_the_position()
    {
        Assert.Equal(48.3915, Tactics.Reservation(6.37, 0.0591, null, 73.5, ThreeTopics), 9);
        Assert.Equal(53.7105, Tactics.Reservation(6.37, 0.0591, null, 73.5, ModelParameters.Default), 9);
        Assert.Equal(80.79, Tactics.Reservation(75.79, 0.4953, null, 82.72, ThreeTopics), 9);
        Assert.Equal(100, Tactics.Reservation(75.79, 0.4953, null, 82.72, ModelParameters.Default), 9);
    }

    /// <summary>
    /// Influence shrinks with how much the topic matters: α 0.1, equal capabilities (weight 0.5), no affinity
    /// (factor 0.5), from 20 toward 80 (60 points). Share 0.2815 over 3 topics is intensity 0.8445:
    /// 0.1 · 0.5 · 0.5 · 0.1555 · 60 = 0.23325; read per topic, 0.1 · 0.5 · 0.5 · 0.7185 · 60 = 1.07775.
    /// </summary>
    [Fact]
    public void A_share_that_takes_much_of_the_actors_attention_is_moved_less()
    {
        Assert.Equal(0.23325, Negotiator.Influence(20, 0.2815, 80, 0.5, 0.5, 0, ThreeTopics), 9);
        Assert.Equal(1.07775, Negotiator.Influence(20, 0.2815, 80, 0.5, 0.5, 0, ModelParameters.Default), 9);
    }
}
