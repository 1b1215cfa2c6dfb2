using System.Runtime.CompilerServices;
namespace Summits.Model;

/// <summary>
/// What every actor makes of one state of a spatial-model run: how far each actor's ideal lies
/// from each position, each actor's risk attitude, and the probability that each distinct position
/// prevails. Positions here are on KTAB's internal 0..1 scale. Ideals are the positions themselves
/// (KTAB's identity accommodation), so an actor's distance to its own position is 0.
/// </summary>
internal sealed class SmpAssessment
{
    /// <summary>Positions closer than this (0..1 scale, Euclidean) count as one (KTAB's posTol, 0.1 on 0–100).</summary>
    private const double SamePosition = 1e-3;

    /// <summary>Below this many actors the work is too small to share between threads.</summary>
    private const int ParallelFrom = 24;

    public SmpAssessment(int actors, int dimensions, double[] capabilities, double[] saliences, double[] positions)
    {
        N = actors;
        D = dimensions;
        Capabilities = capabilities;
        Saliences = saliences;
        Positions = positions;
        SalienceSums = new double[N];
        for (var i = 0; i < N; i++)
            for (var k = 0; k < D; k++)
                SalienceSums[i] += saliences[i * D + k];
        DistanceTo = Distances();
        RiskAttitudes = InferRisk();
        (Unique, UniqueOf) = DistinctPositions();
        UniqueProbabilities = PrevailingProbabilities();
    }

    public int N { get; }

    public int D { get; }

    public double[] Capabilities { get; }

    /// <summary>[actor * D + dimension], shares 0..1.</summary>
    public double[] Saliences { get; }

    /// <summary>[actor * D + dimension], 0..1.</summary>
    public double[] Positions { get; }

    /// <summary>Each actor's saliences summed: the share of its attention the table holds.</summary>
    public double[] SalienceSums { get; }

    /// <summary>
    /// <c>DistanceTo[j * N + i]</c>: the distance from actor i's ideal to actor j's position, weighted
    /// by i's saliences, 0..1 (stored by position so that a loop over actors reads it in order).
    /// </summary>
    public double[] DistanceTo { get; }

    /// <summary>Each actor's risk attitude R, -0.5..1.</summary>
    public double[] RiskAttitudes { get; }

    /// <summary>The actor whose position stands for each distinct position, first appearance first.</summary>
    public int[] Unique { get; }

    /// <summary>For each actor, the index into <see cref="Unique"/> of its position.</summary>
    public int[] UniqueOf { get; }

    /// <summary>The probability that each distinct position prevails, summing to 1.</summary>
    public double[] UniqueProbabilities { get; }

    /// <summary>
    /// The salience-weighted distance between an ideal and a position: the root of the
    /// salience-squared-weighted mean of squared differences (KTAB's bvDiff), 0..1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Distance(int actor, ReadOnlySpan<double> position)
    {
        double weighted = 0, weights = 0;
        for (var k = 0; k < D; k++)
        {
            var s = Saliences[actor * D + k];
            var ds = (Positions[actor * D + k] - position[k]) * s;
            weighted += ds * ds;
            weights += s * s;
        }
        return weights > 0 ? Math.Sqrt(weighted / weights) : 0;
    }

    /// <summary>
    /// The utility of a position at distance d to an actor with risk attitude R:
    /// (1 − d)(1 + dR): R above 0 bends the curve toward caution, below 0 toward risk (KTAB's
    /// quadratic form of Bueno de Mesquita's 1985 risk-adjusted utility).
    /// </summary>
    public static double Utility(double d, double r) => d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);

    private double[] Distances()
    {
        var distance = new double[N * N];
        Each(N, i =>
        {
            for (var j = 0; j < N; j++)
                distance[j * N + i] = i == j ? 0 : Distance(i, Positions.AsSpan(j * D, D));
        });
        return distance;
    }

    /// <summary>
    /// Risk attitudes from the probability that each actor's position prevails when everyone is risk
    /// neutral: the most likely actor gets R = 1, the least likely −0.5, the rest in between
    /// (KTAB's BigRRange Mid; Bueno de Mesquita 1985: the strong can afford to take risks).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double[] InferRisk()
    {
        var neutral = new double[N * N];
        for (var x = 0; x < neutral.Length; x++)
            neutral[x] = 1 - DistanceTo[x];
        var p = Conditional(neutral, N);
        double min = p.Min(), max = p.Max();
        var r = new double[N];
        if (max - min > 1e-12)
            for (var i = 0; i < N; i++)
                r[i] = (3 * p[i] - (max + 2 * min)) / (2 * (max - min));
        return r;
    }

    private (int[] Unique, int[] UniqueOf) DistinctPositions()
    {
        var unique = new List<int>();
        for (var i = 0; i < N; i++)
            if (!unique.Any(u => Same(i, u)))
                unique.Add(i);
        var uniqueOf = new int[N];
        for (var i = 0; i < N; i++)
            for (var m = 0; m < unique.Count; m++)
                if (Same(i, unique[m]))
                    uniqueOf[i] = m; // the last match, as KTAB's posProb takes it
        return ([.. unique], uniqueOf);
    }

    private bool Same(int i, int j)
    {
        double sum = 0;
        for (var k = 0; k < D; k++)
        {
            var d = Positions[i * D + k] - Positions[j * D + k];
            sum += d * d;
        }
        return Math.Sqrt(sum) < SamePosition;
    }

    /// <summary>Each actor votes over the distinct positions with its own risk-aware utilities.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double[] PrevailingProbabilities()
    {
        var m = Unique.Length;
        var u = new double[m * N];
        for (var o = 0; o < m; o++)
            for (var a = 0; a < N; a++)
                u[o * N + a] = Utility(DistanceTo[Unique[o] * N + a], RiskAttitudes[a]);
        return Conditional(u, m);
    }

    private double[] Conditional(double[] utilities, int options) =>
        Pce.Conditional(utilities, N, options, Capabilities);

    /// <summary>
    /// Runs <paramref name="body"/> for 0..count−1, on several threads when the work (about
    /// <paramref name="work"/> steps of each call times the count) is large; each index writes only its own results.
    /// </summary>
    public static void Each(int count, Action<int> body, int work = 0)
    {
        if (count < ParallelFrom && work < 4096)
            for (var i = 0; i < count; i++)
                body(i);
        else
            Parallel.For(0, count, body);
    }
}
