using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>Where a seeded number comes from: who said it, in what words, and why it is this number.</summary>
[GenerateSerializer, Immutable]
public sealed record Provenance(PositionKind Kind, string Speaker, ImmutableArray<Quote> Quotes, string Why)
{
    /// <summary>The speaker name used for a joint statement by both leaders.</summary>
    public const string Both = "both";

    /// <summary>The speaker name used where nobody spoke to the topic.</summary>
    public const string Nobody = "none";
}
