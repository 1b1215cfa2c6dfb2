using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization.Session;
using Orleans.Storage;
using Summits.Model;

namespace Summits.Grains.Tests;

/// <summary>
/// The stored types that came after the stored-state sample (<see cref="StoredStateCompatibilityTests"/>) each have a
/// frozen sample: a value written out by hand, and the bytes the storage serializer wrote for it once, checked in
/// as hex and never written again. Today's code must write those bytes for that value (with any member added since
/// written at its default, as the run samples' rewrite check allows) and read them back to it:
/// a change to a stored type that moves a field (an <c>[Id]</c> renumbered, two fields swapped, a field's type
/// changed) fails here, and it is the change that must give way (docs/architecture.md, "Changing a stored type").
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FrozenSampleTests(ClusterFixture fixture)
{
    [Fact]
    public void A_checkpoint_of_a_table_is_stored_as_its_frozen_bytes()
    {
        // A topic's checkpoint: the advance it began from (4) and the table before it (the FTA, its anchors, its KTAB
        // column headers, Japan and the US at the table, no agreement).
        var table = new Table();
        table.Seed(new Topic("bilateral-fta", "Bilateral FTA", new ScaleAnchors("none", "talks", "signed"), ["tpp-11"], new KtabColumns("Pos FTA", "Sal FTA")), ["JP", "US"], []);
        var checkpoint = new Checkpoint<Table> { Advance = 4, Before = table };

        var back = Frozen(checkpoint, Samples.CheckpointOfTable);

        Assert.Equal(4, back.Advance);
        Assert.Equal(table.Topic, back.Before!.Topic with { Related = table.Topic.Related });
        Assert.Equal(["tpp-11"], back.Before.Topic.Related.ToArray());
        Assert.Equal(["JP", "US"], back.Before.Participants.ToArray());
        Assert.Empty(back.Before.Agreements);
    }

    [Fact]
    public void A_checkpoint_of_a_table_with_the_state_its_advance_left_is_stored_as_its_frozen_bytes()
    {
        // A topic's commit of advance 4: the table before it (the FTA with Japan and the US at it) and after it (China
        // joined), one record.
        var topic = new Topic("bilateral-fta", "Bilateral FTA", new ScaleAnchors("none", "talks", "signed"), [], null);
        var before = new Table();
        before.Seed(topic, ["JP", "US"], []);
        var after = new Table();
        after.Seed(topic, ["JP", "US", "CN"], []);
        var checkpoint = new Checkpoint<Table> { Advance = 4, Before = before, After = after };

        var back = Frozen(checkpoint, Samples.CheckpointOfTableWithAfter);

        Assert.Equal(4, back.Advance);
        Assert.Equal(["JP", "US"], back.Before!.Participants.ToArray());
        Assert.Equal(["JP", "US", "CN"], back.After!.Participants.ToArray());
        Assert.Equal("bilateral-fta", back.After.Topic.Id);
        Assert.Empty(back.After.Agreements);
    }

    [Fact]
    public void A_checkpoint_of_a_country_before_any_advance_is_stored_as_its_frozen_bytes()
    {
        // A country's checkpoint before any advance reached it: no advance, and the delegation it had (here one that
        // was never seeded).
        var checkpoint = new Checkpoint<Delegation> { Advance = null, Before = new Delegation() };

        var back = Frozen(checkpoint, Samples.CheckpointOfDelegation);

        Assert.Null(back.Advance);
        Assert.False(back.Before!.IsSeeded);
    }

    [Fact]
    public void An_advance_end_is_stored_as_its_frozen_bytes()
    {
        // The run finished, with 2 failed expectations, its last events on page 5.
        var end = new AdvanceEnd(Finished: true, Failures: 2, Page: 5);

        Assert.Equal(end, Frozen(end, Samples.AdvanceEnd));
    }

    [Fact]
    public void An_event_watch_is_stored_as_its_frozen_bytes()
    {
        // The 2nd expectation (index 1) of the 4th step (index 3) has matched 2 of its patterns, the last at event 17.
        var watch = new EventWatch { Step = 3, Expectation = 1, Matched = 2, LastSeq = 17 };

        var back = Frozen(watch, Samples.EventWatch);

        Assert.Equal((3, 1, 2, 17), (back.Step, back.Expectation, back.Matched, back.LastSeq));
    }

    [Fact]
    public void The_KTAB_words_a_world_keeps_are_stored_as_their_frozen_bytes()
    {
        // A KTAB table's column headers of one topic, one cell's numbers as written, and its scenario line.
        var columns = new KtabColumns("Pos FTA", "Sal FTA");
        var numbers = new KtabNumbers("55.50", "0.9");
        var line = new KtabScenarioLine("Abe-Trump 2017", "Power");

        Assert.Equal(columns, Frozen(columns, Samples.KtabColumns));
        Assert.Equal(numbers, Frozen(numbers, Samples.KtabNumbers));
        Assert.Equal(line, Frozen(line, Samples.KtabScenarioLine));
    }

    /// <summary>
    /// Asserts that the storage serializer writes <paramref name="value"/> as the bytes <paramref name="hex"/>, or as
    /// those bytes with members added since at their defaults, and returns what it reads back from those bytes.
    /// </summary>
    private T Frozen<T>(T value, string hex)
    {
        var serializer = fixture.Services.GetRequiredService<IGrainStorageSerializer>();
        var written = serializer.Serialize(value).ToArray();
        var frozen = Convert.FromHexString(hex);
        if (!written.AsSpan().SequenceEqual(frozen))
        {
            // A member added since the sample was frozen is written too (a null reference, say); every field of the
            // sample must still be written, in order and whole, and the added members at their defaults
            // (docs/architecture.md, "Changing a stored type safely").
            var notAtDefault = StoredStateSample.NotAtDefaultMembers(frozen, written, fixture.Services.GetRequiredService<SerializerSessionPool>(), typeof(T));
            Assert.True(notAtDefault is not null,
                $"today's code does not write {typeof(T).Name} field for field as its frozen sample holds it: {Convert.ToHexStringLower(written)}");
            Assert.Empty(notAtDefault);
        }
        return serializer.Deserialize<T>(new BinaryData(frozen))!;
    }

    /// <summary>
    /// The bytes the storage serializer wrote for each sample's value, once, by the code of the commit that added
    /// this file; never written again. In the Orleans wire format a value opens with 0x20 and closes with 0xe0 (a
    /// record's fields with 0xe8 first); a field's header byte carries its wire type and the step from the previous
    /// field's [Id] (0x40 a string at [Id] 0, 0x41 a string one [Id] on), a string its length as a varint (n · 2 + 1)
    /// and then its UTF-8 bytes. The two KTAB samples below were worked out by hand that way, before any run:
    /// "55.50" is 5 bytes (0x0b) 35 35 2e 35 30 and "0.9" 3 bytes (0x07) 30 2e 39; "Abe-Trump 2017" is 14 bytes (0x1d)
    /// and "Power" 5 (0x0b). <c>KtabColumns</c> ("Pos FTA", "Sal FTA", 7 bytes each, 0x0f) reads the same way, and it is
    /// the topic's last field inside the table's sample.
    /// </summary>
    private static class Samples
    {
        public const string CheckpointOfTable =
            "2000112120401b62696c61746572616c2d667461411b42696c61746572616c204654412140096e6f6e65410b74616c6b73410d7369676e6564e8e021200003410d7470702d3131e0e021400f506f7320465441410f53616c20465441e8e0e8e021000541054a5040055553e021e0223001312cd42e1d537472696e67436f6d706172657200030101e0e0e0e0";

        public const string CheckpointOfTableWithAfter =
            "2000112120401b62696c61746572616c2d667461411b42696c61746572616c204654412140096e6f6e65410b74616c6b73410d7369676e6564e8e02120e0e0c101e8e021000541054a5040055553e021e0223001312cd42e1d537472696e67436f6d706172657200030101e0e0e021c009210007c121c0234005434ee021e022380300030101e0e0e0e0";

        public const string CheckpointOfDelegation =
            "20c00121c0012120e03101312cd42e1d537472696e67436f6d706172657200030101e0e022380300030101e0e021380300030101e0e022380300030101e0e0e0e0";

        public const string AdvanceEnd = "20000301090115e8e0";
        public const string EventWatch = "20000d010501090145e0";
        public const string KtabColumns = "20400f506f7320465441410f53616c20465441e8e0";
        public const string KtabNumbers = "20400b35352e35304107302e39e8e0";
        public const string KtabScenarioLine = "20401d4162652d5472756d702032303137410b506f776572e8e0";
    }
}
