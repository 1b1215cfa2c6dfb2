using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// A student's answers to an exercise: the role played, the answer to each prediction question, the proposals
/// made in each round, and the answers given to the other side's offers.
/// </summary>
/// <param name="Predictions">Each question's answer: "yes" or "no", or a value on the 0–100 scale as text.</param>
/// <param name="Proposals">Every proposal made in the play, in the order made; with two players, both sides'.</param>
public sealed record ExerciseAnswers(string Path, string Role, ImmutableSortedDictionary<string, string> Predictions, ImmutableArray<ExerciseAnswers.RoundProposal> Proposals)
{
    /// <summary>What the student's side answered to the other side's offers; an offer without an answer here is rejected.</summary>
    public ImmutableArray<RespondStep> Responses { get; init; } = [];

    /// <summary>1 when the model plays the other side (and offers between rounds), 2 when a second person does.</summary>
    public int Players { get; init; } = 1;

    /// <summary>
    /// For answers saved when a play at the keyboard was stopped (the file's <c>partial</c>): where the play stopped,
    /// and the place of <c>partial</c> in the file. Null for a whole play.
    /// </summary>
    public PartialPlay? Partial { get; init; }

    /// <summary>
    /// In the partial answers of a stopped play by two players (<c>other-predictions</c>): the second player's answers
    /// to the prediction questions so far, as <see cref="Predictions"/> holds the first's. Empty otherwise.
    /// </summary>
    public ImmutableSortedDictionary<string, string> OtherPredictions { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Where a play at the keyboard stopped: the file's words (<c>stopped in round 2</c>) and where they stand.</summary>
    /// <param name="Round">The round the play stopped in, from 1; 0 when it stopped before the first round (in the brief or the predictions).</param>
    public sealed record PartialPlay(string Stopped, FilePosition At, int Round);

    /// <summary>A proposal of the scenario format, made in a round (1-based) to the other role.</summary>
    public sealed record RoundProposal(int Round, ProposeStep Proposal);
}
