using Summits.Model;

namespace Summits.Scenarios;

/// <summary>One named alternative of a fork: the shared steps before the fork followed by this branch's own.</summary>
public sealed record ScenarioBranch(string Name, Scenario Scenario);
