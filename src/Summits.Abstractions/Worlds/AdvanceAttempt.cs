namespace Summits.Grains;

/// <summary>
/// One attempt at one advance of a world's run: <see cref="Advance"/> counts the world's completed advances
/// (0 for the first), and <see cref="Attempt"/> tells a retry from the first try. Every call the world grain
/// makes to a country or a topic during an advance carries it.
/// </summary>
/// <remarks>
/// A world that checkpoints every N advances (<see cref="Since"/>) runs the advances between two checkpoints as
/// one attempt: <see cref="Attempt"/> stays the same from the first advance after a checkpoint to the next
/// checkpoint, and a world that goes back to its checkpoint tries them again under a new one.
/// </remarks>
[GenerateSerializer, Immutable, Alias("summits.advance-attempt")]
public sealed record AdvanceAttempt([Id(0)] int Advance, [Id(1)] Guid Attempt)
{
    /// <summary>
    /// How many advances the world had completed at its last checkpoint, where a grain goes back to when the
    /// attempt is a retry (0 or more, at most <see cref="Advance"/>); null for the advance itself, as when the
    /// world checkpoints at every advance.
    /// </summary>
    [Id(2)] public int? Since { get; init; }

    /// <summary>
    /// True for an attempt of a world kept in memory alone (a study's sample): its grains hold their state in their
    /// activations, so a grain that answers it from a state kept in storage was lost since its seeding and holds nothing of
    /// this run, whatever storage gave it (a durable world's under the same key, from before).
    /// </summary>
    [Id(3)] public bool InMemory { get; init; }

    /// <summary>The first advance of the attempt: <see cref="Since"/>, or <see cref="Advance"/> when that is null.</summary>
    public int From => Since ?? Advance;
}
