using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>Terms the parties agreed on one topic or on a package of topics, and what made them.</summary>
/// <param name="Terms">The agreed value on each topic of the agreement.</param>
/// <param name="Cause">What made it: "seed" for the summit's own agreements, otherwise a proposal id.</param>
/// <param name="Quote">The source's words, for a seeded agreement.</param>
/// <param name="Verb">How the source records a seeded agreement (agreed, confirmed, or a stated intent); null for one made in a run.</param>
/// <param name="Strayed">
/// The parties that have strayed past their window from it since it last held, each told once (the first strains it,
/// each other one is told as having strayed too); null for none. Cleared when it holds again.
/// </param>
[GenerateSerializer, Immutable, Alias("summits.agreement")]
public sealed record Agreement(
    [Id(0)] string Id,
    [Id(1)] ImmutableSortedDictionary<string, double> Terms,
    [Id(2)] ImmutableArray<string> Parties,
    [Id(3)] AgreementRule Rule,
    [Id(4)] AgreementStatus Status,
    [Id(5)] string Cause,
    [Id(6)] Quote? Quote,
    [Id(7)] string Why,
    [Id(8)] AgreementVerb? Verb = null,
    [Id(9)] ImmutableSortedSet<string>? Strayed = null)
{
    public bool Covers(string topic) => Terms.ContainsKey(topic);

    /// <summary>Whether <paramref name="party"/> has strayed past its window from the agreement since it last held.</summary>
    public bool HasStrayed(string party) => Strayed?.Contains(party) == true;
}
