namespace Summits.Model;

/// <summary>Where a quote stands in the source text: 1-based line and column, and the paragraph number.</summary>
[GenerateSerializer, Immutable]
public readonly record struct SourceLocation(int Line, int Column, int Paragraph)
{
    public override string ToString() => $"line {Line}, column {Column} (paragraph {Paragraph})";
}
