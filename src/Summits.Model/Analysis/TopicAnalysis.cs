namespace Summits.Model;

/// <summary>Reference points of a topic: where capability, salience and the parties' utilities put a fair outcome.</summary>
/// <param name="WeightedMean">Σ c·s·x / Σ c·s over the actors holding a position.</param>
/// <param name="WeightedMedian">The position at which half of the weight c·s lies on each side.</param>
/// <param name="Nash">The Nash bargaining point: the value maximising the product of every party's gain over no deal; null when no value leaves every party better off.</param>
[GenerateSerializer, Immutable]
public sealed record TopicAnalysis(string Topic, double WeightedMean, double WeightedMedian, double? Nash)
{
    /// <summary>The analysis of one topic's positions, each actor weighted by capability times salience.</summary>
    public static TopicAnalysis Of(string topic, IReadOnlyList<(double Position, double Salience, double Capability, double Risk)> actors, ModelParameters parameters)
    {
        if (actors.Count == 0)
            return new TopicAnalysis(topic, double.NaN, double.NaN, null);

        double weightSum = 0, weighted = 0;
        foreach (var a in actors)
        {
            var w = a.Capability * a.Salience;
            weightSum += w;
            weighted += w * a.Position;
        }
        var mean = weightSum > 0 ? weighted / weightSum : actors.Average(a => a.Position);

        var sorted = actors.OrderBy(a => a.Position).ToArray();
        var median = sorted[^1].Position;
        double running = 0;
        foreach (var a in sorted)
        {
            running += weightSum > 0 ? a.Capability * a.Salience : 1;
            if (running >= (weightSum > 0 ? weightSum : sorted.Length) / 2)
            {
                median = a.Position;
                break;
            }
        }

        return new TopicAnalysis(topic, mean, median, NashPoint(actors, parameters));
    }

    /// <summary>Grid search at 0.05 points, then a golden-section polish: the product of gains is unimodal between the parties.</summary>
    private static double? NashPoint(IReadOnlyList<(double Position, double Salience, double Capability, double Risk)> actors, ModelParameters parameters)
    {
        double LogGain(double y)
        {
            double sum = 0;
            // An index loop: foreach over the interface would allocate an enumerator on each of the ~2,000 calls.
            for (var k = 0; k < actors.Count; k++)
            {
                var a = actors[k];
                var gain = Utility.Of(a.Position, a.Salience, a.Risk, y) - Utility.NoDeal(a.Salience, a.Risk, parameters);
                if (gain <= 0)
                    return double.NegativeInfinity;
                sum += Math.Log(gain);
            }
            return sum;
        }

        double best = double.NegativeInfinity, at = double.NaN;
        for (var i = 0; i <= 2000; i++)
        {
            var y = i * 0.05;
            var value = LogGain(y);
            if (value > best)
                (best, at) = (value, y);
        }
        if (double.IsNegativeInfinity(best))
            return null;

        double lo = Math.Max(0, at - 0.05), hi = Math.Min(100, at + 0.05);
        var phi = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < 40; i++)
        {
            var a = hi - phi * (hi - lo);
            var b = lo + phi * (hi - lo);
            if (LogGain(a) >= LogGain(b)) hi = b; else lo = a;
        }
        return Math.Round((lo + hi) / 2, 3);
    }
}
