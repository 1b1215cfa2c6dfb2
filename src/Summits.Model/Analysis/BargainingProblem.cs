using System.Collections;
using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// A bargaining problem over the topics of an agreement's terms (or of one open table): the parties,
/// each with a stake on some of the topics, and the search that finds its reference points.
/// The outcome space [0, 100]ᵏ is searched on a grid (0.05 points for one topic, coarser for more so
/// that the grid stays near 150,000 outcomes), and each candidate maximum is then polished: the Nash
/// product by a compass search, and the Kalai–Smorodinsky point and the ideals it is measured against
/// by a climb that follows the ridge where two parties' shares are equal. A search for the Nash point
/// keeps every local maximum of the grid, so two equal maxima are both found and reported.
/// </summary>
public sealed class BargainingProblem
{
    private const double SameValue = 1e-7;
    private const double Rounding = 1e-12;
    private const double ClimbPrecision = 1e-7;
    private const double Sufficient = 1e-4;
    private const double Penalty = 1e6;

    private readonly string[] _topics;
    private readonly BargainingParty[] _parties;
    private readonly int[] _stakeholders;
    private readonly double[] _disagreement;

    /// <summary>A problem over <paramref name="topics"/> among <paramref name="parties"/>.</summary>
    /// <exception cref="ArgumentException">No topic or no party is given.</exception>
    public BargainingProblem(IEnumerable<string> topics, IEnumerable<BargainingParty> parties)
    {
        var all = topics.Distinct().Order(StringComparer.Ordinal).ToArray();
        _parties = [.. parties];
        if (all.Length == 0)
            throw new ArgumentException("a bargaining problem needs at least one topic", nameof(topics));
        if (_parties.Length == 0)
            throw new ArgumentException("a bargaining problem needs at least one party", nameof(parties));
        // A topic nobody cares about is left out: any value of it is as good as any other.
        _topics = [.. all.Where(t => _parties.Any(p => p.Stakes.TryGetValue(t, out var s) && s.Salience > 0))];
        _stakeholders = [.. Enumerable.Range(0, _parties.Length).Where(i => !_parties[i].IsIndifferent(_topics))];
        _disagreement = [.. _parties.Select(p => p.Disagreement(_topics))];
    }

    /// <summary>Finds the Pareto frontier, the Nash bargaining point(s) and the Kalai–Smorodinsky point.</summary>
    public BargainingAnalysis Solve()
    {
        var parties = _parties.ToImmutableArray();
        var indifferent = Enumerable.Range(0, _parties.Length).Except(_stakeholders).Select(i => _parties[i].Actor).ToImmutableArray();
        // No party with a stake means no topic either (a topic is kept only when someone cares for it).
        if (_stakeholders.Length == 0)
            return new BargainingAnalysis([.. _topics], parties, indifferent, [.. _disagreement], [], null, []);

        var grid = new OutcomeGrid(_topics.Length);
        var utilities = GridUtilities(grid);
        var (nash, nashTie) = NashPoints(grid, utilities);
        var (ks, ksTie) = KalaiSmorodinsky(grid, utilities);
        var frontier = Frontier(grid, utilities);
        return new BargainingAnalysis([.. _topics], parties, indifferent, [.. _disagreement], nash, ks, frontier, nashTie, ksTie);
    }

