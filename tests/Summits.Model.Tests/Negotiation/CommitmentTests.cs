using Summits.Model;

namespace Summits.Model.Tests;

public sealed class CommitmentTests
{
    private static readonly ModelParameters Defaults = ModelParameters.Default;

    // Salience 0.5: window w = 5 + 45·0.5 = 27.5, breach beyond 2w = 55 from the agreed 50. A strained agreement here is
    // one this party strained itself (Strayed): going on past the window is no news.
    [Theory]
    [InlineData(AgreementStatus.Holding, 77.4, null)]
    [InlineData(AgreementStatus.Holding, 77.6, AgreementStatus.Strained)]
    [InlineData(AgreementStatus.Holding, 104.9, AgreementStatus.Strained)]
    [InlineData(AgreementStatus.Holding, -5.1, AgreementStatus.Breached)]
    [InlineData(AgreementStatus.Strained, 60, AgreementStatus.Holding)]
    [InlineData(AgreementStatus.Strained, 77.5, AgreementStatus.Holding)]
    [InlineData(AgreementStatus.Strained, 90, null)]
    [InlineData(AgreementStatus.Strained, -5.1, AgreementStatus.Breached)]
    [InlineData(AgreementStatus.Breached, 50, null)]
    [InlineData(AgreementStatus.PartlySuperseded, 90, null)]
    [InlineData(AgreementStatus.PartlySuperseded, -5.1, AgreementStatus.Breached)]
    public void A_partys_distance_from_the_agreed_value_sets_the_status(AgreementStatus status, double after, AgreementStatus? expected) =>
        Assert.Equal(expected, Negotiator.Drift(new Commitment("a", "t", 50, status, Strayed: status == AgreementStatus.Strained), after, 0.5, Defaults));

    // An agreement at 50 strained by another party (this one has not strayed: Strayed false), salience 0.5, window 27.5,
    // breach beyond 55. This party moving away past its window is news of its own, once: the agreement stays strained
    // (77.6 is 27.6 away; 104.9 is 54.9 away, still short of 55). Inside the window (77.4, 27.4 away) it is none, and
    // 50 → 77.5, exactly the window, is inside it: it restores the agreement as far as this party goes. Past 55 it breaches.
    [Theory]
    [InlineData(77.4, AgreementStatus.Holding)]
    [InlineData(77.5, AgreementStatus.Holding)]
    [InlineData(77.6, AgreementStatus.Strained)]
    [InlineData(104.9, AgreementStatus.Strained)]
    [InlineData(-5.1, AgreementStatus.Breached)]
    public void A_second_party_straying_from_a_strained_agreement_is_news_once(double after, AgreementStatus? expected)
    {
        Assert.Equal(expected, Negotiator.Drift(new Commitment("a", "t", 50, AgreementStatus.Strained, Strayed: false), after, 0.5, Defaults, before: 50));
        // The same move by the party that strained it is no news past the window; only a breach or a return is.
        Assert.Equal(expected == AgreementStatus.Strained ? null : expected,
            Negotiator.Drift(new Commitment("a", "t", 50, AgreementStatus.Strained, Strayed: true), after, 0.5, Defaults, before: 50));
    }

    // Exactly at the window and exactly at the breach distance is still inside each: with salience 0.5 (window
    // 27.5, breach beyond 55) and an agreement at 20, a party at 47.5 keeps it holding; at 75 (55 away) it
    // strains a holding agreement and leaves one it strained itself strained; at 75.1 it breaches either.
    [Theory]
    [InlineData(AgreementStatus.Holding, 47.5, null)]
    [InlineData(AgreementStatus.Holding, 47.6, AgreementStatus.Strained)]
    [InlineData(AgreementStatus.Holding, 75, AgreementStatus.Strained)]
    [InlineData(AgreementStatus.Strained, 75, null)]
    [InlineData(AgreementStatus.Holding, 75.1, AgreementStatus.Breached)]
    [InlineData(AgreementStatus.Strained, 75.1, AgreementStatus.Breached)]
    public void A_party_exactly_at_the_window_or_at_the_breach_distance_is_still_inside_it(AgreementStatus status, double after, AgreementStatus? expected) =>
        Assert.Equal(expected, Negotiator.Drift(new Commitment("a", "t", 20, status, Strayed: status == AgreementStatus.Strained), after, 0.5, Defaults));

