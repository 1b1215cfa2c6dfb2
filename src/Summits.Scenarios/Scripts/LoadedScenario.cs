using Summits.Model;

namespace Summits.Scenarios;

/// <summary>A scenario file as loaded: the scenario, the world it runs on (with the scenario's overrides applied), and where both came from.</summary>
public sealed record LoadedScenario(string Path, string WorldPath, Scenario Scenario, World World);