    /// <summary>
    /// Whether the grid outcomes whose <paramref name="value"/> lies within 10⁻⁷ of <paramref name="best"/> form
    /// a continuum rather than isolated points: some set of them, each next to another (the grid's neighbours
    /// along axes and diagonals), reaches more than two grid steps along a topic. Then the maximum is not
    /// unique, and the answer is the ends of that tie (its first and last outcomes in the order of the topics'
    /// values) and, for each topic, the range of values the tied outcomes take; null otherwise.
    /// </summary>
    private (Outcome First, Outcome Last, ImmutableSortedDictionary<string, Interval> Range)? Continuum(OutcomeGrid grid, double[] value, double best)
    {
        var tied = new HashSet<int>();
        for (var g = 0; g < grid.Count; g++)
        {
            if (value[g] >= best - SameValue && !double.IsInfinity(value[g]))
                tied.Add(g);
        }
        if (tied.Count < 3)
            return null;
        var seen = new HashSet<int>();
        var index = new int[_topics.Length];
        var wide = false;
        foreach (var start in tied)
        {
            if (!seen.Add(start))
                continue;
            var low = grid.Point(start);
            var high = (double[])low.Clone();
            var queue = new Queue<int>([start]);
            while (queue.TryDequeue(out var g))
            {
                var y = grid.Point(g);
                for (var t = 0; t < y.Length; t++)
                    (low[t], high[t]) = (Math.Min(low[t], y[t]), Math.Max(high[t], y[t]));
                grid.Indices(g, index);
                foreach (var h in grid.Around(index))
                {
                    if (tied.Contains(h) && seen.Add(h))
                        queue.Enqueue(h);
                }
            }
            wide |= low.Select((l, t) => high[t] - l).Max() > 2 * grid.Step + Rounding;
        }
        if (!wide)
            return null;
        var points = tied.Select(grid.Point).ToList();
        points.Sort(StructuralComparisons.StructuralComparer.Compare);
        var range = ImmutableSortedDictionary.CreateBuilder<string, Interval>(StringComparer.Ordinal);
        for (var t = 0; t < _topics.Length; t++)
            range[_topics[t]] = new Interval(points.Min(p => p[t]), points.Max(p => p[t]));
        return (Outcome(points[0]), Outcome(points[^1]), range.ToImmutable());
    }

    private double[] GridUtilities(OutcomeGrid grid)
    {
        var n = _parties.Length;
        // Per party, topic and grid value, the utility of that one topic; an outcome's utility is their sum.
        var perTopic = new double[n][][];
        for (var i = 0; i < n; i++)
        {
            perTopic[i] = new double[_topics.Length][];
            for (var t = 0; t < _topics.Length; t++)
            {
                var row = perTopic[i][t] = new double[grid.PerAxis];
                if (_parties[i].Stakes.TryGetValue(_topics[t], out var stake))
                {
                    for (var k = 0; k < grid.PerAxis; k++)
                        row[k] = Model.Utility.Of(stake.Position, stake.Salience, _parties[i].Risk, grid.Value(k));
                }
            }
        }
        var utilities = new double[grid.Count * n];
        var index = new int[_topics.Length];
        for (var g = 0; g < grid.Count; g++)
        {
            grid.Indices(g, index);
            for (var i = 0; i < n; i++)
            {
                double sum = 0;
                for (var t = 0; t < index.Length; t++)
                    sum += perTopic[i][t][index[t]];
                utilities[g * n + i] = sum;
            }
        }
        return utilities;
    }

    private double Utility(int party, double[] y)
    {
        var p = _parties[party];
        double sum = 0;
        for (var t = 0; t < _topics.Length; t++)
        {
            if (p.Stakes.TryGetValue(_topics[t], out var stake))
                sum += Model.Utility.Of(stake.Position, stake.Salience, p.Risk, y[t]);
        }
        return sum;
    }

    /// <summary>Σ log(Uᵢ − dᵢ) over the parties with a stake; −∞ where one of them gains nothing.</summary>
    private double LogNashProduct(double[] y)
    {
        double sum = 0;
        foreach (var i in _stakeholders)
            sum += LogGain(Utility(i, y) - _disagreement[i]);
        return sum;
    }

    /// <summary>log(gain), and −∞ for no gain or a loss (log 0 = −∞, and the sum stays −∞ whatever else is added).</summary>
    private static double LogGain(double gain) => Math.Log(Math.Max(gain, 0));

