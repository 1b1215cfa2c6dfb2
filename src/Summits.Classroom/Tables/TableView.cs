using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Classroom;

/// <summary>A table as it stands after its <see cref="Version"/>-th change (0 before any).</summary>
/// <param name="Table">The table's number, from 1.</param>
/// <param name="Timeline">Every event of the play so far, as its world's run wrote them.</param>
/// <param name="Pending">The proposals made and not yet answered, in the order made.</param>
/// <param name="History">The two countries' positions on the topics on the table, at the start and after each change.</param>
/// <param name="Predictions">Each team's answers to the exercise's prediction questions, as read by the answers file's rules; a team that has not answered has none.</param>
/// <param name="Final">The table's world as the play stands: the exercise's world before anything is played, else the world its last replay ended with.</param>
/// <param name="Round">The round the facilitator last started, from 1; 0 while the table waits for its first.</param>
/// <param name="Paused">Whether the facilitator has paused <see cref="Round"/>; false while the table waits for its first.</param>
/// <param name="Shocks">The shocks played at the table, in order, each as <c>{step id}: {reason}</c>, a new one's reason followed by <c> (written by the facilitator)</c>.</param>
[GenerateSerializer, Immutable, Alias("summits.classroom-table-view")]
public sealed record TableView(
    [Id(0)] int Table,
    [Id(1)] int Version,
    [Id(2)] ImmutableArray<TimelineEvent> Timeline,
    [Id(3)] ImmutableArray<PendingProposal> Pending,
    [Id(4)] ImmutableArray<TablePositions> History,
    [Id(5)] ImmutableArray<PredictionAnswer> Predictions,
    [Id(6)] World Final,
    [Id(7)] int Round,
    [Id(8)] bool Paused,
    [Id(9)] ImmutableArray<string> Shocks)
{
    /// <summary>
    /// Whether the play has begun: the facilitator has started the first round, or a shock has been played; from then on
    /// predictions are no longer taken.
    /// </summary>
    public bool Begun => Round > 0 || History.Length > 1;

    /// <summary>Whether the teams may propose and answer now: a round has started and is not paused.</summary>
    public bool Open => Round > 0 && !Paused;
}

/// <summary>A team's answer to one prediction question: <c>yes</c> or <c>no</c>, an option's id, or a value on the 0–100 scale as text.</summary>
/// <param name="Actor">The country whose team answered.</param>
/// <param name="Question">The question's id in the exercise.</param>
[GenerateSerializer, Immutable, Alias("summits.classroom-prediction-answer")]
public sealed record PredictionAnswer([Id(0)] string Actor, [Id(1)] string Question, [Id(2)] string Answer);

/// <summary>A proposal waiting for the answer of <see cref="To"/>'s team.</summary>
/// <param name="Id">Its id in the play: <c>p{n}-{from}</c>, n counting the table's proposals from 1.</param>
[GenerateSerializer, Immutable, Alias("summits.classroom-pending-proposal")]
public sealed record PendingProposal([Id(0)] string Id, [Id(1)] string From, [Id(2)] string To, [Id(3)] ImmutableArray<Term> Terms);

/// <summary>Where the two countries stand after a change: each country's position on each topic on the table, 0–100.</summary>
/// <param name="After">What the change was: <c>start</c>, a proposal's id, or an inject's step id.</param>
[GenerateSerializer, Immutable, Alias("summits.classroom-table-positions")]
public sealed record TablePositions([Id(0)] string After, [Id(1)] ImmutableArray<TablePosition> Positions);

/// <summary>One country's position on one topic, on the topic's 0–100 scale.</summary>
[GenerateSerializer, Immutable, Alias("summits.classroom-table-position")]
public sealed record TablePosition([Id(0)] string Actor, [Id(1)] string Topic, [Id(2)] double Value);

/// <summary>What a change asked of a table did: the table after it, and when it was refused, why, in words for its team.</summary>
[GenerateSerializer, Immutable, Alias("summits.classroom-table-change")]
public sealed record TableChange([Id(0)] TableView View, [Id(1)] string? Refused = null);
