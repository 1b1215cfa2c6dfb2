using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// An exercise played with a student's answers, as a scenario of the exercise's world: in each round the
/// facilitator's injects for that round, then the student's proposals to the other role, which the model
/// answers. The scenario runs through the one runner, locally or in grains.
/// </summary>
public static class ExercisePlay
{
    /// <param name="throughRound">The last round to play (1 to the round limit); null plays every round, as a whole play does.</param>
    public static LoadedScenario Scenario(Exercise exercise, ExerciseAnswers answers, int? throughRound = null)
    {
        var steps = ImmutableArray.CreateBuilder<Step>();
        for (var round = 1; round <= (throughRound ?? exercise.Rounds); round++)
        {
            var injects = exercise.Injects.Where(i => i.Round == round).ToList();
            for (var k = 0; k < injects.Count; k++)
                steps.Add(injects[k].Shock with { Id = $"r{round}-inject-{k + 1}" });
            steps.AddRange(answers.Proposals.Where(p => p.Round == round).Select(p => (Step)p.Proposal));
        }
        var about = $"{exercise.Title}, played as {answers.Role} against {exercise.Opposite(answers.Role).Actor}";
        var scenario = new Scenario(exercise.Id, about, exercise.Seed, exercise.World.ParametersFor(ModelParameters.Default), steps.ToImmutable());
        return new LoadedScenario(exercise.Path, exercise.WorldPath, scenario, exercise.World);
    }
}