    /// <summary>The Nash points, and the range of a tie over a continuum (then the points are the tie's two ends).</summary>
    private (ImmutableArray<Outcome> Points, ImmutableSortedDictionary<string, Interval>? Tie) NashPoints(OutcomeGrid grid, double[] utilities)
    {
        var n = _parties.Length;
        var value = new double[grid.Count];
        for (var g = 0; g < grid.Count; g++)
        {
            double sum = 0;
            foreach (var i in _stakeholders)
                sum += LogGain(utilities[g * n + i] - _disagreement[i]);
            value[g] = sum;
        }

        // Every local maximum of the grid is a candidate; each is polished, and the best ones kept.
        var candidates = new List<int>();
        var index = new int[_topics.Length];
        for (var g = 0; g < grid.Count; g++)
        {
            if (double.IsNegativeInfinity(value[g]))
                continue;
            grid.Indices(g, index);
            if (grid.Neighbours(index).All(h => value[h] <= value[g]))
                candidates.Add(g);
        }
        if (candidates.Count == 0)
            return ([], null);

        var polished = candidates.OrderByDescending(g => value[g]).Take(16)
            .Select(g => Polish(grid.Point(g), grid.Step, LogNashProduct))
            .ToList();
        var best = polished.Max(p => p.Value);
        if (Continuum(grid, value, Math.Max(best, value.Max())) is { } tie)
            return ([tie.First, tie.Last], tie.Range);
        var points = new List<double[]>();
        foreach (var (y, v) in polished.Where(p => p.Value >= best - SameValue).OrderByDescending(p => p.Value))
        {
            if (points.All(q => Distance(q, y) > grid.Step))
                points.Add(y);
        }
        points.Sort(StructuralComparisons.StructuralComparer.Compare);
        return ([.. points.Select(Outcome)], null);
    }

    /// <summary>
    /// The Kalai–Smorodinsky point, and the range of a tie over a continuum: then no one outcome is it, and
    /// the point given is the tied outcome nearest the middle of that range.
    /// </summary>
    private (Outcome? Point, ImmutableSortedDictionary<string, Interval>? Tie) KalaiSmorodinsky(OutcomeGrid grid, double[] utilities)
    {
        var n = _parties.Length;
        // Each party's ideal: the most it can get while every party with a stake does at least as well as no deal.
        var ideal = new double[n];
        foreach (var i in _stakeholders)
        {
            var at = -1;
            for (var g = 0; g < grid.Count; g++)
            {
                if (Rational(utilities, g) && (at < 0 || utilities[g * n + i] > utilities[at * n + i]))
                    at = g;
            }
            if (at < 0)
                return (null, null);
            // Uᵢ, and for each other party j the exact penalty Uᵢ + K·(Uⱼ − dⱼ): their minimum is Uᵢ wherever
            // j has at least its no-deal worth, and falls steeply wherever it has less.
            var pieces = new List<Piece> { new(i, 1, 0) };
            foreach (var j in _stakeholders.Where(j => j != i))
                pieces.Add(new Piece(i, 1, -Penalty * _disagreement[j], j, Penalty));
            ideal[i] = Utility(i, Climb(grid.Point(at), grid.Step, [.. pieces]));
        }
        if (_stakeholders.Any(i => !(ideal[i] - _disagreement[i] > SameValue)))
            return (null, null);

        // Party i's share of its ideal gain, (Uᵢ − dᵢ) / (uᵢ* − dᵢ): KS maximises the smallest.
        var shares = _stakeholders.Select(i => new Piece(i, 1 / (ideal[i] - _disagreement[i]), -_disagreement[i] / (ideal[i] - _disagreement[i]))).ToArray();
        var best = -1;
        var bestShare = double.NegativeInfinity;
        var leastShare = new double[grid.Count];
        for (var g = 0; g < grid.Count; g++)
        {
            var least = double.PositiveInfinity;
            foreach (var share in shares)
                least = Math.Min(least, share.Of(utilities.AsSpan(g * n, n)));
            leastShare[g] = least > 0 ? least : double.NegativeInfinity;
            if (least > 0 && least > bestShare)
                (best, bestShare) = (g, least);
        }
        if (best < 0)
            return (null, null);
        var climbed = Climb(grid.Point(best), grid.Step, shares);
        var reached = new double[n];
        foreach (var i in _stakeholders)
            reached[i] = Utility(i, climbed);
        // The tie is measured against the climbed maximum: grid outcomes short of it by more than 10⁻⁷ are
        // not tied, however level they are with one another.
        if (Continuum(grid, leastShare, Math.Max(bestShare, shares.Min(s => s.Of(reached)))) is { } tie)
        {
            var middle = tie.Range.Values.Select(r => (r.Low + r.High) / 2).ToArray();
            var central = Enumerable.Range(0, grid.Count).Where(g => leastShare[g] >= bestShare - SameValue)
                .MinBy(g => Distance(grid.Point(g), middle));
            return (Outcome(grid.Point(central)), tie.Range);
        }
        return (Outcome(climbed), null);
    }

