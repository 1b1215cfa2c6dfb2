namespace Summits.Cli.Analysis;

/// <summary>What an exported run shows for one topic or one actor.</summary>
/// <param name="Key">The topic or actor id.</param>
/// <param name="ProposalsMade">For a topic, proposals that put it on the table; for an actor, proposals it made.</param>
/// <param name="ProposalsReceived">For a topic, evaluations of it by recipients; for an actor, the proposals it evaluated.</param>
/// <param name="Responses">Evaluations counted for the acceptance rate.</param>
/// <param name="Accepted">Evaluations that accepted.</param>
/// <param name="Moves">Position moves.</param>
/// <param name="MeanMove">Mean size of a move in scale points, when there was one.</param>
/// <param name="LargestMove">Largest move in scale points, when there was one.</param>
/// <param name="MeanProposalMs">Mean duration of the proposals counted in <paramref name="ProposalsMade"/>.</param>
/// <param name="P95ProposalMs">95th percentile (nearest rank) of those durations.</param>
public sealed record Tally(
    string Key,
    int ProposalsMade,
    int ProposalsReceived,
    int Responses,
    int Accepted,
    int Moves,
    double? MeanMove,
    double? LargestMove,
    int Agreements,
    int Strains,
    int Breaches,
    double? MeanProposalMs,
    double? P95ProposalMs)
{
    public double? AcceptanceRate => Responses == 0 ? null : (double)Accepted / Responses;
}
