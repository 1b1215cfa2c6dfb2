using Summits.Model;

namespace Summits.Model.Tests;

public sealed class TableTests
{
    [Fact]
    public void A_new_agreement_supersedes_an_earlier_one_among_the_same_parties()
    {
        var table = new Table();
        table.Seed(WorldBuilder.Topic("t"), ["A", "B"], [WorldBuilder.Agreement("old", "t", 50, "A", "B")]);
        var changes = table.Record(WorldBuilder.Agreement("new", "t", 60, "A", "B"));
        Assert.Equal("old", Assert.Single(changes).AgreementId);
        Assert.Equal(AgreementStatus.Superseded, table.Agreements.Single(a => a.Id == "old").Status);
        Assert.Empty(table.Record(WorldBuilder.Agreement("new", "t", 60, "A", "B")));
        Assert.Equal(2, table.Agreements.Count);
    }

    [Fact]
    public void An_agreement_among_other_parties_does_not_supersede()
    {
        var table = new Table();
        table.Seed(WorldBuilder.Topic("t"), ["A", "B", "C"], [WorldBuilder.Agreement("ab", "t", 50, "A", "B")]);
        Assert.Empty(table.Record(WorldBuilder.Agreement("ac", "t", 60, "A", "C")));
    }

    [Fact]
    public void Status_only_moves_forward_and_every_change_is_kept_with_its_cause()
    {
        var table = new Table();
        table.Seed(WorldBuilder.Topic("t"), ["A", "B"], [WorldBuilder.Agreement("deal", "t", 50, "A", "B")]);
        table.Apply([new CommitmentChange("deal", "t", "A", AgreementStatus.Breached, "p2", "")]);
        table.Apply([new CommitmentChange("deal", "t", "A", AgreementStatus.Strained, "p3", "")]);
        Assert.Equal(AgreementStatus.Breached, table.Agreements[0].Status);
        Assert.Equal("p2", Assert.Single(table.History).Cause);
    }
}
