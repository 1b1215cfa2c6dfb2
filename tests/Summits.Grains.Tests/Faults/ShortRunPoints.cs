namespace Summits.Grains.Tests;

/// <summary>
/// The storage calls of a clean run of <see cref="ExactlyOnceAdvanceTests.Short"/> in grains, counted by state name
/// (the points where a run can fail), for the fault tests at each checkpoint interval to hold their enumeration to.
/// </summary>
/// <remarks>
/// The counts each test asserts are worked out by hand from the scenario's steps, the grains each advance reaches
/// and the checkpoint rule (docs/architecture.md, "Checkpoints"), in its own comments, from these facts:
/// <list type="bullet">
/// <item>Seeding writes each of the world's 4 countries and 16 topics once and the world once; the start writes the
/// world again: 22 writes. Seeding activates those 21 grains; the world reads its state (1), a country or topic its
/// state and its checkpoint (2 each): 1 + 2 × 20 = 41 reads.</item>
/// <item>The 5 advances, and the grains each reaches (the ones it changes, marked *, are the ones a checkpoint writes):
/// 1, the shock: JP* (its salience and position) and usfj-realignment* (the breach applied);
/// 2, the US's fta-ask: US* (its proposal recorded), JP* (its answer and move) and bilateral-fta (read);
/// 3, Japan's japan-asks-relief: JP*, US* (its answer and move) and usfj-realignment* (the agreement recorded);
/// 4 and 5, the two rounds on the FTA: every country and bilateral-fta, copied by the world at the step's first advance
/// in its activation, the rounds running on the copy (JP* and US* move or propose, CN and KP do not; bilateral-fta is
/// only read).</item>
/// <item>A checkpoint (after every N-th advance and after the last) writes the events of the advances since the last
/// checkpoint as one timeline page (activating its page grain: 1 read), each country and topic changed since then once
/// (its checkpoint, which holds its state), and the world once.</item>
/// <item>With every grain deactivated after each advance (the read faults), the next advance's world activates (1
/// read); a world between checkpoints goes back to its last one and runs again the advances since, reaching their
/// grains again; each country or topic is read (2) the first time an advance reaches it in its activation. The first
/// advance follows the start with every grain still active. After the last advance the snapshot activates the world
/// (1) and every country and topic (2 × 20 = 40), and the timeline read activates the pages, one per checkpoint.</item>
/// </list>
/// </remarks>
internal static class ShortRunPoints
{
    /// <summary>How many of <paramref name="points"/> fall on each state name, as <c>name count</c> pairs in ordinal order, one string.</summary>
    public static string ByState(IEnumerable<StorageCall> points) =>
        string.Join(", ", points.GroupBy(p => p.StateName).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
}
