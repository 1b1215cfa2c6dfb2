namespace Summits.Model;

/// <summary>
/// The spatial model's stopping rule. Every table runs with the same values, KTAB's own
/// (KTAB's smpc): at least 2 and at most 100 turns, stopping once a turn
/// moves the actors less than 2% as far as the first turn did.
/// </summary>
/// <param name="MinTurns">Turns always run, 1 or more.</param>
/// <param name="MaxTurns">Turns at most, at least <paramref name="MinTurns"/>.</param>
/// <param name="StopRatio">The run stops when a turn's total shift over the first turn's falls below this, 0..1.</param>
/// <param name="MinFirstShift">Added to the first turn's shift (on the 0..1 scale) so that a first turn that moves nobody cannot divide by 0.</param>
public sealed record SmpParameters(int MinTurns = 2, int MaxTurns = 100, double StopRatio = 0.02, double MinFirstShift = 1e-4)
{
    /// <summary>KTAB's values.</summary>
    public static SmpParameters Default { get; } = new();

    /// <summary>Checks the ranges; throws <see cref="ArgumentOutOfRangeException"/> naming the one out of range.</summary>
    public SmpParameters Checked()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinTurns, 1, nameof(MinTurns));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTurns, MinTurns, nameof(MaxTurns));
        if (!(StopRatio is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(StopRatio), StopRatio, "the stop ratio lies from 0 to 1");
        if (!(MinFirstShift > 0))
            throw new ArgumentOutOfRangeException(nameof(MinFirstShift), MinFirstShift, "the smallest first shift must be above 0");
        return this;
    }
}
