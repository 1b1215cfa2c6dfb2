using Summits.Model;

namespace Summits.Grains;

/// <summary>The persisted state of a country grain.</summary>
[GenerateSerializer]
public sealed class CountryState
{
    [Id(0)] public Actor? Actor { get; set; }

    [Id(1)] public SortedDictionary<string, Position> Positions { get; set; } = new(StringComparer.Ordinal);
}
