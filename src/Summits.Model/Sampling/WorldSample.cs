using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>One sampled world of a study: its index, the seed it was drawn with, the world, and the value drawn for each input.</summary>
/// <param name="Values">Aligned with <see cref="WorldSampler.Inputs"/>.</param>
public sealed record WorldSample(int Index, ulong Seed, World World, ImmutableArray<double> Values);
