namespace Summits.Model;

/// <summary>A verbatim excerpt of the source and where it stands.</summary>
[GenerateSerializer, Immutable]
public sealed record Quote(string Text, SourceLocation Location);
