namespace Summits.Grains.Bench;

/// <summary>
/// A grain that does nothing but answer: the ceiling of <c>summits bench</c>, the rate at which the
/// silo can make a plain grain call at all, against which every Summits figure is read.
/// </summary>
[Alias("summits.ping-grain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task<int> Ping(int value);
}
