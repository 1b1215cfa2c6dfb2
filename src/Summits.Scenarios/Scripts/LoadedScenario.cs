using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>A scenario file as loaded: the scenario, the world it runs on (with the scenario's overrides applied), and where both came from.</summary>
/// <remarks>A forked scenario's <see cref="Scenario"/> holds the shared steps only; <see cref="Fork"/> holds each branch in full.</remarks>
public sealed record LoadedScenario(string Path, string WorldPath, Scenario Scenario, World World)
{
    /// <summary>The inputs a what-if study draws anew for each sample, besides the world's own intervals.</summary>
    public ImmutableArray<Variation> Vary { get; init; } = [];

    public ScenarioFork? Fork { get; init; }

    /// <summary>The same file with the named branch's steps in place of the fork, or null if there is no such branch.</summary>
    public LoadedScenario? Branch(string name) =>
        Fork?.Branches.FirstOrDefault(b => b.Name == name) is { } branch
            ? this with { Scenario = branch.Scenario, Fork = null }
            : null;
}
