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

    /// <summary>
    /// The most topics a table holds: seven, so that a round's menu at the keyboard, a choice for each topic, one for a
    /// package and one to end the round, is at most nine choices, each one key from 1 to 9.
    /// </summary>
    public const int MostTopics = 7;
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

/// <summary>
/// A question asked before play: will the roles end with an agreement in force on a topic (yes or no), where will an
/// actor's position end (0–100), or which of two to six outcomes will the play end with (multiple choice).
/// </summary>
/// <param name="Topic">The topic of an agreement or a value question; for a multiple-choice question, the first option's.</param>
/// <param name="Actor">For a value question, whose position; null for the other kinds.</param>
/// <param name="Points">The most the answer earns.</param>
public sealed record Prediction(string Id, string Ask, string Topic, string? Actor, double Points)
{
    /// <summary>The options of a multiple-choice question, two to six, in the file's order; empty for the other kinds.</summary>
    public ImmutableArray<PredictionOption> Options { get; init; } = [];

    public bool IsValue => Actor is not null;

    public bool IsChoice => !Options.IsDefaultOrEmpty;

    /// <summary>Every topic the question bears on: its topic, or each of its options' topics once, in order.</summary>
    public IEnumerable<string> Topics => IsChoice ? Options.Select(o => o.Topic).Distinct() : [Topic];

    /// <summary>The choices of an agreement question.</summary>
    public static readonly string[] Choices = ["yes", "no"];

    /// <summary>The fewest and the most options of a multiple-choice question.</summary>
    public const int FewestOptions = 2, MostOptions = 6;
}

/// <summary>
/// One option of a multiple-choice question: an outcome the simulation's end decides. The answer names the option by
/// <see cref="Id"/>; <see cref="Says"/> is what the student reads.
/// </summary>
/// <param name="Topic">The topic on the table the outcome is about.</param>
/// <param name="Actor">For <see cref="OptionKind.MovesMore"/>, the role that is to move further; null for the other kinds.</param>
public sealed record PredictionOption(string Id, string Says, OptionKind Kind, string Topic, string? Actor);

/// <summary>
/// What decides an option of a multiple-choice question, at the end of the play: <see cref="Agreement"/>, an agreement
/// of the two roles in force (holding or strained) on the topic; <see cref="NoAgreement"/>, none; <see cref="MovesMore"/>,
/// the actor's position ends further from its start than the other role's does, each distance at four decimals as shown (<see cref="Figures.Shown"/>; a tie is
/// neither side's).
/// </summary>
public enum OptionKind
{
    Agreement = 0,
    NoAgreement = 1,
    MovesMore = 2,
}

/// <summary>
/// The points of an exercise: <see cref="Agreement"/> for an agreement at the role's own starting position on
/// a topic of weight 1, falling in a straight line to 0 at its reservation value; <see cref="BeyondReservation"/>
/// for one past it; <see cref="Breach"/> per agreement binding the role that ends breached;
/// <see cref="MustNotGiveUp"/> per agreement past a limit; a value prediction loses a point per full
/// <see cref="ValueStep"/> points of error.
/// </summary>
public sealed record Scoring(double Agreement = 10, double BeyondReservation = -5, double Breach = -10, double MustNotGiveUp = -20, double ValueStep = 5);
