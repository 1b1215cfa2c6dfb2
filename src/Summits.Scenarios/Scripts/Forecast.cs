using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// The quick forecast of a world without a scenario: autonomous bargaining rounds on every open topic
/// until agreement, convergence or the round limit, or (with the spatial model) KTAB's SMP turns
/// until its stopping rule, as KTAB users run their tables.
/// </summary>
public static class Forecast
{
    public const string StepId = "forecast";

    public static LoadedScenario Of(string worldPath, int rounds, ulong seed, ForecastModel model = ForecastModel.Bargaining)
    {
        var world = WorldFile.Load(worldPath);
        if (model == ForecastModel.Smp)
        {
            SmpCheck.Table(worldPath, world);
            var turns = new SmpTurnsStep(StepId, 0, rounds);
            return new LoadedScenario(worldPath, worldPath,
                new Scenario($"forecast-{world.Id}", $"Up to {Counted.Of(rounds, "turn")} of KTAB's spatial model of politics on {world.Id}.", seed, world.ParametersFor(ModelParameters.Default), [turns]),
                world);
        }
        var step = new RoundsStep(StepId, 0, rounds, [], AgreementRule.Unanimity);
        var scenario = new Scenario($"forecast-{world.Id}", $"{Counted.Of(rounds, "round")} of autonomous bargaining on {world.Id}.", seed, world.ParametersFor(ModelParameters.Default), [step]);
        return new LoadedScenario(worldPath, worldPath, scenario, world);
    }
}
