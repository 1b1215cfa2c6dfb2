namespace Summits.Grains.Bench;

/// <summary>
/// A grain that calls another grain many times one after another, as a world grain calls its countries in an advance:
/// the caller side of <c>summits bench</c>'s figure 10, which sets a call an advance makes beside a trivial one.
/// </summary>
[Alias("summits.call-chain-grain")]
public interface ICallChainGrain : IGrainWithIntegerKey
{
    /// <summary>Pings <paramref name="target"/> <paramref name="calls"/> times, each call after the last one's answer; answers the calls made.</summary>
    [Alias("Pings")]
    Task<int> Pings(IPingGrain target, int calls);

    /// <summary>
    /// Asks <paramref name="country"/> for its position on <paramref name="topic"/> <paramref name="calls"/> times, each
    /// call after the last one's answer, as an advance's <paramref name="attempt"/> does; answers the calls made.
    /// </summary>
    [Alias("Reads")]
    Task<int> Reads(ICountryGrain country, string topic, AdvanceAttempt attempt, int calls);
}
