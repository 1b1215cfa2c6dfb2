namespace Summits.Model;

/// <summary>An agreement an actor is party to, as it bears on one topic: the value the actor is held to.</summary>
[GenerateSerializer, Immutable]
public sealed record Commitment(string AgreementId, string Topic, double Value, AgreementStatus Status);
