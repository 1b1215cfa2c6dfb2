namespace Summits.Scenarios;

/// <summary>A place in an input file: 1-based line and column.</summary>
public readonly record struct FilePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
