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
}
