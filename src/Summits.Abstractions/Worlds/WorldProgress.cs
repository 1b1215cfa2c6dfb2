using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>How far a world's run has gone, as of its last checkpoint.</summary>
/// <param name="Scenario">The scenario it runs.</param>
/// <param name="Advances">The advances completed (at the last checkpoint).</param>
/// <param name="Steps">The scenario's steps done, 0 to its number of steps.</param>
/// <param name="Finished">True once its last step has run.</param>
/// <param name="Failures">The run's failed expectations so far.</param>
/// <param name="Start">Each position's value when the run began, keyed <c>actor/topic</c>.</param>
[GenerateSerializer, Immutable, Alias("summits.world-progress")]
public sealed record WorldProgress([Id(0)] Scenario Scenario, [Id(1)] int Advances, [Id(2)] int Steps, [Id(3)] bool Finished, [Id(4)] int Failures,
    [Id(5)] ImmutableDictionary<string, double> Start);
