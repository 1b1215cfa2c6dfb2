using System.Collections.Immutable;
using Summits.Model;
using static Summits.Model.Tests.WorldBuilder;

namespace Summits.Model.Tests;

public sealed class TableTests
{
    private static Table Seeded(string topic, string[] participants, params Agreement[] agreements)
    {
        var table = new Table();
        table.Seed(Topic(topic), participants, agreements);
        return table;
    }

    [Fact]
    public void Recording_the_same_agreement_twice_changes_nothing()
    {
        var table = Seeded("t", ["A", "B"]);
        Assert.True(table.Record(Agreement("new", "t", 60, "A", "B")));
        Assert.False(table.Record(Agreement("new", "t", 60, "A", "B")));
        Assert.Single(table.Agreements);
    }

    // A run decides supersession on the view a topic will have once it records the agreement. Worked by hand:
    // a view holding "old", with "new" recorded, lists old then new; recording "new" on that view again adds
    // nothing, so it still lists old then new, and the participants A, B are carried as they were.
    [Fact]
    public void A_view_as_recorded_adds_an_agreement_once_after_the_earlier_ones()
    {
        var view = Seeded("t", ["A", "B"], Agreement("old", "t", 50, "A", "B")).Get();
        var once = Table.Recording(view, Agreement("new", "t", 60, "A", "B"));
        var twice = Table.Recording(once, Agreement("new", "t", 60, "A", "B"));
        Assert.Equal(["old", "new"], once.Agreements.Select(a => a.Id));
        Assert.Equal(["old", "new"], twice.Agreements.Select(a => a.Id));
        Assert.Equal(["A", "B"], twice.Participants.AsEnumerable());
        Assert.Equal(["old"], view.Agreements.Select(a => a.Id));
    }

    // Get answers one object until the table changes, and each kind of change shows in the next answer. Worked by hand
    // from a table of A and B with agreement "old" holding: A joining again changes nothing (same object); C joining
    // lists A, B, C; "new" recorded lists old, new; "new" recorded again changes nothing; "old" superseded by a command
    // shows old as Superseded; the same command again within the advance changes nothing (same object).
    [Fact]
    public void Get_answers_the_same_table_until_it_changes_and_every_change_after()
    {
        var table = Seeded("t", ["A", "B"], Agreement("old", "t", 50, "A", "B"));
        var first = table.Get();
        Assert.Same(first, table.Get());
        table.Join("A");
        Assert.Same(first, table.Get());

        table.Join("C");
        var joined = table.Get();
        Assert.Equal(["A", "B", "C"], joined.Participants.AsEnumerable());
        Assert.Equal(["A", "B"], first.Participants.AsEnumerable());

        table.Record(Agreement("new", "t", 60, "A", "B"));
        var recorded = table.Get();
        Assert.Equal(["old", "new"], recorded.Agreements.Select(a => a.Id));
        table.Record(Agreement("new", "t", 60, "A", "B"));
        Assert.Same(recorded, table.Get());

        table.Apply("c1", [new CommitmentChange("old", "t", "", AgreementStatus.Superseded, "new", "superseded by new")]);
        var applied = table.Get();
        Assert.Equal(AgreementStatus.Superseded, applied.Agreements[0].Status);
        Assert.Equal(AgreementStatus.Holding, recorded.Agreements[0].Status);
        table.Apply("c1", [new CommitmentChange("old", "t", "", AgreementStatus.Superseded, "new", "superseded by new")]);
        Assert.Same(applied, table.Get());

        table.Seed(Topic("t"), ["D"], []);
        Assert.Equal(["D"], table.Get().Participants.AsEnumerable());
        Assert.Empty(table.Get().Agreements);
    }

    [Fact]
    public void A_new_agreement_among_the_same_parties_supersedes_the_old_one()
    {
        var table = Seeded("t", ["A", "B"], Agreement("old", "t", 50, "A", "B"));
        var newer = Agreement("new", "t", 60, "A", "B");
        table.Record(newer);
        var change = Supersession.Decide(table.Agreements[0], newer, [table.Get()]);
        Assert.Equal(AgreementStatus.Superseded, change!.Status);
        Assert.Equal("new", change.Cause);
    }

    [Fact]
    public void An_agreement_among_other_parties_changes_nothing()
    {
        var table = Seeded("t", ["A", "B", "C", "D"], Agreement("ab", "t", 50, "A", "B"));
        var newer = Agreement("cd", "t", 60, "C", "D");
        table.Record(newer);
        Assert.Empty(Supersession.Affected(newer, [table.Get()]));
        Assert.Null(Supersession.Decide(table.Agreements[0], newer, [table.Get()]));
    }

