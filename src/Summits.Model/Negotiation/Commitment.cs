namespace Summits.Model;

/// <summary>An agreement an actor is party to, as it bears on one topic: the value the actor is held to.</summary>
/// <param name="Strayed">
/// Whether the actor has strayed past its window from the agreement since it last held (<see cref="Agreement.Strayed"/>):
/// a strained agreement is news once for each party that strays from it.
/// </param>
[GenerateSerializer, Immutable, Alias("summits.commitment")]
public sealed record Commitment([Id(0)] string AgreementId, [Id(1)] string Topic, [Id(2)] double Value, [Id(3)] AgreementStatus Status, [Id(4)] bool Strayed = false);
