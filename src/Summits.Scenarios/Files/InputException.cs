namespace Summits.Scenarios;

/// <summary>A mistake in a file a person wrote: where it is and what would be right.</summary>
public sealed class InputException(FilePosition position, string problem) : Exception($"{position}: {problem}")
{
    public FilePosition Position { get; } = position;

    public string Problem { get; } = problem;
}
