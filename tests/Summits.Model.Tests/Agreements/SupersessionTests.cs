using Summits.Model;
using static Summits.Model.Tests.WorldBuilder;

namespace Summits.Model.Tests;

/// <summary>What a newer agreement does to the older ones its parties were held to, and how the change reads.</summary>
public sealed class SupersessionTests
{
    private static Table Seeded(string topic, string[] participants, params Agreement[] agreements)
    {
        var table = new Table();
        table.Seed(Topic(topic), participants, agreements);
        return table;
    }

    // The same two parties agree again on the only topic: the old agreement is superseded, no single party
    // is named, and the change says by what.
    [Fact]
    public void A_newer_agreement_among_the_same_parties_supersedes_and_says_by_what()
    {
        var table = Seeded("t", ["A", "B"], Agreement("old", "t", 50, "A", "B"));
        var newer = Agreement("new", "t", 60, "A", "B");
        table.Record(newer);
        Assert.Equal(new CommitmentChange("old", "t", "", AgreementStatus.Superseded, "new", "superseded by new"),
            Supersession.Decide(table.Agreements[0], newer, [table.Get()]));
    }

    // A three-party agreement; A and B then agree without C. C is not bound by the newer one, so the old
    // one is not superseded, but A and B are held to the newer terms: strained, naming both (the change's
    // actor is the first of them).
    [Fact]
    public void Parties_that_leave_for_a_newer_agreement_strain_the_old_one_and_are_named()
    {
        var table = Seeded("t", ["A", "B", "C"], Agreement("abc", "t", 50, "A", "B", "C"));
        var newer = Agreement("ab", "t", 40, "A", "B");
        table.Record(newer);
        Assert.Equal(new CommitmentChange("abc", "t", "A", AgreementStatus.Strained, "ab", "A and B now held to ab instead"),
            Supersession.Decide(table.Agreements[0], newer, [table.Get()]));
    }

    // A package over x and y between A and B; A then agrees on x alone with C. Only A has left, and only on
    // x; on y nothing later was agreed, which names no one. The change is reported on the package's first
    // topic, x.
    [Fact]
    public void A_party_leaving_a_package_on_one_topic_strains_it_and_only_that_party_is_named()
    {
        var package = Package("pkg", [("x", 40), ("y", 60)], "A", "B");
        var x = Seeded("x", ["A", "B", "C"], package);
        var y = Seeded("y", ["A", "B"], package);
        var newer = Agreement("ac", "x", 45, "A", "C");
        x.Record(newer);
        Assert.Equal(new CommitmentChange("pkg", "x", "A", AgreementStatus.Strained, "ac", "A now held to ac instead"),
            Supersession.Decide(package, newer, [y.Get(), x.Get()]));
    }

    // A package over x and y among A, B and C; A and B then agree on y alone. C is not bound by it, so
    // nothing is superseded, but A and B are held to newer terms on y: strained, reported on y (where they
    // left), not on the package's first topic x, with A, the first of them, as the change's actor.
    [Fact]
    public void A_package_strained_on_its_second_topic_is_reported_on_that_topic()
    {
        var package = Package("pkg", [("x", 50), ("y", 50)], "A", "B", "C");
        var x = Seeded("x", ["A", "B", "C"], package);
        var y = Seeded("y", ["A", "B", "C"], package);
        var newer = Agreement("ony", "y", 52, "A", "B");
        y.Record(newer);
        var expected = new CommitmentChange("pkg", "y", "A", AgreementStatus.Strained, "ony", "A and B now held to ony instead");
        Assert.Equal(expected, Supersession.Decide(package, newer, [x.Get(), y.Get()]));
        Assert.Equal(expected, Supersession.Decide(package, newer, [y.Get(), x.Get()]));
    }

    // The same package, superseded on y alone by A and B: partly superseded, on y, still binding on x, and
    // reported on y, where it was superseded, whichever order the tables come in.
    [Fact]
    public void A_package_partly_superseded_says_on_which_topics_and_where_it_still_binds()
    {
        var package = Package("pkg", [("x", 40), ("y", 60)], "A", "B");
        var x = Seeded("x", ["A", "B"], package);
        var y = Seeded("y", ["A", "B"], package);
        var newer = Agreement("on-y", "y", 55, "A", "B");
        y.Record(newer);
        var expected = new CommitmentChange("pkg", "y", "", AgreementStatus.PartlySuperseded, "on-y",
            "partly superseded by on-y: on y; still binding on x");
        Assert.Equal(expected, Supersession.Decide(package, newer, [x.Get(), y.Get()]));
        Assert.Equal(expected, Supersession.Decide(package, newer, [y.Get(), x.Get()]));
    }

