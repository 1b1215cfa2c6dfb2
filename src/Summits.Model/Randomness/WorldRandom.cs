namespace Summits.Model;

/// <summary>
/// The one random generator of a world: xoshiro256** seeded through SplitMix64. Written out here
/// rather than taken from System.Random so that a seed gives the same run on every .NET version,
/// and so that its whole state can be persisted in a grain.
/// </summary>
[GenerateSerializer, Alias("summits.world-random")]
public sealed class WorldRandom
{
    [Id(0)] private ulong _s0;
    [Id(1)] private ulong _s1;
    [Id(2)] private ulong _s2;
    [Id(3)] private ulong _s3;

    public WorldRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, count).</summary>
    public int Next(int count) => count <= 1 ? 0 : (int)(NextDouble() * count);

    public double Between(double low, double high) => low + NextDouble() * (high - low);

    /// <summary>Shuffles in place (Fisher–Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
