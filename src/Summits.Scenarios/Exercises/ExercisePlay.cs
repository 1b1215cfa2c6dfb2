using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// An exercise played with a student's answers, as a scenario of the exercise's world. In each round come the
/// facilitator's injects for that round, then the proposals of that round, each answered by the other side.
/// When the model plays the other side, it then makes its own offer on the table's topics before the next
/// round, as its delegation does in a <c>rounds</c> step (its tactic's offer at τ = round / round limit), and
/// the student's side answers it as the answers say (rejects it when they say nothing). A proposal with a deadline
/// is judged at the time the play has reached (<see cref="Opens"/>), one without at τ = 1. With two players, a
/// proposal the other player's answers leave unanswered is rejected in the same way: the model never answers for
/// a player. The scenario runs
/// through the one runner, locally or in grains.
/// </summary>
public static class ExercisePlay
{
    /// <summary>The reason a player's answer carries in the timeline.</summary>
    public const string PlayersAnswer = "the player's answer";

    /// <param name="throughRound">The last round to play (1 to the round limit); null plays every round, as a whole play does.</param>
    /// <param name="offers">Whether the model's offer ends each round before the last; a play at the keyboard asks for the round's proposals first.</param>
    public static LoadedScenario Scenario(Exercise exercise, ExerciseAnswers answers, int? throughRound = null, bool offers = true)
    {
        var steps = ImmutableArray.CreateBuilder<Step>();
        steps.AddRange(answers.Responses);
        var last = throughRound ?? exercise.Rounds;
        var other = exercise.Opposite(answers.Role).Actor;
        if (answers.Players == 1)
        {
            // An offer the answers leave unanswered is rejected: a response naming the step of the model's offers
            // answers each of its offers that has no answer of its own.
            for (var round = 1; round < exercise.Rounds; round++)
                steps.Add(new RespondStep($"not-taken-up-{round}", 0, answers.Role, OfferStepId(round, other), new ScriptedAnswer(Response.Reject, [], NotTakenUp)));
        }
        else
        {
            // With two players each side is a person: a proposal the other player's answers leave unanswered is
            // rejected as no answer, never answered by the model in that player's place.
            var answered = answers.Responses.Select(r => r.Proposal).ToHashSet(StringComparer.Ordinal);
            foreach (var (p, k) in answers.Proposals.Where(p => !answered.Contains(p.Proposal.Id)).Select((p, k) => (p, k)))
                steps.Add(new RespondStep($"not-answered-{k + 1}", p.Proposal.Line, exercise.Opposite(p.Proposal.From).Actor, p.Proposal.Id, new ScriptedAnswer(Response.Reject, [], NotTakenUp)));
        }
        for (var round = 1; round <= last; round++)
        {
            var injects = exercise.Injects.Where(i => i.Round == round).ToList();
            for (var k = 0; k < injects.Count; k++)
                steps.Add(injects[k].Shock with { Id = $"r{round}-inject-{k + 1}" });
            steps.AddRange(answers.Proposals.Where(p => p.Round == round).Select(p => (Step)(p.Proposal with { Opens = Opens(round, exercise.Rounds) })));
            if (answers.Players == 1 && round < exercise.Rounds && (round < last || offers))
                steps.Add(new RoundsStep(OfferStepId(round, other), 0, exercise.Rounds, exercise.Topics, AgreementRule.Unanimity, other, round));
        }
        var about = $"{exercise.Title}, played as {answers.Role} against {other}";
        var scenario = new Scenario(exercise.Id, about, exercise.Seed, exercise.World.ParametersFor(ModelParameters.Default), steps.ToImmutable());
        return new LoadedScenario(exercise.Path, exercise.WorldPath, scenario, exercise.World);
    }

    /// <summary>
    /// How far a play of <paramref name="rounds"/> rounds has come through its time limit when a proposal of
    /// <paramref name="round"/> is made, the τ at which a proposal with a deadline is judged: (round − 1) / rounds, the τ
    /// of the model's offers that ended the round before (round k of N is τ = k / N, as in a <c>rounds</c> step), 0 in
    /// round 1. In round 2 of 3 it is 1/3, a third of the way. A proposal without a deadline is judged at τ = 1.
    /// </summary>
    public static double Opens(int round, int rounds) => (double)(round - 1) / rounds;

    /// <summary>The reason in the timeline of an offer or, with two players, a proposal the answers leave unanswered, which is rejected.</summary>
    public const string NotTakenUp = "no answer given, so it is rejected";

    /// <summary>The id of a role's <paramref name="n"/>-th proposal (from 1) in a round.</summary>
    public static string ProposalId(int round, string from, int n) => $"r{round}-{from}-{n}";

    /// <summary>The id of the step in which the model's <paramref name="actor"/> offers at the end of <paramref name="round"/>; each offer's id is this, <c>.r1.</c>, and its topics joined by <c>+</c>.</summary>
    public static string OfferStepId(int round, string actor) => $"r{round}-{actor}-offer";

    /// <summary>Whether <paramref name="id"/> names an offer the model's <paramref name="actor"/> can make between rounds: a round before the last, and topics on the table in the table's order.</summary>
    public static bool IsOfferId(Exercise exercise, string actor, string id)
    {
        for (var round = 1; round < exercise.Rounds; round++)
        {
            var prefix = $"{OfferStepId(round, actor)}.r1.";
            if (!id.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var topics = id[prefix.Length..].Split('+');
            var order = topics.Select(t => exercise.Topics.IndexOf(t)).ToList();
            return order.All(i => i >= 0) && order.Zip(order.Skip(1)).All(pair => pair.First < pair.Second);
        }
        return false;
    }
}