    // A package over x and y among A, B and C. All three agree on x anew: partly superseded, on x, still binding
    // on y. Then A and B agree on y without C: on y the package now binds C alone. It stays partly superseded
    // (x is still taken over, y still binds C), and the change says so on y, naming A (the first who left):
    // who left, where it was superseded, and whom it still binds. A later agreement that changes none of this
    // (B and C on an unrelated topic z) gives no change.
    [Fact]
    public void A_partly_superseded_package_left_on_its_remaining_topic_says_who_left_and_whom_it_binds()
    {
        var package = Package("pkg", [("x", 50), ("y", 50)], "A", "B", "C");
        var x = Seeded("x", ["A", "B", "C"], package);
        var y = Seeded("y", ["A", "B", "C"], package);
        var onX = Agreement("x-all", "x", 45, "A", "B", "C");
        x.Record(onX);
        var partly = Supersession.Decide(package, onX, [y.Get(), x.Get()]);
        Assert.Equal(new CommitmentChange("pkg", "x", "", AgreementStatus.PartlySuperseded, "x-all", "partly superseded by x-all: on x; still binding on y"), partly);
        x.Apply("c1", [partly!]);
        y.Apply("c1", [partly!]);

        var onY = Agreement("y-ab", "y", 55, "A", "B");
        y.Record(onY);
        var left = Supersession.Decide(package with { Status = AgreementStatus.PartlySuperseded }, onY, [y.Get(), x.Get()]);
        Assert.Equal(new CommitmentChange("pkg", "y", "A", AgreementStatus.PartlySuperseded, "y-ab",
            "A and B now held to y-ab instead; superseded on x; still binding on y for C alone (A and B held elsewhere)"), left);
        // The table takes the news although the status stays the same.
        Assert.Equal(left, Assert.Single(y.Apply("c2", [left!])));
        Assert.Equal(AgreementStatus.PartlySuperseded, y.Get().Agreements[0].Status);

        Assert.Null(Supersession.Decide(package with { Status = AgreementStatus.PartlySuperseded }, Agreement("z-bc", "z", 10, "B", "C"), [y.Get(), x.Get()]));
    }

    // An agreement already superseded is not changed again: a further agreement among the same parties on
    // its topic would supersede it on t (nothing else came after it there), but superseded is final, so
    // there is no change.
    [Fact]
    public void An_agreement_already_superseded_is_not_superseded_again()
    {
        var old = Agreement("old", "t", 50, "A", "B") with { Status = AgreementStatus.Superseded };
        var table = Seeded("t", ["A", "B"], old);
        var newer = Agreement("newer", "t", 60, "A", "B");
        table.Record(newer);
        Assert.Null(Supersession.Decide(old, newer, [table.Get()]));
    }

    // A package over x and y among A, B and C; A and B then agree a package on both x and y without C. C is
    // not bound, so nothing is superseded; A and B are held to newer terms on x and on y. Strained, reported
    // on the first of the two topics by id, x, with A, the first party held elsewhere, as the actor.
    [Fact]
    public void A_package_strained_on_several_topics_is_reported_on_the_first_by_id()
    {
        var package = Package("pkg", [("x", 50), ("y", 50)], "A", "B", "C");
        var x = Seeded("x", ["A", "B", "C"], package);
        var y = Seeded("y", ["A", "B", "C"], package);
        var newer = Package("ab", [("x", 45), ("y", 55)], "A", "B");
        x.Record(newer);
        y.Record(newer);
        Assert.Equal(new CommitmentChange("pkg", "x", "A", AgreementStatus.Strained, "ab", "A and B now held to ab instead"),
            Supersession.Decide(package, newer, [y.Get(), x.Get()]));
    }

    // A package over x and y among A, B and C, already strained because A agreed on x with D. All three then
    // agree on y anew: superseded on y only, so partly superseded, reported on y, where it was superseded, and
    // not on x, where A merely left (x comes first by id, so naming the first strained topic would say x).
    [Fact]
    public void A_strained_package_partly_superseded_is_reported_where_it_was_superseded()
    {
        var package = Package("pkg", [("x", 50), ("y", 50)], "A", "B", "C") with { Status = AgreementStatus.Strained };
        var x = Seeded("x", ["A", "B", "C", "D"], package, Agreement("ad", "x", 40, "A", "D"));
        var y = Seeded("y", ["A", "B", "C"], package);
        var newer = Agreement("y-all", "y", 55, "A", "B", "C");
        y.Record(newer);
        Assert.Equal(new CommitmentChange("pkg", "y", "", AgreementStatus.PartlySuperseded, "y-all",
                "partly superseded by y-all: on y; still binding on x for B and C alone (A held elsewhere)"),
            Supersession.Decide(package, newer, [x.Get(), y.Get()]));
    }

