using Summits.Model;

namespace Summits.Scenarios;

/// <summary>A world imported from KTAB tables, and, per table, the actors left out because not every table names them.</summary>
/// <param name="OverFull">Actors whose saliences, added over every table, sum above 100, each as <c>ID (SUM)</c>; empty for a single table, which refuses such rows.</param>
public sealed record KtabWorld(World World, IReadOnlyList<string> LeftOut, IReadOnlyList<string> OverFull)
{
    /// <summary>The one line that says which actors' saliences sum above 100 and what that means; null when none do.</summary>
    public string? OverFullNote => OverFull.Count == 0 ? null
        : $"the saliences of {OverFull.Count} of {World.Actors.Length} actors sum above 100 over the tables ({Listed.AndMore(OverFull, 3)}): each table's are shares of its own, so the world keeps them per topic; the spatial model divides each such actor's by their sum";
}
