namespace Summits.Model;

/// <summary>The headers a topic's position and salience columns had in the KTAB table it was imported from, as written.</summary>
[GenerateSerializer, Immutable]
public sealed record KtabColumns(string Position, string Salience);
