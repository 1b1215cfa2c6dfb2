using System.Collections.Immutable;
using Summits.Model;
using static Summits.Model.Tests.WorldBuilder;

namespace Summits.Model.Tests;

/// <summary>
/// A rounds step that plays one round of a longer bargaining with one side offering (an exercise's model turn):
/// the opener offers on the open topics only, and says so as a <c>no-offer</c> event, with its reason, for each
/// topic an agreement in force settles and for a turn with nothing open at all.
/// </summary>
public sealed class OpenerRoundTests
{
    private static RoundsStep Turn(int round, int count, string opener, params string[] topics) =>
        new("turn", 1, count, [.. topics], AgreementRule.Unanimity, opener, round);

    private static async Task<ImmutableArray<TimelineEvent>> Run(World world, params Step[] steps) =>
        (await LocalRun.Of(world, LocalRun.Scenario(LocalRun.NoInfluence, steps))).Timeline;

    // A and B at 50 on t, agreement g between them at 50: t is settled, so nothing is open. Round 2 of 4 is
    // played (one Round event, "round 2 of 4", in the step's first and only advance, so its events carry round 1);
    // A, the opener, makes no offer and says why once, on no topic: every topic on the table (t) is settled by an
    // agreement in force.
    [Fact]
    public async Task An_opener_with_every_topic_settled_makes_no_offer_and_says_so_once()
    {
        var world = World([Actor("A"), Actor("B")], [Topic("t")], [Position("A", "t", 50, 1), Position("B", "t", 50, 1)],
            [Agreement("g", "t", 50, "A", "B")]);
        var timeline = await Run(world, Turn(2, 4, "A"));

        Assert.Equal("round 2 of 4", Assert.Single(timeline, e => e.Kind == EventKind.Round).Why);
        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.Proposal);
        var none = Assert.Single(timeline, e => e.Kind == EventKind.NoOffer);
        Assert.Equal(("A", null, "turn", "turn", 1, "an agreement in force settles every topic on the table"),
            (none.Actor, none.Topic, none.Cause, none.Step, none.Round, none.Why));
    }

    // t is settled as above. u is held by A alone (B holds no position there), so it is not open either, although an
    // agreement h between A and B on u binds its only holder: a topic held by fewer than two sides is not "settled
    // by an agreement" in the reason's sense. So not every topic is settled, and the reason says the other thing.
    [Fact]
    public async Task An_opener_with_a_topic_held_by_one_side_gives_the_other_reason()
    {
        var world = World([Actor("A"), Actor("B")], [Topic("t"), Topic("u")],
            [Position("A", "t", 50, 1), Position("B", "t", 50, 1), Position("A", "u", 30, 1)],
            [Agreement("g", "t", 50, "A", "B"), Agreement("h", "u", 30, "A", "B")]);
        var timeline = await Run(world, Turn(1, 4, "A"));

        var none = Assert.Single(timeline, e => e.Kind == EventKind.NoOffer);
        Assert.Equal(("A", null, "no topic on the table is open: each is settled by an agreement in force or held by fewer than two sides"),
            (none.Actor, none.Topic, none.Why));
    }

    // Topic t is open (A at 40, B at 60); u is held by A and B and settled by g at 50; v is held by B and C and
    // settled by h at 50, which the opener A does not hold. A offers on t alone and says, for u only (v is not
    // its to offer on), that g already settles it: one no-offer event, on u, naming g and the open topic t.
    [Fact]
    public async Task An_opener_says_which_topic_an_agreement_already_settles_and_offers_on_the_rest()
    {
        var world = World([Actor("A"), Actor("B"), Actor("C")], [Topic("t"), Topic("u"), Topic("v")],
            [Position("A", "t", 40, 1), Position("B", "t", 60, 1), Position("A", "u", 50, 1), Position("B", "u", 50, 1),
             Position("B", "v", 50, 1), Position("C", "v", 50, 1)],
            [Agreement("g", "u", 50, "A", "B"), Agreement("h", "v", 50, "B", "C")]);
        var timeline = await Run(world, Turn(1, 4, "A"));

        var none = Assert.Single(timeline, e => e.Kind == EventKind.NoOffer);
        Assert.Equal(("A", "u", "turn", "agreement g, in force, already settles it, so it offers only on t"),
            (none.Actor, none.Topic, none.Cause, none.Why));
        var offer = Assert.Single(timeline, e => e.Kind == EventKind.Proposal);
        Assert.Equal(("A", "t"), (offer.Actor, offer.Topic));
    }

    // The same world in ordinary rounds (no single round named): A opens on t, and nothing is said of u or v, whose
    // agreements simply leave them out of the rounds.
    [Fact]
    public async Task Ordinary_rounds_say_nothing_of_settled_topics()
    {
        var world = World([Actor("A"), Actor("B"), Actor("C")], [Topic("t"), Topic("u"), Topic("v")],
            [Position("A", "t", 40, 1), Position("B", "t", 60, 1), Position("A", "u", 50, 1), Position("B", "u", 50, 1),
             Position("B", "v", 50, 1), Position("C", "v", 50, 1)],
            [Agreement("g", "u", 50, "A", "B"), Agreement("h", "v", 50, "B", "C")]);
        var timeline = await Run(world, LocalRun.Rounds(2, "A"));

        Assert.DoesNotContain(timeline, e => e.Kind == EventKind.NoOffer);
        Assert.Equal(("A", "t"), timeline.Where(e => e.Kind == EventKind.Proposal).Select(e => (e.Actor, e.Topic)).First());
    }
}
