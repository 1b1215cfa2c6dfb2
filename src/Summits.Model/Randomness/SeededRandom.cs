namespace Summits.Model;

/// <summary>
/// A small SplitMix64 generator: the same seed gives the same numbers on every platform and .NET
/// version, which <see cref="System.Random"/> does not promise.
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    public SeededRandom(long seed) : this(unchecked((ulong)seed))
    {
    }

    public ulong NextBits()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform number in [0, 1), built from 53 random bits so every step is exact.</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform whole number in [0, count).</summary>
    public int Next(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (int)(NextDouble() * count);
    }

    /// <summary>A uniform number in [low, high).</summary>
    public double Between(double low, double high) => low + (high - low) * NextDouble();
}
