using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>Reference points of a topic: where capability, salience and the parties' utilities put a fair outcome.</summary>
/// <param name="WeightedMean">Σ c·s·x / Σ c·s over the actors holding a position.</param>
/// <param name="WeightedMedian">The position with at most half of the weight c·s on either side; the midpoint when the weight splits exactly (see <see cref="Model.WeightedMedian"/>).</param>
/// <param name="Bargaining">The topic as a bargaining problem among the actors holding a position on it.</param>
[GenerateSerializer, Immutable, Alias("summits.topic-analysis")]
public sealed record TopicAnalysis([Id(0)] string Topic, [Id(1)] double WeightedMean, [Id(2)] double WeightedMedian, [Id(3)] BargainingAnalysis? Bargaining)
{
    /// <summary>The Nash bargaining point when it is unique; null when no value leaves every party with a stake better off, or when several do equally well.</summary>
    public double? Nash => Bargaining?.UniqueNash is { } nash ? nash.Terms[Topic] : null;

    /// <summary>Every Nash bargaining point: none, one, or several equal maxima.</summary>
    public ImmutableArray<double> NashPoints => Bargaining is null ? [] : [.. Bargaining.Nash.Select(o => o.Terms[Topic])];

    /// <summary>The analysis of one topic's positions, each actor weighted by capability times salience.</summary>
    /// <param name="actors">Each actor's position (0–100), salience (0..1), capability (0..1), risk attitude ρ and the utility of no deal on the topic (its BATNA's worth, 0..salience).</param>
    public static TopicAnalysis Of(string topic, IReadOnlyList<(string Actor, double Position, double Salience, double Capability, double Risk, double Reservation)> actors)
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
        var median = Model.WeightedMedian.Of([.. actors.Select(a => (a.Position, a.Capability * a.Salience))]);
        var parties = actors.Select(a => new BargainingParty(a.Actor, a.Risk,
            ImmutableSortedDictionary<string, Stake>.Empty.Add(topic, new Stake(a.Position, a.Salience, a.Reservation))));
        return new TopicAnalysis(topic, mean, median, new BargainingProblem([topic], parties).Solve());
    }
}
