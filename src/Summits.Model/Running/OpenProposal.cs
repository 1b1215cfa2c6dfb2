namespace Summits.Model;

/// <summary>A proposal that has not been agreed yet and is delivered again each round until its deadline.</summary>
[GenerateSerializer, Alias("summits.open-proposal")]
public sealed class OpenProposal
{
    [Id(0)] public required Proposal Proposal { get; init; }

    [Id(1)] public int RoundsLeft { get; set; }

    [Id(2)] public int Renewals { get; set; }
}
