using System.Collections.Immutable;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Classroom;

/// <summary>
/// The debrief of a table as its play stands, worked out by the exercise's own debrief (<see cref="Debrief.Of"/>) for
/// each country, as <c>summits exercise</c> works it out for a play by two players: the predictions against the
/// simulation and the record, the score with its working, and the record's facts against how the play ended. A table
/// plays no numbered rounds, so its play is all the exercise's debrief reads of it.
/// </summary>
public static class TableDebrief
{
    /// <summary>
    /// Each country's debrief, in the exercise's order of roles. A country whose team has answered no predictions is
    /// scored on its agreements alone, with no prediction lines (<see cref="Answered"/> tells them apart).
    /// </summary>
    public static ImmutableArray<Debrief> Of(Exercise exercise, TableView view)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(view);
        var run = Run(exercise, view);
        return [.. exercise.Roles.Select(role =>
        {
            var answered = view.Predictions.Where(p => p.Actor == role.Actor).ToImmutableSortedDictionary(p => p.Question, p => p.Answer, StringComparer.Ordinal);
            var asked = answered.Count == exercise.Predictions.Length ? exercise : exercise with { Predictions = [] };
            return Debrief.Of(asked, Answers(view, role.Actor, answered), run);
        })];
    }

    /// <summary>Whether <paramref name="debrief"/>'s team answered the exercise's prediction questions (an exercise with none counts as answered).</summary>
    public static bool Answered(Exercise exercise, Debrief debrief) => debrief.Predictions.Length == exercise.Predictions.Length;

    /// <summary>
    /// What the simulation did, in the debrief's words, for each prediction question, in the exercise's order: the same
    /// whatever a team answered, so read from the debrief of answers that take each question's first choice.
    /// </summary>
    public static ImmutableArray<PredictionResult> Simulation(Exercise exercise, TableView view)
    {
        var first = exercise.Roles[0].Actor;
        var placeholder = exercise.Predictions.ToImmutableSortedDictionary(q => q.Id,
            q => q.IsValue ? "0" : q.IsChoice ? q.Options[0].Id : Prediction.Choices[0], StringComparer.Ordinal);
        return Debrief.Of(exercise, Answers(view, first, placeholder), Run(exercise, view)).Predictions;
    }

    /// <summary>The agreement of the two countries in force on <paramref name="topic"/> (<see cref="Debrief.InForce"/>), in words: <c>nk-maximum-pressure at 93, strained</c>, or <c>none</c>.</summary>
    public static string InForce(Exercise exercise, TableView view, string topic)
    {
        var agreement = Debrief.InForce(view.Final, topic, exercise.Roles[0].Actor, exercise.Roles[1].Actor);
        return agreement is null ? "none" : $"{agreement.Id} at {Debrief.Text(agreement.Terms[topic])}, {KebabCase.Of(agreement.Status)}";
    }

    private static ExerciseAnswers Answers(TableView view, string actor, ImmutableSortedDictionary<string, string> predictions) =>
        new($"table {view.Table}", actor, predictions, []) { Players = 2 };

    /// <summary>The table's play as a run: from the exercise's world to the world the table's last replay ended with.</summary>
    private static RunResult Run(Exercise exercise, TableView view)
    {
        var scenario = new Scenario(exercise.Id, exercise.Title, exercise.Seed, exercise.World.ParametersFor(ModelParameters.Default), []);
        return new RunResult(new LoadedScenario(exercise.Path, exercise.WorldPath, scenario, exercise.World), exercise.World, view.Final, view.Timeline, 0);
    }
}
