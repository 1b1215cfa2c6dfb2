using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>A script of steps run against a world, with the seed of the world's random generator and the model's parameters.</summary>
[GenerateSerializer, Immutable, Alias("summits.scenario")]
public sealed record Scenario([Id(0)] string Id, [Id(1)] string About, [Id(2)] ulong Seed, [Id(3)] ModelParameters Parameters, [Id(4)] ImmutableArray<Step> Steps);
