namespace Summits.Model;

/// <summary>An agreement an actor is party to, as it bears on one topic: the value the actor is held to.</summary>
/// <param name="Strayed">
/// Whether the actor has strayed past its window from the agreement since it last held (<see cref="Agreement.Strayed"/>):
/// a strained agreement is news once for each party that strays from it.
/// </param>
/// <param name="AnotherStrayed">
/// Whether another party has strayed past its window from the agreement since it last held: only then is a party that
/// strays from a strained agreement told as having strayed too. An agreement the world seeds as strained has had no
/// party stray from it yet, so the first to do so is told as the first.
/// </param>
[GenerateSerializer, Immutable, Alias("summits.commitment")]
public sealed record Commitment([Id(0)] string AgreementId, [Id(1)] string Topic, [Id(2)] double Value, [Id(3)] AgreementStatus Status, [Id(4)] bool Strayed = false, [Id(5)] bool AnotherStrayed = false);
