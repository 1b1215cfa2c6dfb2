namespace Summits.Grains;

/// <summary>
/// A grain that does nothing but answer: the ceiling of <c>summits bench</c>, the rate at which the
/// silo can make a plain grain call at all, against which every Summits figure is read.
/// </summary>
public interface IPingGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);
}