    // Under 2-of-n, A made 52.5 with B and then 15.48 with C. A is held to one value: the newer 15.48.
    // The older agreement is strained (A left it), and B is still held to 52.5.
    [Fact]
    public void An_actor_is_held_to_one_live_agreement_per_topic()
    {
        var table = Seeded("t", ["A", "B", "C"], Agreement("ab", "t", 52.5, "A", "B"));
        var newer = Agreement("ac", "t", 15.48, "A", "C");
        table.Record(newer);
        var change = Supersession.Decide(table.Agreements[0], newer, [table.Get()]);
        Assert.Equal(AgreementStatus.Strained, change!.Status);
        Assert.Equal("A", change.Actor);
        table.Apply("changes-1", [change]);
        Assert.Equal(15.48, Assert.Single(Table.CommitmentsOf(table.Get(), "A")).Value);
        Assert.Equal(52.5, Assert.Single(Table.CommitmentsOf(table.Get(), "B")).Value);
        Assert.Equal(15.48, Assert.Single(Table.CommitmentsOf(table.Get(), "C")).Value);
    }

    // A package over x and y between A and B; a newer agreement on x alone between the same parties takes
    // over x. The package is "partly superseded", the same status whichever order its tables are read in,
    // and it still binds on y; an agreement on y later supersedes it wholly.
    [Fact]
    public void A_package_superseded_on_some_topics_is_partly_superseded_whatever_the_order_of_its_topics()
    {
        var package = Package("pkg", [("x", 40), ("y", 60)], "A", "B");
        var x = Seeded("x", ["A", "B"], package);
        var y = Seeded("y", ["A", "B"], package);
        var onX = Agreement("on-x", "x", 45, "A", "B");
        x.Record(onX);
        var forward = Supersession.Decide(package, onX, [x.Get(), y.Get()]);
        var backward = Supersession.Decide(package, onX, [y.Get(), x.Get()]);
        Assert.Equal(AgreementStatus.PartlySuperseded, forward!.Status);
        Assert.Equal(forward, backward);
        Assert.Contains("still binding on y", forward.Why);
        x.Apply("changes-2", [forward]);
        y.Apply("changes-3", [forward]);
        Assert.Equal(60, Assert.Single(Table.CommitmentsOf(y.Get(), "A")).Value);
        Assert.Equal(45, Assert.Single(Table.CommitmentsOf(x.Get(), "A")).Value);

        var partly = y.Agreements[0];
        var onY = Agreement("on-y", "y", 55, "A", "B");
        y.Record(onY);
        Assert.Equal(AgreementStatus.Superseded, Supersession.Decide(partly, onY, [x.Get(), y.Get()])!.Status);
    }

    [Fact]
    public void Breached_and_superseded_are_final_and_a_strained_agreement_can_recover()
    {
        var table = Seeded("t", ["A", "B"], Agreement("deal", "t", 50, "A", "B"));
        // Each call returns the changes it applied, which the run writes into the timeline with their cause:
        // strained, holding again, breached; then nothing, since breached is final.
        var applied = new List<CommitmentChange>();
        applied.AddRange(table.Apply("changes-4", [new CommitmentChange("deal", "t", "A", AgreementStatus.Strained, "p1", "")]));
        applied.AddRange(table.Apply("changes-5", [new CommitmentChange("deal", "t", "A", AgreementStatus.Holding, "p2", "")]));
        Assert.Equal(AgreementStatus.Holding, table.Agreements[0].Status);
        applied.AddRange(table.Apply("changes-6", [new CommitmentChange("deal", "t", "A", AgreementStatus.Breached, "p3", "")]));
        Assert.Empty(table.Apply("changes-7", [new CommitmentChange("deal", "t", "A", AgreementStatus.Holding, "p4", "")]));
        Assert.Empty(table.Apply("changes-8", [new CommitmentChange("deal", "t", "A", AgreementStatus.Superseded, "p5", "")]));
        Assert.Equal(AgreementStatus.Breached, table.Agreements[0].Status);
        Assert.Equal(["p1", "p2", "p3"], applied.Select(c => c.Cause));
    }

    [Fact]
    public void A_status_change_delivered_again_after_a_later_one_is_not_applied_twice()
    {
        var table = Seeded("t", ["A", "B"], Agreement("deal", "t", 50, "A", "B"));
        var strain = new CommitmentChange("deal", "t", "A", AgreementStatus.Strained, "p1", "");
        var first = table.Apply("p1/changes-1", [strain]);
        table.Apply("p2/changes-2", [new CommitmentChange("deal", "t", "A", AgreementStatus.Holding, "p2", "")]);
        // The strain delivered again, after the recovery: the first answer, and the agreement still holds.
        var again = table.Apply("p1/changes-1", [strain]);
        Assert.Equal([strain], again.ToArray());
        Assert.Equal(first.ToArray(), again.ToArray());
        Assert.Equal(AgreementStatus.Holding, table.Agreements[0].Status);
        // A new advance forgets the answers: the same id is then a new command.
        table.BeginAdvance();
        Assert.Equal([strain], table.Apply("p1/changes-1", [strain]).ToArray());
        Assert.Equal(AgreementStatus.Strained, table.Agreements[0].Status);
    }

