namespace Summits.Model;

/// <summary>The headers a topic's position and salience columns had in the KTAB table it was imported from, as written.</summary>
[GenerateSerializer, Immutable, Alias("summits.ktab-columns")]
public sealed record KtabColumns([Id(0)] string Position, [Id(1)] string Salience);
