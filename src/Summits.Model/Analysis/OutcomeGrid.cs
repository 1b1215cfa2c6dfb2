namespace Summits.Model;

/// <summary>
/// A regular grid over the outcome space [0, 100]ᵏ of k topics, the candidates a <see cref="BargainingProblem"/>
/// searches. Its step is the finest of 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25 and 50 points that keeps
/// the grid within 150,000 outcomes (50 when none does), so it always divides 100 and both ends of each axis lie
/// on the grid. Outcomes are numbered 0..<see cref="Count"/> − 1 with the first topic varying fastest: the
/// outcome with axis indices (i₀, i₁, …) is i₀ + i₁·n + i₂·n² + …, n being <see cref="PerAxis"/>.
/// </summary>
internal sealed class OutcomeGrid
{
    /// <summary>The most outcomes a grid is allowed, when a step that keeps within it exists.</summary>
    public const int Budget = 150_000;

    private static readonly double[] Steps = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50];

    /// <summary>A grid over <paramref name="dimensions"/> topics.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is less than 1.</exception>
    public OutcomeGrid(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        Dimensions = dimensions;
        // (100 / s + 1)ᵏ is never exactly 150,000 for these steps (150,000 is no whole power of 2,001, 1,001, …, 3),
        // so ≤ and < pick the same step.
        // Stryker disable once Equality : equivalent, for the reason above
        Step = Steps.FirstOrDefault(s => Math.Pow(Math.Round(100 / s) + 1, dimensions) <= Budget, Steps[^1]);
        PerAxis = (int)Math.Round(100 / Step) + 1;
        Count = (int)Math.Pow(PerAxis, dimensions);
    }

    /// <summary>The number of topics k, at least 1.</summary>
    public int Dimensions { get; }

    /// <summary>The distance between neighbouring values of a topic, in points of the 0–100 scale.</summary>
    public double Step { get; }

    /// <summary>The number of values each topic takes on the grid: 100 / <see cref="Step"/> + 1.</summary>
    public int PerAxis { get; }

    /// <summary>The number of outcomes, <see cref="PerAxis"/> to the power k.</summary>
    public int Count { get; }

    /// <summary>The value on the 0–100 scale of axis index <paramref name="k"/> (0..<see cref="PerAxis"/> − 1).</summary>
    public double Value(int k) => k * Step;

    /// <summary>Writes the axis indices of outcome <paramref name="g"/> into <paramref name="index"/> (length k).</summary>
    public void Indices(int g, int[] index)
    {
        for (var t = 0; t < Dimensions; t++)
        {
            index[t] = g % PerAxis;
            g /= PerAxis;
        }
    }

    /// <summary>The values on the 0–100 scale of outcome <paramref name="g"/>, one per topic.</summary>
    public double[] Point(int g)
    {
        var y = new double[Dimensions];
        for (var t = 0; t < Dimensions; t++)
        {
            y[t] = g % PerAxis * Step;
            g /= PerAxis;
        }
        return y;
    }

    /// <summary>
    /// Every outcome next to the one at <paramref name="index"/> along an axis or a diagonal (up to 3ᵏ − 1 of
    /// them, fewer at the grid's edges), in increasing order of their numbers.
    /// </summary>
    public IEnumerable<int> Around(int[] index)
    {
        var offset = new int[Dimensions];
        for (var c = 0; c < (int)Math.Pow(3, Dimensions); c++)
        {
            var inside = true;
            var any = false;
            for (var t = 0; t < Dimensions; t++)
            {
                offset[t] = index[t] + c / (int)Math.Pow(3, t) % 3 - 1;
                inside &= offset[t] >= 0 && offset[t] < PerAxis;
                any |= offset[t] != index[t];
            }
            if (inside && any)
                yield return Flat(offset);
        }
    }

    /// <summary>
    /// The outcomes one step from the one at <paramref name="index"/> along a single axis (up to 2k of them,
    /// fewer at the grid's edges): for each topic in turn, the one below, then the one above.
    /// </summary>
    public IEnumerable<int> Neighbours(int[] index)
    {
        var stride = 1;
        for (var t = 0; t < Dimensions; t++)
        {
            if (index[t] > 0)
                yield return Flat(index) - stride;
            if (index[t] < PerAxis - 1)
                yield return Flat(index) + stride;
            stride *= PerAxis;
        }
    }

    private int Flat(int[] index)
    {
        var g = 0;
        for (var t = Dimensions - 1; t >= 0; t--)
            g = g * PerAxis + index[t];
        return g;
    }
}
