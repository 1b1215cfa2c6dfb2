namespace Summits.Model;

/// <summary>
/// The trade-off tactic of Faratin, Sierra and Jennings (2002): across the topics of a package, keep the
/// actor's own utility at the level its concession asks, and among the packages of that utility offer the
/// one the other side is believed to value most. Where the other side cares more about a topic than the
/// actor does, the actor gives ground there first, which is how a logroll is found.
/// </summary>
public static class TradeOff
{
    private const double Step = 0.25;

    /// <summary>
    /// The utility level θ(τ) = U_max − f(τ)·(U_max − U_res) the actor keeps at time τ, with f linear:
    /// U_max is the sum of its saliences (every topic at its position), U_res the sum of what it holds
    /// without a deal on each topic.
    /// </summary>
    public static double Aspiration(ReadOnlySpan<double> saliences, double walkAway, double time, ModelParameters parameters)
    {
        double max = 0;
        foreach (var s in saliences)
            max += s;
        return max - Tactics.Share(Strategy.TradeOff, time, parameters) * (max - walkAway);
    }

    /// <summary>
    /// The package an actor at <paramref name="positions"/> (saliences <paramref name="saliences"/>, curvature ρ)
    /// offers when it keeps utility <paramref name="aspiration"/>: starting from its own positions, it moves,
    /// a quarter point at a time, on the topic where the other side gains most per unit of its own utility
    /// given up (the other side believed to be at <paramref name="others"/> with weights <paramref name="otherWeights"/>),
    /// ties going to the topic it has moved least on in share of the gap, and stops when the next step would
    /// take it below the aspiration or it has met the other side everywhere. Returns the values in topic order.
    /// </summary>
    public static double[] Package(
        ReadOnlySpan<double> positions,
        ReadOnlySpan<double> saliences,
        double curvature,
        ReadOnlySpan<double> others,
        ReadOnlySpan<double> otherWeights,
        double aspiration)
    {
        var n = positions.Length;
        var offer = positions.ToArray();
        double utility = 0;
        for (var k = 0; k < n; k++)
            utility += saliences[k];
        while (true)
        {
            var best = -1;
            double bestRatio = 0, bestProgress = 0, bestCost = 0, bestNext = 0;
            for (var k = 0; k < n; k++)
            {
                // A quarter point toward the other side, landing exactly on its position once within reach.
                var next = Math.Clamp(others[k], offer[k] - Step, offer[k] + Step);
                if (next == offer[k])
                    continue;
                var cost = Utility.Of(positions[k], saliences[k], curvature, offer[k]) - Utility.Of(positions[k], saliences[k], curvature, next);
                var gain = otherWeights[k] * Math.Abs(next - offer[k]);
                var ratio = cost > 0 ? gain / cost : double.PositiveInfinity;
                var progress = (offer[k] - positions[k]) / (others[k] - positions[k]);
                if (best < 0 || ratio > bestRatio * (1 + 1e-9) || (ratio >= bestRatio * (1 - 1e-9) && progress < bestProgress - 1e-12))
                    (best, bestRatio, bestProgress, bestCost, bestNext) = (k, ratio, progress, cost, next);
            }
            if (best < 0 || utility - bestCost < aspiration - 1e-12)
                break;
            offer[best] = bestNext;
            utility -= bestCost;
        }
        return offer;
    }
}
