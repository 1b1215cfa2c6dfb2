using Summits.Model;

namespace Summits.Grains;

/// <summary>The persisted state of a world grain: its metadata, the run in progress, if any, and how far it has advanced.</summary>
[GenerateSerializer, Alias("summits.world-state")]
public sealed class WorldState
{
    [Id(0)] public WorldInfo? Info { get; set; }

    [Id(1)] public RunState? Run { get; set; }

    /// <summary>How many advances of the run have completed; a world stored before this was counted reads 0.</summary>
    [Id(2)] public int Advances { get; set; }

    /// <summary>
    /// What the last completed advance returned, events and all, as worlds stored before <see cref="LastEnd"/> kept
    /// it: read only to answer again for that advance of such a world; a new advance clears it.
    /// </summary>
    [Id(3)] public Advance? Last { get; set; }

    /// <summary>
    /// How the last call of <c>Advance</c> ended: how many advances it ran, how the last of them ended, and where on which
    /// timeline page its events begin, so that a caller who asks again for the call's first advance gets the same answer
    /// while the events stay in one place, the pages.
    /// </summary>
    [Id(5)] public AdvanceEnd? LastEnd { get; set; }

    /// <summary>
    /// SHA-256 of the seeded world as the Orleans serializer writes it, so that a client that lost the answer to
    /// its <c>Seed</c> and asks again with the same world is answered as if the first call had just succeeded;
    /// null for a world stored before it was kept (then the world's metadata alone is compared), and for a world kept in
    /// memory alone, whose world grain keeps the seeded world itself for as long as this state lives (its activation).
    /// </summary>
    [Id(4)] public byte[]? Seeded { get; set; }

    /// <summary>
    /// The checkpoint interval the run started with, less one (0, what a world stored before it was kept reads, is every
    /// advance, the interval such a world was written at), so that a world run at every advance writes the same bytes as
    /// before it was kept.
    /// </summary>
    [Id(6)] public int CheckpointEveryLess1 { get; set; }

    /// <summary>How many advances a checkpoint covers: 1 or more (<see cref="CheckpointOptions.CheckpointEvery"/>).</summary>
    public int CheckpointEvery => CheckpointEveryLess1 + 1;
}

/// <summary>
/// How a completed call of <c>Advance</c> ended: whether the run finished, its expectation failures so far, where its
/// events are, and how many advances it ran.
/// </summary>
/// <param name="Finished">True when the call's last advance finished the scenario.</param>
/// <param name="Failures">The run's failed expectations so far (0 or more).</param>
/// <param name="Page">The number of the timeline page that holds the call's events (from 0), or −1 when it added none.</param>
[GenerateSerializer, Immutable, Alias("summits.advance-end")]
public sealed record AdvanceEnd([Id(0)] bool Finished, [Id(1)] int Failures, [Id(2)] int Page)
{
    /// <summary>
    /// The index on <see cref="Page"/> of the call's first event (0 or more): a page holds the events of every advance
    /// of one checkpoint, in order, a call never runs past a checkpoint, and the call's events are the page's from here
    /// to its end, the last call's being the page's last. 0, the default, is the whole page, as every page held one
    /// advance's events before pages were shared.
    /// </summary>
    [Id(3)] public int First { get; init; }

    /// <summary>
    /// How many advances the call ran, less one (0 or more): 0, the default, is a call of one advance, as every call
    /// was before a call could run several, so that a world advanced one at a time writes the bytes it wrote before.
    /// </summary>
    [Id(4)] public int AdvancesLess1 { get; init; }

    /// <summary>How many advances the call ran: 1 or more. The call began at the world's count of advances less these.</summary>
    public int Advances => AdvancesLess1 + 1;
}
