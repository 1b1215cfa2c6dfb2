using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Scenarios;

/// <summary>
/// A teaching exercise on a world: the roles students play, what they learn, the questions they answer
/// before play, the facilitator's injects, the round limit, and the scoring a student can check by hand.
/// </summary>
/// <param name="Topics">The topics on the table: the only ones a proposal may name.</param>
/// <param name="Others">Whether the world's other actors are played by the model or kept off the table.</param>
/// <param name="Record">What happened after the summit, which the debrief compares with; null when the exercise names none.</param>
public sealed record Exercise(
    string Id,
    string Title,
    string About,
    string Path,
    string WorldPath,
    World World,
    ulong Seed,
    int Rounds,
    OthersAtTable Others,
    ImmutableArray<string> Topics,
    ImmutableArray<string> Objectives,
    string FacilitatorNote,
    ImmutableArray<ExerciseRole> Roles,
    ImmutableArray<Prediction> Predictions,
    ImmutableArray<Inject> Injects,
    Scoring Scoring,
    SummitRecord? Record)
{
    public ExerciseRole Role(string actor) => Roles.First(r => r.Actor == actor);

    /// <summary>The role across the table from <paramref name="actor"/>'s.</summary>
    public ExerciseRole Opposite(string actor) => Roles.First(r => r.Actor != actor);
}

/// <summary>Who plays the actors that hold no role: the model, or nobody (no inject may name them).</summary>
public enum OthersAtTable
{
    Model = 0,
    Off = 1,
}

/// <summary>A facilitator's inject: a shock of the scenario format, delivered at the start of a round (1-based).</summary>
public sealed record Inject(int Round, ShockStep Shock);

/// <summary>
/// A role's confidential instructions: the weight of each topic on the table (its priority), the
/// reservation value on each (the worst it may accept, 0–100), and the limits it must not give up.
/// </summary>
public sealed record ExerciseRole(
    string Actor,
    ImmutableSortedDictionary<string, double> Priorities,
    ImmutableSortedDictionary<string, double> Reservations,
    ImmutableArray<Limit> MustNotGiveUp);

/// <summary>A line the role must not cross: no agreement on <see cref="Topic"/> beyond <see cref="Value"/>, seen from the role's own position.</summary>
public sealed record Limit(string Topic, double Value, string Why);

/// <summary>A question asked before play: will the roles end with an agreement holding on a topic (yes or no), or where will an actor's position end (0–100).</summary>
/// <param name="Actor">For a value question, whose position; null for an agreement question.</param>
/// <param name="Points">The most the answer earns.</param>
public sealed record Prediction(string Id, string Ask, string Topic, string? Actor, double Points)
{
    public bool IsValue => Actor is not null;

    /// <summary>The choices of an agreement question.</summary>
    public static readonly string[] Choices = ["yes", "no"];
}

/// <summary>
/// The points of an exercise: <see cref="Agreement"/> for an agreement at the role's own starting position on
/// a topic of weight 1, falling in a straight line to 0 at its reservation value; <see cref="BeyondReservation"/>
/// for one past it; <see cref="Breach"/> per agreement binding the role that ends breached;
/// <see cref="MustNotGiveUp"/> per agreement past a limit; a value prediction loses a point per full
/// <see cref="ValueStep"/> points of error.
/// </summary>
public sealed record Scoring(double Agreement = 10, double BeyondReservation = -5, double Breach = -10, double MustNotGiveUp = -20, double ValueStep = 5);
