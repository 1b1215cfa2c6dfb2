using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Classroom;

/// <summary>
/// What a table keeps in the grain storage, written after every change before the change is pushed: its play (the
/// teams' answers and the proposals answered and shocks played, in order), the proposals waiting, the positions after
/// each change, the teams' predictions, the world and timeline its last replay ended with, its counters, and its round
/// (<see cref="TableRounds"/>) and the shocks played in the words the pages show. With the
/// classroom's Redis server (its own or a cluster's) behind the storage, a table activated again after a restart reads
/// it back and stands as it stood.
/// </summary>
[GenerateSerializer, Alias("summits.classroom-table-record")]
public sealed class TableRecord
{
    /// <summary>The teams' answers to proposals, each a scripted answer the replay plays when its proposal comes.</summary>
    [Id(0)] public ImmutableArray<RespondStep> Answers { get; init; } = [];

    /// <summary>The proposals answered and the shocks played, in the order they took effect.</summary>
    [Id(1)] public ImmutableArray<Step> Played { get; init; } = [];

    /// <summary>The proposals made and not yet answered, in the order made.</summary>
    [Id(2)] public ImmutableArray<PendingProposal> Pending { get; init; } = [];

    /// <summary>The positions at the start and after each change.</summary>
    [Id(3)] public ImmutableArray<TablePositions> History { get; init; } = [];

    /// <summary>Each team's answers to the prediction questions.</summary>
    [Id(4)] public ImmutableArray<PredictionAnswer> Predictions { get; init; } = [];

    /// <summary>The world the last replay ended with; null before anything is played.</summary>
    [Id(5)] public World? Final { get; init; }

    /// <summary>Every event of the last replay.</summary>
    [Id(6)] public ImmutableArray<TimelineEvent> Timeline { get; init; } = [];

    /// <summary>How many proposals the table has numbered (<c>p{n}-…</c>), from 0.</summary>
    [Id(7)] public int Proposals { get; init; }

    /// <summary>How many shocks the table has played, from 0.</summary>
    [Id(8)] public int Injects { get; init; }

    /// <summary>The table's version: how many changes it has had.</summary>
    [Id(9)] public int Version { get; init; }

    /// <summary>The round the facilitator last started, from 1; 0 while the table waits for its first.</summary>
    [Id(10)] public int Round { get; init; }

    /// <summary>Whether the facilitator has paused that round.</summary>
    [Id(11)] public bool Paused { get; init; }

    /// <summary>
    /// The shocks played, each as <c>{step id}, round {n}: {reason}</c> (<c>before round 1</c> when played before the
    /// first round), a new shock's step id followed by <see cref="NewShock.Written"/>.
    /// </summary>
    [Id(12)] public ImmutableArray<string> Shocks { get; init; } = [];
}
