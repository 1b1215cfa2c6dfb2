using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Summits.Model;

/// <summary>
/// KTAB's spatial model of politics (SMP), after Bueno de Mesquita's expected-utility model: each
/// turn every actor weighs challenging every other against the status quo, offers a bargain to the
/// one it would most profit from challenging, and every actor then takes the bargain (or keeps its
/// position) that the whole group's capability-weighted votes make most likely to prevail. The
/// forecast is the positions weighted by the probability that each prevails. Deterministic: the same
/// table gives the same turns, bit for bit. Sources: KAPSARC's KTAB papers ("An Introduction to the
/// KAPSARC Toolkit for Behavioral Analysis", "Multidimensional Bargaining using KTAB") and its SMP
/// sources; Bueno de Mesquita, "The War Trap Revisited" (1985); KTAB's smpc defaults
/// (proportional voting, linear victory probability, conditional PCE, deterministic transitions,
/// risk range Mid, one-third risk adjustment, semi-committed third parties, S2P2 interpolated
/// bargains proposed by the initiator).
/// </summary>
public static class SpatialModel
{
    /// <summary>Each challenge coalition starts from this strength (KTAB's minCltn).</summary>
    private const double MinChallengeCoalition = 1e-10;

    /// <summary>A challenge is worth making only above this expected gain (KTAB's minSigEDU).</summary>
    private const double MinGain = 1e-5;

    /// <summary>Keeps an interpolated bargain defined when neither side's weight counts (KTAB's minW).</summary>
    private const double MinBargainWeight = 1e-6;

    /// <summary>Runs a table to convergence or to the most turns allowed.</summary>
    public static SmpRun Run(SmpTable table, SmpParameters? parameters = null, CancellationToken cancellation = default)
    {
        var p = (parameters ?? SmpParameters.Default).Checked();
        var start = table;
        var state = Assessment(table);
        var turns = ImmutableArray.CreateBuilder<SmpTurn>();
        turns.Add(Describe(state, table, 0, [], 0, Untaken(state.N)));
        double? first = null;
        var converged = false;
        for (var t = 1; t <= p.MaxTurns; t++)
        {
            cancellation.ThrowIfCancellationRequested();
            var (next, turn, after) = Step(state, table, t);
            turns.Add(turn);
            (table, state) = (next, after);
            first ??= turn.Shift;
            if (t >= p.MinTurns && Settled(p, first.Value, turn.Shift))
            {
                converged = true;
                break;
            }
        }
        return new SmpRun(start, p, turns.ToImmutable(), converged);
    }

    /// <summary>
    /// The stopping rule on fractional change: a turn whose shift is below <see cref="SmpParameters.StopRatio"/>
    /// of the first turn's (plus a small floor) ends the run. Shifts on the 0–100 scale.
    /// </summary>
    public static bool Settled(SmpParameters parameters, double firstShift, double shift) =>
        shift / 100 / (firstShift / 100 + parameters.MinFirstShift) < parameters.StopRatio;

    /// <summary>The state of <paramref name="table"/> as turn <paramref name="number"/>: risk attitudes, winning probabilities, forecast.</summary>
    public static SmpTurn Assess(SmpTable table, int number, ImmutableArray<SmpBargain> bargains, double shift) =>
        Describe(Assessment(table), table, number, bargains, shift, Untaken(table.Actors.Length));

    private static ImmutableArray<int> Untaken(int actors) => [.. Enumerable.Repeat(-1, actors)];

    /// <summary>One turn: every actor's best challenge becomes a bargain, and every actor takes the bargain most likely to prevail.</summary>
    /// <returns>The table after the turn, and the turn as reported.</returns>
    public static (SmpTable Next, SmpTurn Turn) Step(SmpTable table, int number)
    {
        var (next, turn, _) = Step(Assessment(table), table, number);
        return (next, turn);
    }

    /// <summary>
    /// One turn from <paramref name="table"/>, reusing <paramref name="known"/>, the assessment of that same
    /// table when the caller already has it (from the turn before); null assesses the table afresh.
    /// </summary>
    internal static (SmpTable Next, SmpTurn Turn, SmpAssessment After) Step(SmpTable table, int number, SmpAssessment? known) =>
        Step(known ?? Assessment(table), table, number);

