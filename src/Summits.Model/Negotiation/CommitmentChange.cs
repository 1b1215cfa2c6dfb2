namespace Summits.Model;

/// <summary>An agreement's new status and what caused it.</summary>
[GenerateSerializer, Immutable]
public sealed record CommitmentChange(string AgreementId, string Topic, string Actor, AgreementStatus Status, string Cause, string Why);
