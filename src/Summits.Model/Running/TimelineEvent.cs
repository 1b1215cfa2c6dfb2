using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>One change in a run, with its cause: the unit of the timeline, of the history of grains, and of telemetry.</summary>
/// <param name="Seq">Position in the run's timeline, from 1.</param>
/// <param name="Step">The id of the scenario step it happened in.</param>
/// <param name="Round">The autonomous round, within a <c>rounds</c> step.</param>
/// <param name="Cause">What caused it: a proposal, shock or agreement id.</param>
/// <param name="Why">The reason in words and numbers: the utilities behind an answer, a shock's reason.</param>
/// <param name="Terms">For a proposal, a counter or an agreement made: each topic with its value.</param>
/// <param name="Agreement">For an agreement's event (made, strained, breached, restored, superseded, partly superseded): the agreement's id.</param>
/// <param name="Parties">For an agreement's event: the agreement's parties, in its order.</param>
/// <param name="Agreed">For a change of an agreement's status: the value it agreed on <see cref="Topic"/>, 0..100 (an agreement made gives its values in <see cref="Terms"/>).</param>
[GenerateSerializer, Immutable, Alias("summits.timeline-event")]
public sealed record TimelineEvent(
    [Id(0)] int Seq,
    [Id(1)] string Step,
    [Id(2)] int? Round,
    [Id(3)] EventKind Kind,
    [Id(4)] string? Actor,
    [Id(5)] string? Topic,
    [Id(6)] double? Before,
    [Id(7)] double? After,
    [Id(8)] string Cause,
    [Id(9)] string? Why,
    [Id(10)] ImmutableArray<Term>? Terms = null,
    [Id(11)] string? Agreement = null,
    [Id(12)] ImmutableArray<string>? Parties = null,
    [Id(13)] double? Agreed = null);
