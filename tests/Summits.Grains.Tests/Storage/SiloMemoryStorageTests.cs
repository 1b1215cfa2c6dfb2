using System.Text.Json;
using Orleans.Storage;
using Summits.Hosting;

namespace Summits.Grains.Tests;

/// <summary>
/// The embedded silo's own in-memory storage keeps what was written, apart from the object written, and refuses a write
/// or clear from an activation whose etag is not the stored one, as every Orleans storage provider must.
/// </summary>
public sealed class SiloMemoryStorageTests
{
    private sealed class Ledger
    {
        public List<int> Moves { get; set; } = [];
    }

    /// <summary>A page of moves that is never changed once made, as a timeline page is.</summary>
    [Immutable]
    private sealed class Page
    {
        public List<int> Moves { get; init; } = [];
    }

    // A plain System.Text.Json serializer: the storage's contract is only that it keeps the serializer's bytes. It counts
    // its calls, so that a test can tell a state kept as bytes from one kept as the object written.
    private sealed class JsonBytes : IGrainStorageSerializer
    {
        public int Calls { get; private set; }

        public BinaryData Serialize<T>(T? input)
        {
            Calls++;
            return BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(input));
        }

        public T Deserialize<T>(BinaryData input)
        {
            Calls++;
            return JsonSerializer.Deserialize<T>(input.ToMemory().Span)!;
        }
    }

    private static readonly GrainId Japan = GrainId.Create("country", "w1/japan");

    [Fact]
    public async Task A_written_state_reads_back_as_written_whatever_its_object_does_next()
    {
        var storage = new SiloMemoryStorage(new JsonBytes());
        var written = new GrainState<Ledger> { State = new Ledger { Moves = [80, 50] } };
        await storage.WriteStateAsync("country", Japan, written);
        // The grain goes on changing its object after the write; the stored bytes are the write's: [80, 50].
        written.State!.Moves.Add(20);

        var read = new GrainState<Ledger>();
        await storage.ReadStateAsync("country", Japan, read);
        Assert.Equal([80, 50], read.State!.Moves);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.NotNull(read.ETag);

        // Another state name of the same grain is another record: never written, so new and without an etag.
        var other = new GrainState<Ledger>();
        await storage.ReadStateAsync("country-checkpoint", Japan, other);
        Assert.Empty(other.State!.Moves);
        Assert.False(other.RecordExists);
        Assert.Null(other.ETag);
    }

    [Fact]
    public async Task A_write_or_clear_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var storage = new SiloMemoryStorage(new JsonBytes());
        var first = new GrainState<Ledger> { State = new Ledger { Moves = [80] } };
        await storage.WriteStateAsync("country", Japan, first);
        var stale = new GrainState<Ledger> { State = new Ledger { Moves = [1] }, ETag = first.ETag };
        first.State!.Moves.Add(50);
        await storage.WriteStateAsync("country", Japan, first);

        // 'stale' presents the first write's etag; the second write replaced it, so both are refused.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("country", Japan, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("country", Japan, stale));
        // A state never read presents no etag at all: refused as well, since a state is stored.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("country", Japan, new GrainState<Ledger> { State = new Ledger() }));

        var read = new GrainState<Ledger>();
        await storage.ReadStateAsync("country", Japan, read);
        Assert.Equal([80, 50], read.State!.Moves);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task A_cleared_state_reads_as_new_and_may_be_written_again()
    {
        var storage = new SiloMemoryStorage(new JsonBytes());
        var state = new GrainState<Ledger> { State = new Ledger { Moves = [80] } };
        await storage.WriteStateAsync("country", Japan, state);
        await storage.ClearStateAsync("country", Japan, state);
        Assert.Empty(state.State!.Moves);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);

        var read = new GrainState<Ledger>();
        await storage.ReadStateAsync("country", Japan, read);
        Assert.False(read.RecordExists);
        Assert.Empty(read.State!.Moves);

        // Nothing is stored, so a new activation's first write (no etag) is taken.
        await storage.WriteStateAsync("country", Japan, new GrainState<Ledger> { State = new Ledger { Moves = [72] } });
        await storage.ReadStateAsync("country", Japan, read);
        Assert.Equal([72], read.State!.Moves);
    }

    [Fact]
    public async Task A_state_of_an_immutable_type_is_kept_as_the_object_written_with_no_serialisation()
    {
        var serializer = new JsonBytes();
        var storage = new SiloMemoryStorage(serializer);
        var page = new Page { Moves = [80, 50] };
        var written = new GrainState<Page> { State = page };
        await storage.WriteStateAsync("timeline", Japan, written);

        var read = new GrainState<Page>();
        await storage.ReadStateAsync("timeline", Japan, read);
        // The very object written comes back, so nothing was serialised or deserialised: 0 calls. A mutable Ledger
        // written and read the same way takes 2 (one Serialize, one Deserialize), checked below.
        Assert.Same(page, read.State);
        Assert.Equal(0, serializer.Calls);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);

        // Etags hold for such a state as for any: a write presenting none while a page is stored is refused and keeps the page.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("timeline", Japan, new GrainState<Page> { State = new Page() }));
        await storage.ReadStateAsync("timeline", Japan, read);
        Assert.Same(page, read.State);

        await storage.WriteStateAsync("country", Japan, new GrainState<Ledger> { State = new Ledger { Moves = [80] } });
        await storage.ReadStateAsync("country", Japan, new GrainState<Ledger>());
        Assert.Equal(2, serializer.Calls);
    }
}
