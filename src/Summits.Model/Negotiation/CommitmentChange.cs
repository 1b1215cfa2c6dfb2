namespace Summits.Model;

/// <summary>An agreement's new status and what caused it.</summary>
[GenerateSerializer, Immutable, Alias("summits.commitment-change")]
public sealed record CommitmentChange([Id(0)] string AgreementId, [Id(1)] string Topic, [Id(2)] string Actor, [Id(3)] AgreementStatus Status, [Id(4)] string Cause, [Id(5)] string Why);
