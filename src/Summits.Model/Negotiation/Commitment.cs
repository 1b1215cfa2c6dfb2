namespace Summits.Model;

/// <summary>An agreement an actor is party to, as it bears on one topic: the value the actor is held to.</summary>
[GenerateSerializer, Immutable, Alias("summits.commitment")]
public sealed record Commitment([Id(0)] string AgreementId, [Id(1)] string Topic, [Id(2)] double Value, [Id(3)] AgreementStatus Status);
