using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>How far a world's run has gone at the moment its world grain was asked: as of the advance it completed last.</summary>
/// <param name="Scenario">The scenario it runs.</param>
/// <param name="Advances">The advances completed (at the last checkpoint).</param>
/// <param name="Steps">The scenario's steps done, 0 to its number of steps.</param>
/// <param name="Finished">True once its last step has run.</param>
/// <param name="Failures">The run's failed expectations so far.</param>
/// <param name="Start">Each position's value when the run began, keyed <c>actor/topic</c>.</param>
/// <param name="Events">The events the run has written (its last event's number), 0 or more: where a timeline read as of this progress ends.</param>
[GenerateSerializer, Immutable, Alias("summits.world-progress")]
public sealed record WorldProgress([Id(0)] Scenario Scenario, [Id(1)] int Advances, [Id(2)] int Steps, [Id(3)] bool Finished, [Id(4)] int Failures,
    [Id(5)] ImmutableDictionary<string, double> Start, [Id(6)] int Events);
