using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>One change in a run, with its cause: the unit of the timeline, of the history of grains, and of telemetry.</summary>
/// <param name="Seq">Position in the run's timeline, from 1.</param>
/// <param name="Step">The id of the scenario step it happened in.</param>
/// <param name="Round">The autonomous round, within a <c>rounds</c> step.</param>
/// <param name="Cause">What caused it: a proposal, shock or agreement id.</param>
/// <param name="Why">The reason in words and numbers: the utilities behind an answer, a shock's reason.</param>
[GenerateSerializer, Immutable]
public sealed record TimelineEvent(
    int Seq,
    string Step,
    int? Round,
    EventKind Kind,
    string? Actor,
    string? Topic,
    double? Before,
    double? After,
    string Cause,
    string? Why,
    ImmutableArray<Term>? Terms = null);
