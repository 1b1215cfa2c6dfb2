using Summits.Model;

namespace Summits.Scenarios;

/// <summary>A world imported from KTAB tables, and, per table, the actors left out because not every table names them.</summary>
public sealed record KtabWorld(World World, IReadOnlyList<string> LeftOut);
