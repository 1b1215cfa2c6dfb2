namespace Summits.Grains.Bench;

/// <summary>
/// A grain that calls other grains many times from its own activation, as a world grain calls its countries and topics
/// in a sample: the caller side of <c>summits bench</c>'s figure 10, which sets the calls an advance makes beside trivial
/// ones. Every method answers how many calls it made.
/// </summary>
[Alias("summits.call-chain-grain")]
public interface ICallChainGrain : IGrainWithIntegerKey
{
    /// <summary>Pings <paramref name="target"/> <paramref name="calls"/> times, each call after the last one's answer.</summary>
    [Alias("Pings")]
    Task<int> Pings(IPingGrain target, int calls);

    /// <summary>
    /// Pings every grain of <paramref name="targets"/> at once and awaits all their answers, <paramref name="rounds"/>
    /// times: a world's seeding and read-back, which call its 20 countries and topics together.
    /// </summary>
    [Alias("Fans")]
    Task<int> Fans(IPingGrain[] targets, int rounds);

    /// <summary>
    /// Asks <paramref name="country"/> for its position on <paramref name="topic"/> <paramref name="calls"/> times, each
    /// call after the last one's answer, as calls of an advance's <paramref name="attempt"/> already begun, each carrying
    /// a cancellation token that can be cancelled, as an advance's calls do.
    /// </summary>
    [Alias("Reads")]
    Task<int> Reads(ICountryGrain country, string topic, AdvanceAttempt attempt, int calls);

    /// <summary>
    /// Asks <paramref name="country"/> for a copy of its whole state (<c>StateDuring</c>, the call an autonomous step
    /// copies each country with) <paramref name="calls"/> times, each after the last one's answer, as <see cref="Reads"/>.
    /// </summary>
    [Alias("Copies")]
    Task<int> Copies(ICountryGrain country, AdvanceAttempt attempt, int calls);
}
