namespace Summits.Model;

/// <summary>Where a quote stands in the source text: 1-based line and column (counted in characters, an emoji one), and the paragraph number.</summary>
[GenerateSerializer, Immutable, Alias("summits.source-location")]
public readonly record struct SourceLocation([Id(0)] int Line, [Id(1)] int Column, [Id(2)] int Paragraph)
{
    public override string ToString() => $"line {Line}, column {Column} (paragraph {Paragraph})";
}
