namespace Summits.Grains;

/// <summary>
/// What a country or topic grain's commit writes, in one storage write: the state the advance that last changed it
/// began from (<see cref="Before"/>), so that a retry of that advance starts again from it and sees what the first
/// try saw, and the state that advance left (<see cref="After"/>).
/// </summary>
[GenerateSerializer, Alias("summits.checkpoint`1")]
public sealed class Checkpoint<T>
{
    /// <summary>The advance that began from <see cref="Before"/>; null before any advance reached the grain.</summary>
    [Id(0)] public int? Advance { get; set; }

    /// <summary>The state before advance <see cref="Advance"/>; null before any advance reached the grain.</summary>
    [Id(1)] public T? Before { get; set; }

    /// <summary>
    /// The state as the last commit left it, the grain's state; null when no commit has written it (a grain seeded
    /// and not changed since, or one stored by a version that wrote the state on its own), whose state is then the
    /// one stored beside the checkpoint.
    /// </summary>
    [Id(2)] public T? After { get; set; }
}
