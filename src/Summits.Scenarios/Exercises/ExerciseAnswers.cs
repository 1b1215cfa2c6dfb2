using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>A student's answers to an exercise: the role played, the answer to each prediction question, and the proposals made in each round.</summary>
/// <param name="Predictions">Each question's answer: "yes" or "no", or a value on the 0–100 scale as text.</param>
public sealed record ExerciseAnswers(string Path, string Role, ImmutableSortedDictionary<string, string> Predictions, ImmutableArray<ExerciseAnswers.RoundProposal> Proposals)
{
    /// <summary>A proposal of the scenario format, made in a round (1-based) to the other role.</summary>
    public sealed record RoundProposal(int Round, ProposeStep Proposal);
}
