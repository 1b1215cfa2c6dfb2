namespace Summits.Scenarios;

/// <summary>A place in an input file: 1-based line and column.</summary>
/// <param name="File">The file as it is read; said as the person named it (<see cref="InputPath.Said"/>).</param>
public readonly record struct FilePosition(string File, int Line, int Column)
{
    /// <summary>The place as errors say it, <c>FILE:LINE:COLUMN</c>, the file as the person named it.</summary>
    public override string ToString() => $"{InputPath.Said(File)}:{Line}:{Column}";
}
