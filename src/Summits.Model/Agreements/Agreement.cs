using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>Terms the parties agreed on one topic or on a package of topics, and what made them.</summary>
/// <param name="Terms">The agreed value on each topic of the agreement.</param>
/// <param name="Cause">What made it: "seed" for the summit's own agreements, otherwise a proposal id.</param>
/// <param name="Quote">The source's words, for a seeded agreement.</param>
/// <param name="Verb">How the source records a seeded agreement (agreed, confirmed, or a stated intent); null for one made in a run.</param>
[GenerateSerializer, Immutable]
public sealed record Agreement(
    string Id,
    ImmutableSortedDictionary<string, double> Terms,
    ImmutableArray<string> Parties,
    AgreementRule Rule,
    AgreementStatus Status,
    string Cause,
    Quote? Quote,
    string Why,
    AgreementVerb? Verb = null)
{
    public bool Covers(string topic) => Terms.ContainsKey(topic);
}