    private static (SmpTable Next, SmpTurn Turn, SmpAssessment After) Step(SmpAssessment before, SmpTable table, int number)
    {
        var bargains = Challenges(before);
        var takenBargain = Resolve(before, bargains);
        var next = new SmpTable(table.Actors, table.Dimensions, table.Capabilities,
            [.. table.Positions.Select((held, i) => takenBargain[i] is { } b ? (b.Initiator == i ? b.InitiatorPosition : b.ReceiverPosition) : held)],
            table.Saliences);
        var after = Assessment(next);
        double shift = 0;
        for (var i = 0; i < before.N; i++)
        {
            double sum = 0;
            for (var k = 0; k < before.D; k++)
            {
                var d = after.Positions[i * before.D + k] - before.Positions[i * before.D + k];
                sum += d * d;
            }
            shift += Math.Sqrt(sum);
        }
        var offered = bargains.Where(b => b is not null).Select(b => b!).ToList();
        var taken = takenBargain.Select(b => b is null ? -1 : offered.IndexOf(b)).ToImmutableArray();
        return (next, Describe(after, next, number, [.. offered], shift * 100, taken), after);
    }

    private static SmpAssessment Assessment(SmpTable table)
    {
        int n = table.Actors.Length, d = table.Dimensions.Length;
        var positions = new double[n * d];
        var saliences = new double[n * d];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < d; k++)
            {
                positions[i * d + k] = table.Positions[i][k] / 100;
                saliences[i * d + k] = table.Saliences[i][k];
            }
        return new SmpAssessment(n, d, [.. table.Capabilities], saliences, positions);
    }

    private static SmpTurn Describe(SmpAssessment s, SmpTable table, int number, ImmutableArray<SmpBargain> bargains, double shift, ImmutableArray<int> taken)
    {
        // KTAB's forecast weights each actor's position by the probability that it prevails and
        // divides by their sum, so a position several actors share counts once per actor.
        var forecast = new double[s.D];
        double total = 0;
        for (var i = 0; i < s.N; i++)
        {
            var p = s.UniqueProbabilities[s.UniqueOf[i]];
            total += p;
            for (var k = 0; k < s.D; k++)
                forecast[k] += p * table.Positions[i][k];
        }
        for (var k = 0; k < s.D; k++)
            forecast[k] /= total;
        return new SmpTurn(number, table.Positions,
            [.. Enumerable.Range(0, s.N).Select(i => s.UniqueProbabilities[s.UniqueOf[i]])],
            [.. forecast], [.. s.RiskAttitudes], bargains, shift, taken);
    }

    /// <summary>For each actor, the bargain it offers the actor it would gain most by challenging, or null when no challenge pays.</summary>
    private static SmpBargain?[] Challenges(SmpAssessment s)
    {
        var bargains = new SmpBargain?[s.N];
        SmpAssessment.Each(s.N, i => bargains[i] = BestChallenge(s, i));
        return bargains;
    }

    /// <summary>
    /// Actor i's view of challenging each j: the coalitions for and against, the probability i wins,
    /// and the expected utility against the status quo. i estimates every actor n's risk attitude as
    /// (2 R_i + R_n) / 3 (KTAB's OneThird adjustment).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SmpBargain? BestChallenge(SmpAssessment s, int i)
    {
        var n = s.N;
        var risk = new double[n];
        for (var a = 0; a < n; a++)
            risk[a] = (2 * s.RiskAttitudes[i] + s.RiskAttitudes[a]) / 3;
        // i's estimate of each actor's utility for i's position.
        var forI = new double[n];
        for (var a = 0; a < n; a++)
            forI[a] = SmpAssessment.Utility(s.DistanceTo[i * n + a], risk[a]);

        // Third parties' weights, with i's own set to 0: a principal's vote is counted apart.
        var weights = new double[n];
        for (var a = 0; a < n; a++)
            weights[a] = a == i ? 0 : s.SalienceSums[a] * s.Capabilities[a];

        var bestJ = -1;
        double bestGain = -1, bestP = 0;
        for (var j = 0; j < n; j++)
        {
            if (j == i)
                continue;
            var toJ = s.DistanceTo.AsSpan(j * n, n);
            // Each actor's own position is worth 1 to it: its ideal is its position.
            var uij = SmpAssessment.Utility(toJ[i], risk[i]);
            var uji = forI[j];
            var wi = s.SalienceSums[i] * s.Capabilities[i];
            var wj = s.SalienceSums[j] * s.Capabilities[j];
            var contributionI = wi * (1 - uij);
            var contributionJ = wj * (uji - 1);
            var forChallenge = MinChallengeCoalition + Math.Max(contributionI, 0) + Math.Max(contributionJ, 0);
            var forTarget = MinChallengeCoalition + Math.Max(-contributionI, 0) + Math.Max(-contributionJ, 0);
            weights[j] = 0;
            var (allFor, allAgainst) = ThirdParties(weights, forI, toJ, risk, forChallenge, forTarget);
            weights[j] = wj;
            var p = allFor / (allFor + allAgainst);
            // i's utility: the status quo keeps both positions; if j yields (with probability 1 − s_j,
            // it does not care enough to resist) or loses, both hold i's; if j wins, both hold j's.
            var sj = s.SalienceSums[j];
            var statusQuo = 1 + uij;
            var contest = p * 2 + (1 - p) * 2 * uij;
            var gain = (1 - sj) * 2 + sj * contest - statusQuo;
            if (gain > MinGain && gain > bestGain)
            {
                bestJ = j;
                bestGain = gain;
                bestP = p;
            }
        }
        return bestJ < 0 ? null : Interpolate(s, i, bestJ, bestP, bestGain);
    }

    /// <summary>
    /// The coalitions for i and for j once every third party has voted (KTAB's semi-committed third
    /// party). Third party a, with weight w, utility u_i for i's position and u_j for j's, judges its
    /// side's chance with its own lean w(u_i − u_j) added to the principals' coalitions, p_i and 1 − p_i,
    /// then compares joining i (it keeps its own position, worth 1, if i wins; takes j's if i loses:
    /// p_i(2u_i + 1) + (1 − p_i)·3u_j) with joining j (p_i·3u_i + (1 − p_i)(2u_j + 1)), and votes w times
    /// the difference, which is w(p_i(1 − u_i) − (1 − p_i)(1 − u_j)). A weight of 0 leaves a party out.
    /// Four parties at a time, in a fixed order, so every machine sums alike.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double For, double Against) ThirdParties(double[] weights, double[] forI, ReadOnlySpan<double> distanceToJ,
        double[] risk, double withI, double withJ)
    {
        var n = weights.Length;
        var one = Vector256.Create(1.0);
        var zero = Vector256<double>.Zero;
        var vI = Vector256.Create(withI);
        var vJ = Vector256.Create(withJ);
        var allFor = zero;
        var allAgainst = zero;
        var a = 0;
        for (; a + 4 <= n; a += 4)
        {
            var w = Vector256.Create(weights.AsSpan(a, 4));
            var ui = Vector256.Create(forI.AsSpan(a, 4));
            var d = Vector256.Create(distanceToJ.Slice(a, 4));
            var r = Vector256.Create(risk.AsSpan(a, 4));
            var uj = (one - d) * (one + Vector256.Min(d, one) * r);
            var lean = w * (ui - uj);
            var strengthI = vI + Vector256.Max(lean, zero);
            var strengthJ = vJ - Vector256.Min(lean, zero);
            var pI = strengthI / (strengthI + strengthJ);
            var vote = w * (pI * (one - ui) - (one - pI) * (one - uj));
            allFor += Vector256.Max(vote, zero);
            allAgainst -= Vector256.Min(vote, zero);
        }
        double sumFor = withI + (allFor[0] + allFor[1]) + (allFor[2] + allFor[3]);
        double sumAgainst = withJ + (allAgainst[0] + allAgainst[1]) + (allAgainst[2] + allAgainst[3]);
        for (; a < n; a++)
        {
            var uj = SmpAssessment.Utility(distanceToJ[a], risk[a]);
            var lean = weights[a] * (forI[a] - uj);
            var strengthI = withI + Math.Max(lean, 0);
            var strengthJ = withJ + Math.Max(-lean, 0);
            var pI = strengthI / (strengthI + strengthJ);
            var vote = weights[a] * (pI * (1 - forI[a]) - (1 - pI) * (1 - uj));
            sumFor += Math.Max(vote, 0);
            sumAgainst += Math.Max(-vote, 0);
        }
        return (sumFor, sumAgainst);
    }

    /// <summary>
    /// The bargain i proposes to j: on each dimension both move to the mean of their positions
    /// weighted by salience² × probability of winning² (KTAB's S2P2), rounded to 4 decimals on the
    /// 0..1 scale as KTAB does.
    /// </summary>
    private static SmpBargain Interpolate(SmpAssessment s, int i, int j, double p, double gain)
    {
        var d = s.D;
        var atI = new double[d];
        var atJ = new double[d];
        for (var k = 0; k < d; k++)
        {
            double ti = s.Positions[i * d + k], tj = s.Positions[j * d + k];
            double si = s.Saliences[i * d + k], sj = s.Saliences[j * d + k];
            var wi = si * si * p * p;
            var wj = sj * sj * (1 - p) * (1 - p);
            var total = wi + MinBargainWeight + wj;
            atI[k] = Round4(((wi + MinBargainWeight) * ti + wj * tj) / total);
            atJ[k] = Round4((wi * ti + (MinBargainWeight + wj) * tj) / total);
        }
        // Multiples of 0.0001 on the 0..1 scale are hundredths on 0–100: rounding keeps them exact in print.
        return new SmpBargain(i, j, p, gain, [.. atI.Select(x => Math.Round(x * 100, 2))], [.. atJ.Select(x => Math.Round(x * 100, 2))]);
    }

    private static double Round4(double x) => Math.Floor(0.5 + x * 10_000) / 10_000;

    /// <summary>
    /// Every actor k chooses among keeping its position and each bargain it is party to: each actor
    /// scores the state each would bring about (the mean of its utilities for all positions), and the
    /// capability-weighted vote over those options picks the one most likely to prevail.
    /// </summary>
    /// <returns>The bargain each actor took, null for one that keeps its position.</returns>
    private static SmpBargain?[] Resolve(SmpAssessment s, SmpBargain?[] bargains)
    {
        int n = s.N, d = s.D;
        // Each actor's utility for the status quo, summed over all positions.
        var statusQuo = new double[n];
        for (var a = 0; a < n; a++)
            for (var m = 0; m < n; m++)
                statusQuo[a] += SmpAssessment.Utility(s.DistanceTo[m * n + a], s.RiskAttitudes[a]);

        // Each actor's utility for the state after each bargain, divided by n.
        var offered = bargains.Select((b, i) => (Bargain: b, Initiator: i)).Where(x => x.Bargain is not null).Select(x => x.Bargain!).ToArray();
        var value = new double[offered.Length][];
        SmpAssessment.Each(offered.Length, x =>
        {
            var b = offered[x];
            var at = new double[n];
            Span<double> posI = stackalloc double[d], posJ = stackalloc double[d];
            for (var k = 0; k < d; k++)
            {
                posI[k] = b.InitiatorPosition[k] / 100;
                posJ[k] = b.ReceiverPosition[k] / 100;
            }
            for (var a = 0; a < n; a++)
            {
                var r = s.RiskAttitudes[a];
                var sum = statusQuo[a]
                    - SmpAssessment.Utility(s.DistanceTo[b.Initiator * n + a], r)
                    - SmpAssessment.Utility(s.DistanceTo[b.Receiver * n + a], r)
                    + SmpAssessment.Utility(s.Distance(a, posI), r)
                    + SmpAssessment.Utility(s.Distance(a, posJ), r);
                at[a] = sum / n;
            }
            value[x] = at;
        });

        var involving = new List<int>[n];
        for (var a = 0; a < n; a++)
            involving[a] = [];
        for (var x = 0; x < offered.Length; x++)
        {
            involving[offered[x].Initiator].Add(x);
            involving[offered[x].Receiver].Add(x);
        }

        var taken = new SmpBargain?[n];
        SmpAssessment.Each(n, k =>
        {
            var options = involving[k];
            if (options.Count == 0)
                return;
            options.Sort((x, y) => offered[x].Initiator.CompareTo(offered[y].Initiator));
            var m = options.Count + 1;
            var u = new double[m * n];
            for (var a = 0; a < n; a++)
                u[a] = statusQuo[a] / n;
            for (var o = 0; o < options.Count; o++)
                value[options[o]].CopyTo(u, (o + 1) * n);
            var chosen = Pce.MostLikely(Pce.Conditional(u, n, m, s.Capabilities));
            if (chosen == 0)
                return;
            taken[k] = offered[options[chosen - 1]];
        });
        return taken;
    }
}
