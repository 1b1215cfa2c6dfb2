using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Session;

namespace Summits.Grains.Tests;

/// <summary>
/// The comparison behind <see cref="StoredStateSample.AssertRewrittenAlike"/>: the fields a sample stored against the
/// fields today's code writes, as Orleans' formatter lays them out (the lines below are of that form, taken from an
/// open proposal whose RoundsLeft, [Id(1)], is 1 and whose Renewals, [Id(2)], is 4), and which fields added since count
/// as a member at its default.
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
    [Fact]
    public void A_member_added_at_null_or_at_0_is_at_its_default_and_one_that_points_at_an_object_is_not()
    {
        string[] added =
        [
            " [Reference Id: 3 SchemaType: Expected Reference: 0]",
            " [VarInt Id: 4 SchemaType: Expected] Value: 0 (0x0)",
            " [Reference Id: 5 SchemaType: Expected Reference: earlier (UnknownFieldMarker)]",
        ];

        Assert.Equal([added[2]], StoredStateSample.NotAtDefault(added));
    }

    // The members added below are written by Orleans itself: what was stored is a value with one member, an int 1 under
    // Id 1 (a one-member tuple), and what is written today has a second member under Id 2 (a two-member tuple), as a
    // stored type that gained a member. A tuple's members are written one level in, so each line of the added member
    // starts with one space, and the lines of what it holds with two.

    [Fact]
    public void A_double_added_at_0_is_at_its_default()
    {
        // 0.0 is 64 zero bits (IEEE 754: sign 0, exponent 0, fraction 0), written as the 8 bytes of a Fixed64 field.
        var added = Added(0.0);

        Assert.Equal([" [Fixed64 Id: 2 SchemaType: Expected] Value: 0 (0x0)"], added);
        Assert.Empty(StoredStateSample.NotAtDefault(added));
    }

    [Fact]
    public void A_float_added_at_0_is_at_its_default()
    {
        // 0f is 32 zero bits, written as the 4 bytes of a Fixed32 field.
        var added = Added(0f);

        Assert.Equal([" [Fixed32 Id: 2 SchemaType: Expected] Value: 0 (0x0)"], added);
        Assert.Empty(StoredStateSample.NotAtDefault(added));
    }

    [Fact]
    public void An_empty_list_added_is_at_its_default()
    {
        // A list with no elements is a tag-delimited field that holds nothing: no count, no element, only its braces.
        var added = Added(new List<int>());

        Assert.Equal([" [TagDelimited Id: 2 SchemaType: Expected] Value: {", " }"], added);
        Assert.Empty(StoredStateSample.NotAtDefault(added));
    }

    [Fact]
    public void An_empty_array_added_is_at_its_default()
    {
        // An array with no elements is written as an empty list is.
        var added = Added(Array.Empty<int>());

        Assert.Equal([" [TagDelimited Id: 2 SchemaType: Expected] Value: {", " }"], added);
        Assert.Empty(StoredStateSample.NotAtDefault(added));
    }

    [Fact]
    public void False_an_empty_string_and_a_decimal_0_added_are_at_their_defaults()
    {
        // false is the VarInt 0; "" is a length-prefixed field of no bytes; a decimal 0 (scale 0, sign +) is 16 zero
        // bytes, which the formatter shows as 16 NUL characters between quotes, each escaped as the six characters \u0000.
        Assert.Equal([" [VarInt Id: 2 SchemaType: Expected] Value: 0 (0x0)"], Added(false));
        Assert.Equal([" [LengthPrefixed Id: 2 SchemaType: Expected] Value: (length: 0b) [\"\"]"], Added(""));
        Assert.Equal([$" [LengthPrefixed Id: 2 SchemaType: Expected] Value: (length: 16b) [\"{string.Concat(Enumerable.Repeat("\\u0000", 16))}\"]"], Added(0m));
        Assert.Empty(StoredStateSample.NotAtDefault([.. Added(false), .. Added(""), .. Added(0m)]));
    }

    [Fact]
    public void An_empty_dictionary_keyed_by_an_ordinal_comparer_added_is_at_its_default()
    {
        // The comparer is written first, under Id 0: StringComparer.Ordinal as a block of two numbers, 1 and 0, which
        // say which comparer it is. It is how keys compare, not a value the dictionary holds, and is left out; what is
        // left is an empty collection's braces.
        var added = Added(new Dictionary<string, double>(StringComparer.Ordinal));

        Assert.Equal([" [TagDelimited Id: 2 SchemaType: Expected] Value: {", " }"], added);
        Assert.Empty(StoredStateSample.NotAtDefault(added));
    }

    [Fact]
    public void A_dictionary_keyed_by_an_ordinal_comparer_that_holds_a_key_is_not_at_its_default()
    {
        // { "": 0 }: the key "" (no bytes) and its value 0 are both zero, but the count, 1, written under Id 1 after the
        // comparer's Id 0, is not: old state would read back as an empty dictionary, not as this one.
        var added = Added(new Dictionary<string, double>(StringComparer.Ordinal) { [""] = 0 });

        Assert.Equal(["  [VarInt Id: 1 SchemaType: Expected] Value: 1 (0x1)"], StoredStateSample.NotAtDefault(added));
    }

    [Fact]
    public void A_list_holding_a_0_added_is_not_at_its_default()
    {
        // [0]: its count, 1, under Id 0 and its one element, 0 (zigzag 0), under Id 1. The element is zero, but the
        // count is not: old state would read back as an empty list, not as [0].
        var added = Added(new List<int> { 0 });

        Assert.Equal(
            [
                " [TagDelimited Id: 2 SchemaType: Expected] Value: {",
                "  [VarInt Id: 0 SchemaType: Expected] Value: 1 (0x1)",
                "  [VarInt Id: 1 SchemaType: Expected] Value: 0 (0x0)",
                " }",
            ],
            added);
        Assert.Equal(["  [VarInt Id: 0 SchemaType: Expected] Value: 1 (0x1)"], StoredStateSample.NotAtDefault(added));
    }

    [Fact]
    public void A_double_added_at_0_5_or_at_minus_0_is_not_at_its_default()
    {
        // 0.5 = 1.0 × 2^-1: sign 0, biased exponent 1023 - 1 = 1022 = 0x3FE, fraction 0, so the bits are 0x3FE0000000000000.
        // -0.0 is the sign bit alone, 0x8000000000000000: equal to 0 as a number, but not the bits a default writes.
        Assert.Equal([" [Fixed64 Id: 2 SchemaType: Expected] Value: 0x3FE0000000000000"], StoredStateSample.NotAtDefault(Added(0.5)));
        Assert.Equal([" [Fixed64 Id: 2 SchemaType: Expected] Value: 0x8000000000000000"], StoredStateSample.NotAtDefault(Added(-0.0)));
    }

    // Orleans writes an object it has written already in the same value as a reference to it. "" is one string object
    // (string literals are interned) and Array.Empty<int>() one array (what `= []` gives an int[] member), so a second
    // member holding one of them is written as a reference to the first.

    [Fact]
    public void A_second_empty_string_added_is_a_reference_to_the_first_and_at_its_default()
    {
        // Stored: (1, ""); written: (1, "", ""), the added Id 3 a reference to the "" under Id 2, itself of no bytes.
        var added = Added(ValueTuple.Create(1, ""), (1, "", ""));

        Assert.Equal([" [Reference Id: 3 SchemaType: Expected Reference: earlier at its default (Field: [LengthPrefixed, IdDelta:1, SchemaType:Expected])]"], added);
        Assert.Empty(StoredStateSample.NotAtDefault(added));
    }

    [Fact]
    public void A_second_empty_array_added_is_a_reference_to_the_first_and_at_its_default()
    {
        // Stored: (1, []); written: (1, [], []), the added Id 3 a reference to the empty array under Id 2, whose block
        // holds nothing.
        var added = Added(ValueTuple.Create(1, Array.Empty<int>()), (1, Array.Empty<int>(), Array.Empty<int>()));

        Assert.Equal([" [Reference Id: 3 SchemaType: Expected Reference: earlier at its default (Field: [TagDelimited, IdDelta:1, SchemaType:Expected])]"], added);
        Assert.Empty(StoredStateSample.NotAtDefault(added));
    }

    [Fact]
    public void A_reference_to_an_earlier_string_that_is_not_empty_is_not_at_its_default()
    {
        // Stored: (1, "ab"); written: (1, "ab", "ab"): the added member reads back as "ab", not as old state's null.
        var added = Added(ValueTuple.Create(1, "ab"), (1, "ab", "ab"));

        Assert.Equal([" [Reference Id: 3 SchemaType: Expected Reference: earlier (Field: [LengthPrefixed, IdDelta:1, SchemaType:Expected])]"],
            StoredStateSample.NotAtDefault(added));
    }

    [Fact]
    public void A_list_added_that_is_not_empty_is_named_by_its_id_name_and_type()
    {
        // [0] added as Item2 of a tuple: the member is [Id(2)] Item2, a List<Int32>, and what is not at its default is
        // its count, 1 (see A_list_holding_a_0_added_is_not_at_its_default), shown without its indentation.
        var members = StoredStateSample.NotAtDefaultMembers(Serialized(ValueTuple.Create(1)), Serialized((1, new List<int> { 0 })), Sessions, typeof((int, List<int>)))!;

        Assert.Equal(["a member added since that is not at its default: [Id(2)] Item2 (List<Int32>), which writes [VarInt Id: 0 SchemaType: Expected] Value: 1 (0x1), where state stored before it reads back as its default (null, zero, false or empty)"],
            members);
    }

    [Fact]
    public void A_decimal_added_that_is_not_0_is_named_and_its_bytes_shown_escaped()
    {
        // 0.5m is 5 × 10^-1: a decimal's 16 bytes are its flags (the scale, 1, in the third byte: 00 00 01 00), its high
        // 32 bits (0) and its low 64 bits (5, little-endian: 05 and seven zeros). Bytes below 0x7F are written as
        // characters, so 0x00, 0x01 and 0x05 are control characters, each shown as its escape.
        var members = StoredStateSample.NotAtDefaultMembers(Serialized(ValueTuple.Create(1)), Serialized((1, 0.5m)), Sessions, typeof((int, decimal)))!;

        var bytes = @"\u0000\u0000\u0001\u0000" + string.Concat(Enumerable.Repeat(@"\u0000", 4)) + @"\u0005" + string.Concat(Enumerable.Repeat(@"\u0000", 7));
        Assert.Equal([$"a member added since that is not at its default: [Id(2)] Item2 (Decimal), which writes [LengthPrefixed Id: 2 SchemaType: Expected] Value: (length: 16b) [\"{bytes}\"], where state stored before it reads back as its default (null, zero, false or empty)"],
            members);
        Assert.DoesNotContain(members[0], char.IsControl);
    }

    [Fact]
    public void A_stored_member_is_found_by_its_id()
    {
        // OpenProposal: [Id(0)] Proposal, [Id(1)] RoundsLeft, [Id(2)] Renewals; no member has Id 3.
        Assert.Equal(("Renewals", typeof(int)), StoredStateSample.MemberOf(typeof(Summits.Model.OpenProposal), 2, 0));
        Assert.Null(StoredStateSample.MemberOf(typeof(Summits.Model.OpenProposal), 3, 0));
    }

    private static readonly IServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    /// <summary>The lines written for <paramref name="member"/> when it is added under Id 2 to a stored value whose one member is 1 under Id 1.</summary>
    private static List<string> Added<T>(T member) => Added(ValueTuple.Create(1), (1, member));

    /// <summary>The lines written for <paramref name="written"/> that <paramref name="stored"/> does not hold.</summary>
    private static List<string> Added<TStored, TWritten>(TStored stored, TWritten written) =>
        StoredStateSample.AddedFields(Serialized(stored), Serialized(written), Sessions)!;

    private static SerializerSessionPool Sessions => Services.GetRequiredService<SerializerSessionPool>();

    private static byte[] Serialized<T>(T value) => Services.GetRequiredService<Serializer>().SerializeToArray(value);
}