    [Theory]
    [InlineData(AgreementStatus.PartlySuperseded, AgreementStatus.Superseded, true)]
    [InlineData(AgreementStatus.PartlySuperseded, AgreementStatus.Breached, true)]
    [InlineData(AgreementStatus.PartlySuperseded, AgreementStatus.Strained, false)]
    [InlineData(AgreementStatus.PartlySuperseded, AgreementStatus.Holding, false)]
    [InlineData(AgreementStatus.Superseded, AgreementStatus.Holding, false)]
    [InlineData(AgreementStatus.Holding, AgreementStatus.Holding, false)]
    [InlineData(AgreementStatus.Holding, AgreementStatus.PartlySuperseded, true)]
    [InlineData(AgreementStatus.Strained, AgreementStatus.Superseded, true)]
    public void Which_status_changes_may_happen(AgreementStatus from, AgreementStatus to, bool allowed) =>
        Assert.Equal(allowed, from.CanBecome(to));

    // A table takes a change of status that may happen, and news of a partly superseded agreement that stays
    // so; nothing else: neither a partly superseded agreement back to holding or strained, nor a final one
    // (superseded, breached) to partly superseded, nor a holding one to holding.
    [Theory]
    [InlineData(AgreementStatus.PartlySuperseded, AgreementStatus.PartlySuperseded, true)]
    [InlineData(AgreementStatus.PartlySuperseded, AgreementStatus.Superseded, true)]
    [InlineData(AgreementStatus.Holding, AgreementStatus.PartlySuperseded, true)]
    [InlineData(AgreementStatus.PartlySuperseded, AgreementStatus.Holding, false)]
    [InlineData(AgreementStatus.PartlySuperseded, AgreementStatus.Strained, false)]
    [InlineData(AgreementStatus.Superseded, AgreementStatus.PartlySuperseded, false)]
    [InlineData(AgreementStatus.Breached, AgreementStatus.PartlySuperseded, false)]
    [InlineData(AgreementStatus.Holding, AgreementStatus.Holding, false)]
    public void Which_changes_a_table_admits(AgreementStatus from, AgreementStatus to, bool admitted) =>
        Assert.Equal(admitted, from.Admits(to));

    [Theory]
    [InlineData(AgreementStatus.Holding, true)]
    [InlineData(AgreementStatus.Strained, true)]
    [InlineData(AgreementStatus.PartlySuperseded, true)]
    [InlineData(AgreementStatus.Breached, false)]
    [InlineData(AgreementStatus.Superseded, false)]
    public void Which_statuses_still_bind(AgreementStatus status, bool live) => Assert.Equal(live, status.IsLive());

    // A table holds nothing until seeded: its topic is refused with the reason, and so is its state.
    [Fact]
    public void A_table_not_yet_seeded_says_so()
    {
        var table = new Table();
        Assert.False(table.IsSeeded);
        Assert.Equal("this table has not been seeded", Assert.Throws<InvalidOperationException>(() => table.Topic).Message);
        Assert.Equal("this table has not been seeded", Assert.Throws<InvalidOperationException>(() => table.Get()).Message);
    }

    // Seeding sets the topic, its holders and its agreements; seeding again replaces all three, keeping nothing of
    // the first seed (state read back from storage is seeded over a table that may hold an earlier world).
    [Fact]
    public void Seeding_again_replaces_the_topic_the_holders_and_the_agreements()
    {
        var table = Seeded("t", ["A", "B"], Agreement("g", "t", 50, "A", "B"));
        Assert.True(table.IsSeeded);
        table.Seed(Topic("u"), ["C"], [Agreement("h", "u", 20, "C", "D")]);
        var state = table.Get();
        Assert.Equal("u", state.Topic.Id);
        Assert.Equal(["C"], state.Participants.AsEnumerable());
        Assert.Equal(["h"], state.Agreements.Select(a => a.Id));
    }

    // An actor that comes to hold a position joins the table's holders once, after those already there.
    [Fact]
    public void An_actor_joins_a_table_once()
    {
        var table = Seeded("t", ["A", "B"]);
        table.Join("C");
        table.Join("C");
        table.Join("A");
        Assert.Equal(["A", "B", "C"], table.Get().Participants.AsEnumerable());
    }

