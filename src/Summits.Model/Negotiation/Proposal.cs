using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>Terms on one topic or a package of topics, sent by one actor to one or more others.</summary>
/// <param name="Id">Unique within a run; delivering the same id twice changes nothing the second time.</param>
/// <param name="Time">How far the negotiation has come, 0 at the start to 1 at its deadline; drives concession.</param>
/// <param name="ProposerCapability">The proposer's capability when it proposed, which scales its influence.</param>
/// <param name="Cause">The step that made the proposal.</param>
[GenerateSerializer, Immutable, Alias("summits.proposal")]
public sealed record Proposal(
    [Id(0)] string Id,
    [Id(1)] string From,
    [Id(2)] ImmutableArray<string> To,
    [Id(3)] ImmutableArray<Term> Terms,
    [Id(4)] AgreementRule Rule,
    [Id(5)] double Time,
    [Id(6)] double ProposerCapability,
    [Id(7)] ProposalKind Kind,
    [Id(8)] string Cause)
{
    public IEnumerable<string> Topics => Terms.Select(t => t.Topic);

    public IEnumerable<string> Parties => To.Prepend(From);

    public string TopicLabel => string.Join('+', Topics);
}
