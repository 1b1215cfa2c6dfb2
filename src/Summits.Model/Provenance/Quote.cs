namespace Summits.Model;

/// <summary>A verbatim excerpt of the source and where it stands.</summary>
[GenerateSerializer, Immutable, Alias("summits.quote")]
public sealed record Quote([Id(0)] string Text, [Id(1)] SourceLocation Location);
