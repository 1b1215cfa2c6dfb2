using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// The quick forecast of a world without a scenario: autonomous rounds on every open topic until
/// agreement, convergence or the round limit, as KTAB users run their tables.
/// </summary>
public static class Forecast
{
    public const string StepId = "forecast";

    public static LoadedScenario Of(string worldPath, int rounds, ulong seed)
    {
        var world = WorldFile.Load(worldPath);
        var step = new RoundsStep(StepId, 0, rounds, [], AgreementRule.Unanimity);
        var scenario = new Scenario($"forecast-{world.Id}", $"{rounds} rounds of autonomous bargaining on {world.Id}", seed, ModelParameters.Default, [step]);
        return new LoadedScenario(worldPath, worldPath, scenario, world);
    }
}
