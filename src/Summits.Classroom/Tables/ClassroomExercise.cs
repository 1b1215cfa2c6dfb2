using Summits.Scenarios;

namespace Summits.Classroom;

/// <summary>The exercise a classroom plays at every table, loaded and checked once when the classroom starts.</summary>
/// <param name="Exercise">The exercise; its two roles are the countries at each table.</param>
/// <param name="Id">The classroom's id, which begins every table's key (<see cref="TableKey.Of"/>).</param>
/// <param name="Tables">How many tables the classroom has, 1 to <see cref="MostTables"/>.</param>
public sealed record ClassroomExercise(Exercise Exercise, string Id, int Tables)
{
    /// <summary>The most tables a classroom holds: 30, a class of sixty in pairs.</summary>
    public const int MostTables = 30;
}