    // Only a move away from the agreed value counts against an agreement. Salience 0.5: window 27.5, breach beyond 55.
    // A party that agreed to 80 while standing at 20 (60 away, past 55) keeps the agreement standing still (20 → 20) or
    // moving toward it (20 → 21, 59 away); moving away (20 → 19, 61 away) breaches it. One that agreed to 50 at 80
    // (30 away, past the window 27.5) keeps it holding at 79 (29 away, closer) and strains it at 81 (31 away, farther);
    // moving toward the agreed value into the window (80 → 77, 27 away) restores a strained one.
    [Theory]
    [InlineData(80, AgreementStatus.Holding, 20, 20, null)]
    [InlineData(80, AgreementStatus.Holding, 20, 21, null)]
    [InlineData(80, AgreementStatus.Holding, 20, 19, AgreementStatus.Breached)]
    [InlineData(50, AgreementStatus.Holding, 80, 79, null)]
    [InlineData(50, AgreementStatus.Holding, 80, 81, AgreementStatus.Strained)]
    [InlineData(50, AgreementStatus.Strained, 80, 77, AgreementStatus.Holding)]
    public void Only_a_move_away_from_the_agreed_value_strains_or_breaches_an_agreement(double agreed, AgreementStatus status, double before, double after, AgreementStatus? expected) =>
        Assert.Equal(expected, Negotiator.Drift(new Commitment("a", "t", agreed, status), after, 0.5, Defaults, before));

    // A jump of five windows (5·27.5 = 137.5 points would leave the scale; from 0 to 100 is 100 points,
    // 3.6 windows) breaches a holding agreement at once rather than only straining it.
    [Fact]
    public void A_jump_beyond_the_breach_factor_breaches_a_holding_agreement_at_once() =>
        Assert.Equal(AgreementStatus.Breached, Negotiator.Drift(new Commitment("a", "t", 0, AgreementStatus.Holding), 100, 0.5, Defaults));

    // A proposer at 50 (window 27.5) party to an agreement at 50: 60 is inside; 80 (30 away) strains a
    // holding agreement and leaves one the proposer strained itself strained, with no news, but tells the proposer's
    // straying from one another party strained (Strayed false); 106 would be off the scale, so 0 against an
    // agreement at 60 (60 away, beyond 55) breaches whichever status.
    [Fact]
    public void A_proposal_against_its_proposers_own_agreement_strains_or_breaches_it_by_distance()
    {
        var positions = new Dictionary<string, Position> { ["t"] = WorldBuilder.Position("A", "t", 50, 0.5) };
        Proposal Offer(double value) => WorldBuilder.Proposal("p", "A", ["B"], 0.5, ("t", value));
        AgreementStatus? Change(double value, double agreed, AgreementStatus status, bool strayed = true) =>
            Negotiator.Contrary(positions, Offer(value), [new Commitment("a", "t", agreed, status, strayed)], Defaults).SingleOrDefault()?.Status;
        Assert.Null(Change(60, 50, AgreementStatus.Holding));
        Assert.Equal(AgreementStatus.Strained, Change(80, 50, AgreementStatus.Holding));
        Assert.Null(Change(80, 50, AgreementStatus.Strained));
        Assert.Equal(AgreementStatus.Strained, Change(80, 50, AgreementStatus.Strained, strayed: false));
        Assert.Null(Change(60, 50, AgreementStatus.Strained, strayed: false));
        Assert.Equal(AgreementStatus.Breached, Change(0, 60, AgreementStatus.Holding));
        Assert.Equal(AgreementStatus.Breached, Change(0, 60, AgreementStatus.Strained));
        Assert.Null(Change(0, 60, AgreementStatus.Breached));
    }

    // The same boundaries for a proposal: against an agreement at 20, proposing 47.5 (exactly one window away)
    // changes nothing, 75 (exactly two) strains a holding agreement but breaches nothing, 75.1 breaches.
    [Fact]
    public void A_proposal_exactly_at_the_window_or_at_the_breach_distance_is_still_inside_it()
    {
        var positions = new Dictionary<string, Position> { ["t"] = WorldBuilder.Position("A", "t", 50, 0.5) };
        AgreementStatus? Change(double value, AgreementStatus status) =>
            Negotiator.Contrary(positions, WorldBuilder.Proposal("p", "A", ["B"], 0.5, ("t", value)), [new Commitment("a", "t", 20, status, Strayed: true)], Defaults)
                .SingleOrDefault()?.Status;
        Assert.Null(Change(47.5, AgreementStatus.Holding));
        Assert.Equal(AgreementStatus.Strained, Change(75, AgreementStatus.Holding));
        Assert.Null(Change(75, AgreementStatus.Strained));
        Assert.Equal(AgreementStatus.Breached, Change(75.1, AgreementStatus.Strained));
    }

    // The change names the proposer, the terms, their distance from the agreed value and the window:
    // 80 is 30 from 50, with the window 27.5 of salience 0.5.
    [Fact]
    public void A_proposal_that_strains_its_proposers_agreement_says_why()
    {
        var positions = new Dictionary<string, Position> { ["t"] = WorldBuilder.Position("A", "t", 50, 0.5) };
        var change = Assert.Single(Negotiator.Contrary(positions, WorldBuilder.Proposal("p", "A", ["B"], 0.5, ("t", 80)),
            [new Commitment("a", "t", 50, AgreementStatus.Holding)], Defaults));
        Assert.Equal(new CommitmentChange("a", "t", "A", AgreementStatus.Strained, "p", "A proposed 80, 30 from the agreed 50 (window 27.5)"), change);
    }

