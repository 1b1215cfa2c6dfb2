using System.Collections.Immutable;
using System.Globalization;

namespace Summits.Model;

/// <summary>
/// A stakeholder table as the spatial model of politics (SMP) reads it: for each actor a capability,
/// and on each dimension a position on the 0–100 scale and a salience, the share of the actor's
/// attention that dimension takes (0..1, an actor's shares summing to at most 1).
/// </summary>
public sealed record SmpTable
{
    /// <param name="actors">Actor ids, one per row.</param>
    /// <param name="dimensions">Dimension (topic) ids, one per column.</param>
    /// <param name="capabilities">Each actor's capability, 0 or more, at least one above 0; any scale, since the model uses ratios.</param>
    /// <param name="positions">Positions [actor][dimension] on the 0–100 scale.</param>
    /// <param name="saliences">Salience shares [actor][dimension], each 0..1, each actor's summing to at most 1.</param>
    /// <exception cref="ArgumentException">A count, range or sum is wrong; the message names the actor and dimension.</exception>
    public SmpTable(ImmutableArray<string> actors, ImmutableArray<string> dimensions, ImmutableArray<double> capabilities,
        ImmutableArray<ImmutableArray<double>> positions, ImmutableArray<ImmutableArray<double>> saliences)
    {
        if (actors.Length < 2)
            throw new ArgumentException($"the spatial model needs at least 2 actors, not {actors.Length}", nameof(actors));
        if (dimensions.Length < 1)
            throw new ArgumentException("the spatial model needs at least 1 dimension", nameof(dimensions));
        if (capabilities.Length != actors.Length || positions.Length != actors.Length || saliences.Length != actors.Length)
            throw new ArgumentException("capabilities, positions and saliences need one row per actor");
        for (var i = 0; i < actors.Length; i++)
        {
            var capability = capabilities[i];
            if (!double.IsFinite(capability) || capability < 0)
                throw new ArgumentException($"{actors[i]}: capability {Text(capability)} must be a finite number of 0 or more", nameof(capabilities));
            if (positions[i].Length != dimensions.Length || saliences[i].Length != dimensions.Length)
                throw new ArgumentException($"{actors[i]}: needs a position and a salience on each of {dimensions.Length} dimensions");
            double sum = 0;
            for (var k = 0; k < dimensions.Length; k++)
            {
                if (!(positions[i][k] is >= 0 and <= 100))
                    throw new ArgumentException($"{actors[i]} on {dimensions[k]}: position {Text(positions[i][k])} must lie from 0 to 100", nameof(positions));
                if (!(saliences[i][k] is >= 0 and <= 1))
                    throw new ArgumentException($"{actors[i]} on {dimensions[k]}: salience {Text(saliences[i][k])} must lie from 0 to 1", nameof(saliences));
                sum += saliences[i][k];
            }
            if (sum > 1 + 1e-9)
                throw new ArgumentException($"{actors[i]}: saliences sum to {Text(sum)}; as shares of one actor's attention they may sum to at most 1", nameof(saliences));
        }
        if (capabilities.All(c => c == 0))
            throw new ArgumentException("every capability is 0; at least one actor must have some", nameof(capabilities));
        Actors = actors;
        Dimensions = dimensions;
        Capabilities = capabilities;
        Positions = positions;
        Saliences = saliences;
    }

    public ImmutableArray<string> Actors { get; }

    public ImmutableArray<string> Dimensions { get; }

    public ImmutableArray<double> Capabilities { get; }

    /// <summary>Positions [actor][dimension], 0–100.</summary>
    public ImmutableArray<ImmutableArray<double>> Positions { get; }

    /// <summary>Salience shares [actor][dimension], 0..1.</summary>
    public ImmutableArray<ImmutableArray<double>> Saliences { get; }

    /// <summary>
    /// The table of a world: its actors and topics in order, capabilities as they stand, and each
    /// actor's saliences as shares. A world whose saliences were written topic by topic may give an
    /// actor more than 1 in all; those are divided by their sum, which keeps their proportions.
    /// </summary>
    /// <exception cref="ArgumentException">An actor holds no position on some topic, or the world has fewer than 2 actors.</exception>
    public static SmpTable From(World world) => Of(world.Actors, [.. world.Topics.Select(t => t.Id)], world.Positions);

    /// <summary>The table of these actors (in order) on these topics (in order), from their positions; see <see cref="From"/>.</summary>
    /// <exception cref="ArgumentException">An actor holds no position on some topic, or there are fewer than 2 actors.</exception>
    public static SmpTable Of(IReadOnlyList<Actor> actors, IReadOnlyList<string> topics, IEnumerable<Position> held)
    {
        var byKey = held.ToDictionary(p => (p.Actor, p.Topic));
        var positions = ImmutableArray.CreateBuilder<ImmutableArray<double>>(actors.Count);
        var saliences = ImmutableArray.CreateBuilder<ImmutableArray<double>>(actors.Count);
        foreach (var actor in actors)
        {
            var row = new double[topics.Count];
            var shares = new double[topics.Count];
            for (var k = 0; k < topics.Count; k++)
            {
                if (!byKey.TryGetValue((actor.Id, topics[k]), out var position))
                    throw new ArgumentException($"{actor.Id} holds no position on {topics[k]}; the spatial model needs every actor's position on every topic");
                row[k] = position.Value.Value;
                shares[k] = position.Salience.Value;
            }
            var sum = shares.Sum();
            if (sum > 1)
                for (var k = 0; k < shares.Length; k++)
                    shares[k] /= sum;
            positions.Add([.. row]);
            saliences.Add([.. shares]);
        }
        return new SmpTable([.. actors.Select(a => a.Id)], [.. topics], [.. actors.Select(a => a.Capability)],
            positions.MoveToImmutable(), saliences.MoveToImmutable());
    }

    /// <summary>Whether <paramref name="other"/> holds the same actors, dimensions and numbers, value for value.</summary>
    public bool SameAs(SmpTable other) =>
        Actors.SequenceEqual(other.Actors) && Dimensions.SequenceEqual(other.Dimensions) && Capabilities.SequenceEqual(other.Capabilities)
        && Rows(Positions, other.Positions) && Rows(Saliences, other.Saliences);

    private static bool Rows(ImmutableArray<ImmutableArray<double>> a, ImmutableArray<ImmutableArray<double>> b)
    {
        if (a.Length != b.Length)
            return false;
        for (var i = 0; i < a.Length; i++)
            if (!a[i].AsSpan().SequenceEqual(b[i].AsSpan()))
                return false;
        return true;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
