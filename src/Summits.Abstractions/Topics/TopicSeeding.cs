using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>
/// What a topic's grain is seeded with (<see cref="ITopicGrain.Seed"/>): the topic, the actors that hold a position on it
/// and the agreements that cover it, each list in the world's order.
/// </summary>
/// <param name="Topic">The topic.</param>
/// <param name="Holders">The ids of the actors holding a position on the topic, in the order of the world's positions; empty when none does.</param>
/// <param name="Agreements">The world's agreements whose terms include the topic, in the world's order.</param>
[GenerateSerializer, Immutable, Alias("summits.topic-seeding")]
public sealed record TopicSeeding([Id(0)] Topic Topic, [Id(1)] ImmutableArray<string> Holders, [Id(2)] ImmutableArray<Agreement> Agreements)
{
    /// <summary>
    /// True when <paramref name="other"/> seeds the same table, as far as a quick look tells: the same topic and agreements
    /// (the same objects, or equal records) and the same holders in the same order. Conservative: records equal in content
    /// whose lists are different objects (a world sent from another process) are told apart here, never the other way.
    /// </summary>
    public bool SeedsSameTableAs(TopicSeeding other) =>
        Topic == other.Topic
        && Holders.AsSpan().SequenceEqual(other.Holders.AsSpan())
        && Agreements.AsSpan().SequenceEqual(other.Agreements.AsSpan());

    /// <summary>Seeds <paramref name="table"/> with this seeding (<see cref="Table.Seed"/>), replacing whatever it held.</summary>
    public void Into(Table table) => table.Seed(Topic, Holders, Agreements);
}