    // Against an agreement at 50 that another party strained, the proposer's 80 (30 from 50, past the window 27.5) is
    // its own straying, and the words say it strays too.
    [Fact]
    public void A_proposal_that_strays_from_an_agreement_another_party_strained_says_it_strays_too()
    {
        var positions = new Dictionary<string, Position> { ["t"] = WorldBuilder.Position("A", "t", 50, 0.5) };
        var change = Assert.Single(Negotiator.Contrary(positions, WorldBuilder.Proposal("p", "A", ["B"], 0.5, ("t", 80)),
            [new Commitment("a", "t", 50, AgreementStatus.Strained, AnotherStrayed: true)], Defaults));
        Assert.Equal(new CommitmentChange("a", "t", "A", AgreementStatus.Strained, "p", "A has strayed too, proposed 80, 30 from the agreed 50 (window 27.5)"), change);
    }

    // Against an agreement at 50 strained with no party strayed from it (as a world may seed it), the same 80 is the
    // first straying, and the words say so rather than "too".
    [Fact]
    public void A_proposal_that_first_strays_from_an_agreement_seeded_strained_is_told_as_the_first()
    {
        var positions = new Dictionary<string, Position> { ["t"] = WorldBuilder.Position("A", "t", 50, 0.5) };
        var change = Assert.Single(Negotiator.Contrary(positions, WorldBuilder.Proposal("p", "A", ["B"], 0.5, ("t", 80)),
            [new Commitment("a", "t", 50, AgreementStatus.Strained)], Defaults));
        Assert.Equal(new CommitmentChange("a", "t", "A", AgreementStatus.Strained, "p", "A is the first to stray, proposed 80, 30 from the agreed 50 (window 27.5)"), change);
    }

    // The table keeps who strayed: A strains a holding agreement; A again is no news; B straying too is (the agreement
    // stays strained), once; back to holding forgets them both, so A straying again strains it anew.
    [Fact]
    public void The_table_tells_each_partys_straying_once_until_the_agreement_holds_again()
    {
        var table = new Table();
        table.Seed(WorldBuilder.Topic("t"), ["A", "B"],
            [WorldBuilder.Agreement("a", "t", 50, "A", "B")]);
        CommitmentChange Strain(string party) => new("a", "t", party, AgreementStatus.Strained, "s", $"{party} now at 90, 40 from the agreed 50 (window 27.5)");
        int Applied(string command, CommitmentChange change) => table.Apply(command, [change]).Length;

        Assert.Equal(1, Applied("1", Strain("A")));
        Assert.Equal(["A"], table.Agreements[0].Strayed!);
        Assert.Equal(0, Applied("2", Strain("A")));
        Assert.Equal(1, Applied("3", Strain("B")));
        Assert.Equal(AgreementStatus.Strained, table.Agreements[0].Status);
        Assert.Equal(["A", "B"], table.Agreements[0].Strayed!);
        Assert.Equal(0, Applied("4", Strain("B")));
        Assert.Equal(1, Applied("5", new CommitmentChange("a", "t", "A", AgreementStatus.Holding, "s", "back")));
        Assert.Null(table.Agreements[0].Strayed);
        Assert.Equal(1, Applied("6", Strain("A")));
        // What the table tells a party about the agreement: B has not strayed since it held again, A has; to B, another
        // party (A) has strayed, so B's straying would be told as "too"; to A, no other party has.
        var now = table.Get();
        Assert.True(Assert.Single(Table.CommitmentsOf(now, "A")).Strayed);
        Assert.False(Assert.Single(Table.CommitmentsOf(now, "B")).Strayed);
        Assert.True(Assert.Single(Table.CommitmentsOf(now, "B")).AnotherStrayed);
        Assert.False(Assert.Single(Table.CommitmentsOf(now, "A")).AnotherStrayed);
    }

    // Only the proposer's agreements on the proposed topics count, and a topic it holds no position on binds
    // it to nothing: proposing 100 on t leaves an agreement on u at 0 alone, and proposing 100 on u, where it
    // holds no position, changes nothing either.
    [Fact]
    public void A_proposal_touches_only_its_proposers_agreements_on_topics_it_holds_and_proposes()
    {
        var positions = new Dictionary<string, Position> { ["t"] = WorldBuilder.Position("A", "t", 50, 0.5) };
        Commitment[] onU = [new Commitment("a", "u", 0, AgreementStatus.Holding)];
        Assert.Empty(Negotiator.Contrary(positions, WorldBuilder.Proposal("p", "A", ["B"], 0.5, ("t", 100)), onU, Defaults));
        Assert.Empty(Negotiator.Contrary(positions, WorldBuilder.Proposal("p", "A", ["B"], 0.5, ("u", 100)), onU, Defaults));
    }
}
