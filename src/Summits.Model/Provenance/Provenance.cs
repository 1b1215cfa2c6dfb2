using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>Where a seeded number comes from: who said it, in what words, and why it is this number.</summary>
/// <param name="Reference">For a value taken from outside the source text: the document or record it comes from; null otherwise.</param>
[GenerateSerializer, Immutable, Alias("summits.provenance")]
public sealed record Provenance([Id(0)] PositionKind Kind, [Id(1)] string Speaker, [Id(2)] ImmutableArray<Quote> Quotes, [Id(3)] string Why, [Id(4)] string? Reference = null)
{
    /// <summary>The speaker name used for a joint statement by both leaders.</summary>
    public const string Both = "both";

    /// <summary>The speaker name used where nobody spoke to the topic.</summary>
    public const string Nobody = "none";
}
