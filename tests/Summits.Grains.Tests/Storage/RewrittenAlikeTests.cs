namespace Summits.Grains.Tests;

/// <summary>
/// The comparison behind <see cref="StoredStateSample.AssertRewrittenAlike"/>: the fields a sample stored against the
/// fields today's code writes, as Orleans' formatter lays them out (the lines below are of that form, taken from an
/// open proposal whose RoundsLeft, [Id(1)], is 1 and whose Renewals, [Id(2)], is 4).
/// </summary>
public sealed class RewrittenAlikeTests
{
    private static readonly string[] Stored =
    [
        "[TagDelimited Id: 0 SchemaType: Expected] Value: {",
        " [VarInt Id: 1 SchemaType: Expected] Value: 1 (0x1)",
        " [VarInt Id: 2 SchemaType: Expected] Value: 4 (0x4)",
        "}",
    ];

    [Fact]
    public void The_same_fields_add_nothing()
    {
        Assert.Empty(StoredStateSample.AddedFields(Stored, Stored)!);
    }

    [Fact]
    public void A_member_added_under_a_new_id_is_the_one_line_added()
    {
        // A member [Id(3)] added since, null in state stored before it: one line more, after the others.
        string[] written = [Stored[0], Stored[1], Stored[2], " [Reference Id: 3 SchemaType: Expected Reference: 0]", Stored[3]];
        Assert.Equal([" [Reference Id: 3 SchemaType: Expected Reference: 0]"], StoredStateSample.AddedFields(Stored, written)!);
    }

    [Fact]
    public void A_member_renumbered_is_told_apart()
    {
        // Renewals moved from [Id(2)] to [Id(5)]: reading the stored state skips the unknown Id 2, so Renewals reads
        // as 0 and is written as 0 under Id 5. The stored line "Id: 2 … Value: 4" is nowhere in what is written, and
        // the line at Id 5 is not a member added at its default but one that lost its value.
        string[] written = [Stored[0], Stored[1], " [VarInt Id: 5 SchemaType: Expected] Value: 0 (0x0)", Stored[3]];
        Assert.Null(StoredStateSample.AddedFields(Stored, written));
    }

    [Fact]
    public void A_member_no_longer_written_is_told_apart()
    {
        string[] written = [Stored[0], Stored[1], Stored[3]];
        Assert.Null(StoredStateSample.AddedFields(Stored, written));
    }
}