    // A change naming an agreement the table does not hold is not applied, and nothing changes.
    [Fact]
    public void A_change_to_an_agreement_the_table_does_not_hold_is_not_applied()
    {
        var table = Seeded("t", ["A", "B"], Agreement("g", "t", 50, "A", "B"));
        Assert.Empty(table.Apply("c1", [new CommitmentChange("other", "t", "A", AgreementStatus.Breached, "p1", "")]));
        Assert.Equal(AgreementStatus.Holding, Assert.Single(table.Agreements).Status);
    }

    // Strain by A, then by B while strained: both applied (B's straying is news), and the agreement keeps both as
    // strayed. A second strain by A is not applied. Back to holding forgets who strayed; a breach keeps them.
    [Fact]
    public void A_strained_agreement_takes_one_strain_from_each_party_and_forgets_them_when_it_holds_again()
    {
        var table = Seeded("t", ["A", "B"], Agreement("g", "t", 50, "A", "B"));
        CommitmentChange Change(string actor, AgreementStatus status, string cause) => new("g", "t", actor, status, cause, "");

        Assert.Single(table.Apply("c1", [Change("A", AgreementStatus.Strained, "p1")]));
        Assert.Single(table.Apply("c2", [Change("B", AgreementStatus.Strained, "p2")]));
        Assert.Empty(table.Apply("c3", [Change("A", AgreementStatus.Strained, "p3")]));
        // A strain that names no party adds no one and is not news for a strained agreement.
        Assert.Empty(table.Apply("c4", [Change("", AgreementStatus.Strained, "p4")]));
        var strained = Assert.Single(table.Agreements);
        Assert.Equal(AgreementStatus.Strained, strained.Status);
        Assert.Equal(["A", "B"], strained.Strayed!.AsEnumerable());

        // As A sees it: it strayed, and so did another party (B); as B sees it, the same.
        var a = Assert.Single(Table.CommitmentsOf(table.Get(), "A"));
        Assert.Equal((AgreementStatus.Strained, true, true), (a.Status, a.Strayed, a.AnotherStrayed));

        Assert.Single(table.Apply("c5", [Change("A", AgreementStatus.Holding, "p5")]));
        Assert.Equal((AgreementStatus.Holding, (ImmutableSortedSet<string>?)null), (table.Agreements[0].Status, table.Agreements[0].Strayed));
        Assert.Single(table.Apply("c6", [Change("B", AgreementStatus.Strained, "p6")]));
        Assert.Single(table.Apply("c7", [Change("A", AgreementStatus.Breached, "p7")]));
        Assert.Equal(AgreementStatus.Breached, table.Agreements[0].Status);
        Assert.Equal(["B"], table.Agreements[0].Strayed!.AsEnumerable());
    }

    // One strayed party as the others see it: B strained g; A is held to g, has not strayed, but another has.
    [Fact]
    public void A_party_that_has_not_strayed_is_told_that_another_has()
    {
        var table = Seeded("t", ["A", "B"], Agreement("g", "t", 50, "A", "B"));
        table.Apply("c1", [new CommitmentChange("g", "t", "B", AgreementStatus.Strained, "p1", "")]);
        var a = Assert.Single(Table.CommitmentsOf(table.Get(), "A"));
        Assert.Equal(new Commitment("g", "t", 50, AgreementStatus.Strained, false, true), a);
        var b = Assert.Single(Table.CommitmentsOf(table.Get(), "B"));
        Assert.Equal(new Commitment("g", "t", 50, AgreementStatus.Strained, true, false), b);
    }

    // An actor is held to its latest agreement on the topic: when that one no longer binds (superseded, breached),
    // an older one it is still party to binds it no more, and agreements it is no party to never do.
    [Fact]
    public void An_actor_is_held_only_to_its_latest_agreement_and_not_at_all_when_that_one_ended()
    {
        var old = Agreement("old", "t", 40, "A", "B");
        var ended = Agreement("ended", "t", 45, "A", "B") with { Status = AgreementStatus.Breached };
        var others = Agreement("cd", "t", 70, "C", "D");
        var table = Seeded("t", ["A", "B", "C", "D"], old, ended, others);
        Assert.Empty(Table.CommitmentsOf(table.Get(), "A"));
        Assert.Equal(70, Assert.Single(Table.CommitmentsOf(table.Get(), "C")).Value);
        Assert.Empty(Table.CommitmentsOf(table.Get(), "E"));

        // A newer live agreement binds A again, at its value: one live value per actor and topic.
        table.Record(Agreement("new", "t", 55, "A", "B"));
        Assert.Equal(new Commitment("new", "t", 55, AgreementStatus.Holding), Assert.Single(Table.CommitmentsOf(table.Get(), "A")));
        Assert.Equal(["old", "ended", "cd", "new"], table.Agreements.Select(a => a.Id));
    }
}