    // A package over w, x, y and z between A and B, already partly superseded on w. A newer package between
    // A and B takes over x and z: it stays partly superseded, and the change is reported on the first topic
    // newly superseded, x; not on w (superseded before) nor on z (the last newly superseded). Nobody left
    // for newer terms on a topic where it still binds, so no party is named and the reason lists all the
    // topics superseded (w, x and z) and the one still binding (y).
    [Fact]
    public void A_partly_superseded_package_superseded_further_is_reported_on_the_first_topic_newly_superseded()
    {
        string[] topics = ["w", "x", "y", "z"];
        var package = Package("pkg", [.. topics.Select(t => (t, 50.0))], "A", "B") with { Status = AgreementStatus.PartlySuperseded };
        var tables = topics.ToDictionary(t => t, t => Seeded(t, ["A", "B"], package));
        tables["w"].Record(Agreement("on-w", "w", 40, "A", "B"));
        var newer = Package("xz", [("x", 45), ("z", 55)], "A", "B");
        tables["x"].Record(newer);
        tables["z"].Record(newer);
        Assert.Equal(new CommitmentChange("pkg", "x", "", AgreementStatus.PartlySuperseded, "xz",
                "partly superseded by xz: on w, x and z; still binding on y"),
            Supersession.Decide(package, newer, [.. tables.Values.Reverse().Select(t => t.Get())]));
    }

    // A package over x, y and z among A, B and C, already partly superseded on x. A and B then agree a
    // package on y and z without C: it stays partly superseded, and A and B are held to newer terms on both
    // remaining topics. The change is reported on the first of them by id, y (not z), naming A.
    [Fact]
    public void A_partly_superseded_package_left_on_several_topics_is_reported_on_the_first_by_id()
    {
        string[] topics = ["x", "y", "z"];
        var package = Package("pkg", [.. topics.Select(t => (t, 50.0))], "A", "B", "C") with { Status = AgreementStatus.PartlySuperseded };
        var tables = topics.ToDictionary(t => t, t => Seeded(t, ["A", "B", "C"], package));
        tables["x"].Record(Agreement("x-all", "x", 40, "A", "B", "C"));
        var newer = Package("yz", [("y", 45), ("z", 55)], "A", "B");
        tables["y"].Record(newer);
        tables["z"].Record(newer);
        Assert.Equal(new CommitmentChange("pkg", "y", "A", AgreementStatus.PartlySuperseded, "yz",
                "A and B now held to yz instead; superseded on x; still binding on y for C alone (A and B held elsewhere) and z for C alone (A and B held elsewhere)"),
            Supersession.Decide(package, newer, [.. tables.Values.Reverse().Select(t => t.Get())]));
    }

    // A package over a, b, c and d; a newer package between the same parties takes over b and d. The change
    // lists both sides in topic order, whatever order the tables come in.
    [Fact]
    public void A_package_partly_superseded_on_several_topics_lists_them_all()
    {
        string[] topics = ["a", "b", "c", "d"];
        var package = Package("pkg", [.. topics.Select(t => (t, 50.0))], "A", "B");
        var tables = topics.Reverse().ToDictionary(t => t, t => Seeded(t, ["A", "B"], package));
        var newer = Package("bd", [("b", 40), ("d", 60)], "A", "B");
        tables["b"].Record(newer);
        tables["d"].Record(newer);
        var change = Supersession.Decide(package, newer, [.. tables.Values.Select(t => t.Get())]);
        Assert.Equal("partly superseded by bd: on b and d; still binding on a and c", change!.Why);
    }

    // Only what was agreed after the older agreement counts: an agreement recorded before it binds no one anew.
    [Fact]
    public void An_agreement_made_before_the_older_one_changes_nothing()
    {
        var earlier = Agreement("earlier", "t", 60, "A", "B");
        var table = Seeded("t", ["A", "B"], earlier, Agreement("old", "t", 50, "A", "B"));
        Assert.Null(Supersession.Decide(table.Agreements[1], earlier, [table.Get()]));
    }

    // The newer agreement n binds A and E. Live agreements sharing a party with it: b-deal (A, B), a-deal
    // (A, C) and the package pkg (A, B, on x and y, listed once), in id order; not cd (C, D), not the
    // breached a-old, not n itself.
    [Fact]
    public void The_agreements_affected_are_the_live_ones_sharing_a_party_in_id_order()
    {
        var package = Package("pkg", [("x", 40), ("y", 60)], "A", "B");
        var t = Seeded("t", ["A", "B", "C", "D", "E"],
            Agreement("b-deal", "t", 50, "A", "B"), Agreement("a-deal", "t", 40, "A", "C"),
            Agreement("cd", "t", 30, "C", "D"), Agreement("a-old", "t", 20, "A", "C") with { Status = AgreementStatus.Breached });
        var x = Seeded("x", ["A", "B"], package);
        var y = Seeded("y", ["A", "B"], package);
        var newer = Agreement("n", "t", 45, "A", "E");
        t.Record(newer);
        Assert.Equal(["a-deal", "b-deal", "pkg"], Supersession.Affected(newer, [t.Get(), x.Get(), y.Get()]).Select(a => a.Id));
    }
}
