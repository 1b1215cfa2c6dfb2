using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// What a scenario file says above its steps and every script of it runs with: the scenario itself and each branch
/// of its fork are made here, from the same settings, so that no branch runs without one of them.
/// </summary>
/// <param name="Id">The scenario's name (<c>scenario</c>); a branch's is <c>NAME#BRANCH</c>.</param>
/// <param name="About">What the scenario asks (<c>about</c>); empty when the file says nothing.</param>
/// <param name="Seed">The seed of the world's random generator (<c>seed</c>, or <c>--seed</c> in its place).</param>
/// <param name="Model">The model that runs the <c>rounds</c> steps (<c>model</c>): the bargaining model unless the file says <c>smp</c>.</param>
/// <param name="Parameters">The bargaining model's parameters (<c>model</c> as a mapping), as the world reads its saliences.</param>
public sealed record ScenarioSettings(string Id, string About, ulong Seed, ForecastModel Model, ModelParameters Parameters)
{
    /// <summary>
    /// The scenario that runs <paramref name="steps"/> with these settings: under the spatial model each <c>rounds</c>
    /// step becomes a step of as many turns of it (<see cref="SmpTurnsStep"/>).
    /// </summary>
    /// <param name="steps">The steps as read, the shared steps first for a branch.</param>
    /// <param name="branch">The branch of the fork these steps are, or null for the scenario itself.</param>
    public Scenario Script(ImmutableArray<Step> steps, string? branch = null) =>
        new(branch is null ? Id : $"{Id}#{branch}", About, Seed, Parameters,
            Model == ForecastModel.Smp ? [.. steps.Select(s => s is RoundsStep r ? new SmpTurnsStep(r.Id, r.Line, r.Count) : s)] : steps);

    /// <summary>
    /// Why these settings cannot run <paramref name="steps"/>, in words for the file's reader; null when they can. The
    /// spatial model runs only as <c>rounds</c> steps: a script with none would run no turn of it and end with no
    /// forecast, as if the bargaining model had run.
    /// </summary>
    /// <param name="steps">The steps as read, the shared steps first for a branch.</param>
    /// <param name="branch">The branch of the fork these steps are, or null for the scenario itself.</param>
    public string? Unrunnable(ImmutableArray<Step> steps, string? branch = null) =>
        Model == ForecastModel.Smp && !steps.Any(s => s is RoundsStep)
            ? branch is null
                ? "'model: smp' runs the scenario's rounds steps as turns of KTAB's spatial model, and this scenario has none, so it would run no turn of it; "
                    + "add a step such as '{ id: converge, rounds: 100 }', or leave 'model' out"
                : $"'model: smp' runs the scenario's rounds steps as turns of KTAB's spatial model, and the branch '{branch}' has none, before the fork or in it, "
                    + "so it would run no turn of it; add a step such as '{ id: converge, rounds: 100 }' to the branch or before the fork"
            : null;
}
