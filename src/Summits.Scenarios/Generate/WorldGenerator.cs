using System.Collections.Immutable;
using System.Globalization;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// Makes a synthetic world for scale tests and benchmarks, the same for the same seed on every
/// machine: positions clustered in a few blocs per topic, saliences skewed low, a few strong actors,
/// and affinities that follow how close two actors stand.
/// </summary>
public static class WorldGenerator
{
    public const int MinActors = 2;
    public const int MaxActors = 5000;
    public const int MinTopics = 1;
    public const int MaxTopics = 1000;

    /// <summary>Above this many actors, each one holds affinities toward a sample of others, not all.</summary>
    public const int FullAffinityLimit = 40;

    private const int AffinitySample = 12;

    private static readonly Strategy[] StrategyDraw =
        [Strategy.Linear, Strategy.Linear, Strategy.Linear, Strategy.Boulware, Strategy.Boulware, Strategy.Conceder, Strategy.Conceder, Strategy.RelativeTitForTat, Strategy.Hardliner];

    /// <summary>A world of <paramref name="actors"/> actors and <paramref name="topics"/> topics drawn from <paramref name="seed"/>: the same seed, the same world.</summary>
    /// <param name="seed">Any of 0 to 2^64 − 1, the range of every seed Summits takes (<c>run --seed</c>, a scenario's <c>seed</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">actors outside <see cref="MinActors"/> to <see cref="MaxActors"/>, or topics outside <see cref="MinTopics"/> to <see cref="MaxTopics"/>.</exception>
    public static World Generate(int actors, int topics, ulong seed, string? id = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(actors, MinActors);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(actors, MaxActors);
        ArgumentOutOfRangeException.ThrowIfLessThan(topics, MinTopics);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topics, MaxTopics);
        var random = new SeededRandom(seed);
        var actorIds = Ids("A", actors);
        var topicIds = Ids("T", topics);

        // A latent leaning per actor makes blocs recur across topics, so some actors are natural allies.
        var leaning = new double[actors];
        var power = new double[actors];
        for (var a = 0; a < actors; a++)
        {
            leaning[a] = random.NextDouble();
            // Pareto-like with exponent 1: most actors weak, a few many times stronger.
            power[a] = 1.0 / (1.0 - 0.97 * random.NextDouble());
        }
        var strongest = power.Max();

        var values = new double[actors, topics];
        var saliences = new double[actors, topics];
        var blocOf = new int[actors, topics];
        var blocCounts = new int[topics];
        var topicList = ImmutableArray.CreateBuilder<Topic>(topics);
        for (var t = 0; t < topics; t++)
        {
            var blocs = 2 + random.Next(3);
            blocCounts[t] = blocs;
            var centres = new double[blocs];
            for (var b = 0; b < blocs; b++)
                centres[b] = random.Between(5, 95);
            Array.Sort(centres);
            var spread = random.Between(2, 6);
            for (var a = 0; a < actors; a++)
            {
                var bloc = random.NextDouble() < 0.75 ? Math.Min(blocs - 1, (int)(leaning[a] * blocs)) : random.Next(blocs);
                blocOf[a, t] = bloc;
                // The sum of three uniforms is a cheap bell shape around the bloc's centre.
                var offset = (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2 * spread;
                values[a, t] = Math.Round(Math.Clamp(centres[bloc] + offset, 0, 100), 1);
                saliences[a, t] = Math.Round(0.05 + 0.95 * BetaTwoFive(random), 2);
            }
            topicList.Add(new Topic(topicIds[t], $"Generated topic {t + 1}",
                new ScaleAnchors("0: the low end of a generated scale with no real-world meaning", "50: the middle of the generated scale", "100: the high end of the generated scale"),
                Related(random, topicIds, t)));
        }

        var actorList = ImmutableArray.CreateBuilder<Actor>(actors);
        for (var a = 0; a < actors; a++)
        {
            var capability = Math.Max(0.001, Math.Round(power[a] / strongest, 3));
            var strategy = StrategyDraw[random.Next(StrategyDraw.Length)];
            var risk = Math.Round(0.6 + 1.2 * (random.NextDouble() + random.NextDouble()) / 2, 2);
            var affinity = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
            foreach (var other in Others(random, a, actors))
            {
                var distance = 0.0;
                for (var t = 0; t < topics; t++)
                    distance += Math.Abs(values[a, t] - values[other, t]);
                distance /= topics;
                var noise = (random.NextDouble() - 0.5) * 0.3;
                affinity[actorIds[other]] = Math.Round(Math.Clamp(1 - distance / 25 + noise, -1, 1), 2);
            }
            actorList.Add(new Actor(actorIds[a], $"Generated actor {a + 1}", "", null, capability, strategy, risk, affinity.ToImmutable(),
                $"Generated from seed {Text(seed)}: capability is its drawn power {Text(Math.Round(power[a], 3))} over the strongest {Text(Math.Round(strongest, 3))}; affinities follow how close it stands to the others."));
        }

        var positions = ImmutableArray.CreateBuilder<Position>(actors * topics);
        for (var a = 0; a < actors; a++)
        {
            for (var t = 0; t < topics; t++)
            {
                var why = $"generated from seed {Text(seed)}: bloc {blocOf[a, t] + 1} of {blocCounts[t]} on this topic";
                positions.Add(new Position(actorIds[a], topicIds[t], new ScaleValue(values[a, t]), Interval.Point(values[a, t]),
                    new Salience(saliences[a, t]), Interval.Point(saliences[a, t]), new Provenance(PositionKind.Synthetic, Provenance.Nobody, [], why)));
            }
        }

        var worldId = id ?? $"generated-{actors}x{topics}-seed-{Text(seed)}";
        return new World(worldId, $"Generated world: {Counted.Of(actors, "actor")}, {Counted.Of(topics, "topic")}, seed {Text(seed)}",
            $"A synthetic world from 'summits generate --actors {actors} --topics {topics} --seed {Text(seed)}'. Every number is drawn from a seeded generator; none comes from a source.",
            "", actorList.DrainToImmutable(), topicList.DrainToImmutable(), positions.DrainToImmutable(), []);
    }

    /// <summary>The second smallest of six uniforms is Beta(2, 5): mostly low, sometimes high.</summary>
    private static double BetaTwoFive(SeededRandom random)
    {
        Span<double> draws = stackalloc double[6];
        for (var i = 0; i < draws.Length; i++)
            draws[i] = random.NextDouble();
        draws.Sort();
        return draws[1];
    }

    private static ImmutableArray<string> Related(SeededRandom random, string[] topicIds, int topic)
    {
        if (topicIds.Length < 2)
            return [];
        var count = random.Next(3);
        var related = new SortedSet<int>();
        for (var i = 0; i < count; i++)
        {
            var other = random.Next(topicIds.Length - 1);
            related.Add(other >= topic ? other + 1 : other);
        }
        return [.. related.Select(r => topicIds[r])];
    }

    private static IEnumerable<int> Others(SeededRandom random, int actor, int actors)
    {
        if (actors <= FullAffinityLimit)
            return Enumerable.Range(0, actors).Where(o => o != actor);
        var chosen = new SortedSet<int>();
        while (chosen.Count < AffinitySample)
        {
            var other = random.Next(actors - 1);
            chosen.Add(other >= actor ? other + 1 : other);
        }
        return chosen;
    }

    private static string[] Ids(string prefix, int count)
    {
        var width = count.ToString(CultureInfo.InvariantCulture).Length;
        return [.. Enumerable.Range(1, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'))];
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