    /// <summary>
    /// A linear function w·Uᵢ + c (+ w′·Uⱼ) of one or two parties' utilities: one of the functions whose
    /// minimum <see cref="Climb"/> raises. <paramref name="Other"/> is −1 when only one party counts.
    /// </summary>
    private readonly record struct Piece(int Party, double Weight, double Constant, int Other = -1, double OtherWeight = 0)
    {
        public double Of(ReadOnlySpan<double> utilities) =>
            Weight * utilities[Party] + Constant + (Other >= 0 ? OtherWeight * utilities[Other] : 0);

        public double[] Gradient(double[][] gradients)
        {
            var sum = new double[gradients[Party].Length];
            for (var t = 0; t < sum.Length; t++)
                sum[t] = Weight * gradients[Party][t] + (Other >= 0 ? OtherWeight * gradients[Other][t] : 0);
            return sum;
        }
    }

    /// <summary>
    /// Raises the smallest of <paramref name="pieces"/> from <paramref name="start"/>: a compass search whose
    /// steps go along every axis and, over two or more topics, along the direction of steepest ascent of the
    /// smallest piece as well: the shortest vector in the convex hull of the gradients of the pieces one step
    /// could bring down to the smallest (Demyanov and Malozemov 1974). Where two pieces are equal on a ridge
    /// that no axis follows, that direction runs along the ridge and raises both. A step is taken when it
    /// raises the smallest piece by more than 10⁻⁴·step²; otherwise the step is halved, down to 10⁻⁷ points.
    /// </summary>
    private double[] Climb(double[] start, double gridStep, Piece[] pieces)
    {
        var d = start.Length;
        var utilities = new double[_parties.Length];
        double Least(double[] y)
        {
            foreach (var i in _stakeholders)
                utilities[i] = Utility(i, y);
            var least = double.PositiveInfinity;
            foreach (var piece in pieces)
                least = Math.Min(least, piece.Of(utilities));
            return least;
        }
        var point = (double[])start.Clone();
        var value = Least(point);
        var trial = new double[d];
        for (var step = gridStep / 2; step > ClimbPrecision;)
        {
            // On one topic the two axis directions are all the directions there are.
            var ascent = d > 1 ? Ascent(point, value, step, pieces) : null;
            double[]? bestPoint = null;
            var bestValue = value + Sufficient * step * step;
            for (var dir = 0; dir < (ascent is null ? 2 * d : 2 * d + 1); dir++)
            {
                for (var t = 0; t < d; t++)
                {
                    var delta = dir == 2 * d ? ascent![t] : dir / 2 == t ? (dir % 2 == 0 ? 1 : -1) : 0;
                    trial[t] = Math.Clamp(point[t] + step * delta, 0, 100);
                }
                var v = Least(trial);
                if (v > bestValue)
                    (bestValue, bestPoint) = (v, (double[])trial.Clone());
            }
            if (bestPoint is null)
                step /= 2;
            else
                (point, value) = (bestPoint, bestValue);
        }
        return point;
    }

