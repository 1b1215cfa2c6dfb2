namespace Summits.Classroom;

/// <summary>
/// A data folder that keeps a classroom other than the one asked for (another exercise, another number of tables), or
/// codes that cannot be read; the message is one line naming the folder and what to do.
/// </summary>
public sealed class ClassroomDataException(string message) : Exception(message);
