using System.Collections.Immutable;

namespace Summits.Scenarios;

/// <summary>Where a scenario forks, and its named branches in file order.</summary>
public sealed record ScenarioFork(FilePosition At, ImmutableArray<ScenarioBranch> Branches)
{
    public IEnumerable<string> Names => Branches.Select(b => b.Name);
}