    /// <summary>The direction of steepest ascent of the smallest piece at <paramref name="y"/>, scaled to a largest component of 1; null where there is none.</summary>
    private double[]? Ascent(double[] y, double least, double step, Piece[] pieces)
    {
        var utilities = new double[_parties.Length];
        var gradients = new double[_parties.Length][];
        foreach (var i in _stakeholders)
            (utilities[i], gradients[i]) = (Utility(i, y), Gradient(i, y));
        var pieceGradients = pieces.Select(p => p.Gradient(gradients)).ToArray();
        var lowest = pieces.Select(p => p.Of(utilities)).ToArray();
        var steepest = pieceGradients.Where((_, p) => lowest[p] <= least).Max(g => g.Sum(Math.Abs));
        // A piece is within reach when one step could bring it level with the smallest.
        var reach = pieceGradients.Where((g, p) => lowest[p] - least <= step * (g.Sum(Math.Abs) + steepest)).ToArray();
        var ascent = ShortestInHull(reach);
        var largest = ascent.Max(Math.Abs);
        if (!(largest > 0))
            return null;
        return [.. ascent.Select(x => x / largest)];
    }

    /// <summary>∂Uᵢ/∂yₜ = −sₜ·ρ·(|yₜ − xₜ|/100)^(ρ−1)·sign(yₜ − xₜ)/100 on each topic (0 at the party's own position).</summary>
    private double[] Gradient(int party, double[] y)
    {
        var p = _parties[party];
        var gradient = new double[_topics.Length];
        for (var t = 0; t < _topics.Length; t++)
        {
            if (p.Stakes.TryGetValue(_topics[t], out var stake) && y[t] != stake.Position)
                gradient[t] = -stake.Salience * p.Risk * Math.Pow(Math.Abs(y[t] - stake.Position) / 100, p.Risk - 1) * Math.Sign(y[t] - stake.Position) / 100;
        }
        return gradient;
    }

