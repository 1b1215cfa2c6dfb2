using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Model.Tests;

public sealed class ActorTests
{
    private static readonly Actor Japan = new(
        "JP", "Japan", "Shinzo Abe", "Abe", 0.45, Strategy.Linear, 1.3,
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [
            KeyValuePair.Create("US", 0.9),
            KeyValuePair.Create("KP", -0.9),
        ]),
        "a test actor");

    [Theory]
    [InlineData("US", 0.9)]
    [InlineData("KP", -0.9)]
    public void Affinity_toward_a_named_actor_is_the_seeded_one(string other, double expected) =>
        Assert.Equal(expected, Japan.AffinityToward(other));

    [Fact]
    public void Affinity_toward_an_actor_it_does_not_name_is_neutral() =>
        Assert.Equal(0, Japan.AffinityToward("CN"));
}
