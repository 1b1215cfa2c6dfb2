namespace Summits.Grains;

/// <summary>
/// The persisted state of a country or topic grain as it was before the advance that last changed it:
/// a retry of that advance starts again from <see cref="Before"/>, so it sees what the first try saw.
/// </summary>
[GenerateSerializer, Alias("summits.checkpoint`1")]
public sealed class Checkpoint<T>
{
    /// <summary>The advance that began from <see cref="Before"/>; null before any advance reached the grain.</summary>
    [Id(0)] public int? Advance { get; set; }

    [Id(1)] public T? Before { get; set; }
}