    /// <summary>The shortest vector in the convex hull of <paramref name="vectors"/>, by the Frank–Wolfe method with exact line search (Gilbert 1966).</summary>
    private static double[] ShortestInHull(double[][] vectors)
    {
        var m = (double[])vectors[0].Clone();
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var toward = vectors.MinBy(v => Dot(m, v))!;
            var along = toward.Select((x, t) => x - m[t]).ToArray();
            var length = Dot(along, along);
            var share = length > 0 ? -Dot(m, along) / length : 0;
            if (share <= 0)
                break;
            share = Math.Min(share, 1);
            for (var t = 0; t < m.Length; t++)
                m[t] += share * along[t];
        }
        return m;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var t = 0; t < a.Length; t++)
            sum += a[t] * b[t];
        return sum;
    }

    /// <summary>True when grid outcome <paramref name="g"/> leaves every party with a stake at least as well off as no deal (to 10⁻¹²).</summary>
    private bool Rational(double[] utilities, int g)
    {
        var n = _parties.Length;
        foreach (var i in _stakeholders)
        {
            if (utilities[g * n + i] < _disagreement[i] - Rounding)
                return false;
        }
        return true;
    }

    /// <summary>
    /// The grid outcomes no other grid outcome dominates (at least as good for every party and better for one,
    /// utilities compared to 10⁻¹¹); of outcomes equally good for every party, the first in the grid's order.
    /// One sweep in decreasing lexicographic order of the parties' utilities (Kung, Luccio and Preparata
    /// 1975): an outcome can only be dominated by one before it. For two parties it is dominated when a kept
    /// outcome is worth at least as much to the second; for three, the kept outcomes' second and third
    /// utilities form a staircase searched by bisection. Comparing every pair instead costs G²/2 comparisons,
    /// 8·10⁸ on a 3-party, 2-topic grid of 40,401 outcomes that all lie on the frontier (one topic dividing
    /// each pair of parties).
    /// </summary>
    private ImmutableArray<Outcome> Frontier(OutcomeGrid grid, double[] utilities)
    {
        var n = _parties.Length;
        var u = new double[utilities.Length];
        for (var k = 0; k < u.Length; k++)
            u[k] = Math.Round(utilities[k], 11);
        var order = new int[grid.Count];
        for (var g = 0; g < order.Length; g++)
            order[g] = g;
        Array.Sort(order, (a, b) =>
        {
            for (var i = 0; i < n; i++)
            {
                var c = u[b * n + i].CompareTo(u[a * n + i]);
                if (c != 0)
                    return c;
            }
            return a.CompareTo(b);
        });
        var frontier = new List<int>();
        var staircase = new ParetoStaircase();
        var bestSecond = double.NegativeInfinity;
        foreach (var g in order)
        {
            // Every outcome before g is at least as good for the first party, so g is dominated when one kept
            // outcome is at least as good for every other party (equal for all: the earlier in grid order).
            var dominated = n switch
            {
                1 => frontier.Count > 0,
                2 => bestSecond >= u[g * n + 1],
                3 => staircase.Covers(u[g * n + 1], u[g * n + 2]),
                _ => frontier.Exists(f => AtLeastAsGoodAfterFirst(u, f, g, n)),
            };
            if (dominated)
                continue;
            frontier.Add(g);
            if (n == 2)
                bestSecond = u[g * n + 1];
            if (n == 3)
                staircase.Add(u[g * n + 1], u[g * n + 2]);
        }
        return [.. frontier
            .Select(g => Outcome(grid.Point(g)))
            .OrderBy(o => o.Utilities[0])
            .ThenByDescending(o => o.Utilities.ElementAtOrDefault(1))];
    }

    /// <summary>True when outcome <paramref name="a"/> is at least as good as <paramref name="b"/> for every party but the first.</summary>
    private static bool AtLeastAsGoodAfterFirst(double[] utilities, int a, int b, int n)
    {
        for (var i = 1; i < n; i++)
        {
            if (utilities[a * n + i] < utilities[b * n + i])
                return false;
        }
        return true;
    }

    private Outcome Outcome(double[] y)
    {
        var terms = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        for (var t = 0; t < _topics.Length; t++)
            terms[_topics[t]] = Figures.Shown(y[t]);
        var rounded = terms.ToImmutable();
        return new Outcome(rounded, [.. _parties.Select(p => p.Utility(rounded))]);
    }

    /// <summary>
    /// A compass search for the maximum of <paramref name="f"/> near <paramref name="start"/>: try a step
    /// along every axis and, for up to three topics, every diagonal; move to the best improvement, or
    /// halve the step, until it is below 10⁻⁶ points: well inside the last of the four decimals a point is given
    /// with (<see cref="Figures.Shown"/>).
    /// </summary>
    private static (double[] Point, double Value) Polish(double[] start, double gridStep, Func<double[], double> f)
    {
        var d = start.Length;
        var directions = Directions(d);
        var point = (double[])start.Clone();
        var value = f(point);
        var step = gridStep / 2;
        var trial = new double[d];
        while (step > 1e-6)
        {
            var moved = false;
            double[]? bestPoint = null;
            var bestValue = value;
            foreach (var dir in directions)
            {
                for (var t = 0; t < d; t++)
                    trial[t] = Math.Clamp(point[t] + step * dir[t], 0, 100);
                var v = f(trial);
                if (v > bestValue)
                {
                    bestValue = v;
                    bestPoint = (double[])trial.Clone();
                }
            }
            if (bestPoint is not null)
            {
                (point, value, moved) = (bestPoint, bestValue, true);
            }
            if (!moved)
                step /= 2;
        }
        return (point, value);
    }

    private static int[][] Directions(int d)
    {
        if (d > 3)
        {
            // One step up and one down along each axis.
            var axes = new int[2 * d][];
            for (var t = 0; t < d; t++)
            {
                (axes[2 * t], axes[2 * t + 1]) = (new int[d], new int[d]);
                axes[2 * t][t] = 1;
                axes[2 * t + 1][t] = -1;
            }
            return axes;
        }
        // Every vector of −1, 0 and 1 but zero: the digits of c in base 3, less one.
        return [.. Enumerable.Range(0, (int)Math.Pow(3, d))
            .Select(c => Enumerable.Range(0, d).Select(t => c / (int)Math.Pow(3, t) % 3 - 1).ToArray())
            .Where(dir => dir.Any(x => x != 0))];
    }

    private static double Distance(double[] a, double[] b) =>
        Math.Sqrt(a.Select((x, i) => (x - b[i]) * (x - b[i])).Sum());
}
