using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Model.Tests;

/// <summary>Runs a scenario on a world held in plain objects and hands back what it did.</summary>
internal static class LocalRun
{
    public static async Task<(ImmutableArray<TimelineEvent> Timeline, LocalWorld World)> Of(World world, Scenario scenario)
    {
        var local = new LocalWorld(world);
        var state = RunState.Begin(scenario, world);
        var timeline = await new ScenarioRunner(local, state).RunToEndAsync();
        return (timeline, local);
    }

    public static Scenario Scenario(ModelParameters parameters, params Step[] steps) => new("test", "", 1, parameters, [.. steps]);

    public static RoundsStep Rounds(int count, string? opener = null, params string[] topics) =>
        new("rounds", 1, count, [.. topics], AgreementRule.Unanimity, opener);

    public static ModelParameters NoInfluence { get; } = ModelParameters.Default with { InfluenceRate = 0 };
}
