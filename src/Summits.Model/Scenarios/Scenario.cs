using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>A script of steps run against a world, with the seed of the world's random generator and the model's parameters.</summary>
[GenerateSerializer, Immutable]
public sealed record Scenario(string Id, string About, ulong Seed, ModelParameters Parameters, ImmutableArray<Step> Steps);
