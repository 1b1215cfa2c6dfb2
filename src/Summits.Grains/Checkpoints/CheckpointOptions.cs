namespace Summits.Grains;

/// <summary>
/// How often a world's run is written to storage: the configuration section <c>Summits</c>, key
/// <c>CheckpointEvery</c> (<c>Summits:CheckpointEvery</c>), or <c>--checkpoint-every</c> on <c>summits run</c> and
/// <c>summits whatif</c>. A world reads it when its scenario starts and keeps it for the whole run.
/// </summary>
public sealed class CheckpointOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string Section = "Summits";

    /// <summary>The largest interval accepted.</summary>
    public const int Most = 1000;

    /// <summary>
    /// The interval when none is configured or given: a checkpoint every 100 advances and at the run's last. At it the
    /// bench's single-recipient proposals cost 3.9 grain calls each, against 13.0 at every advance (architecture.md,
    /// "Checkpoints"); a world whose silo dies runs at most 99 advances again, to the same events.
    /// </summary>
    public const int DefaultEvery = 100;

    /// <summary>
    /// Write every N-th advance (1 to <see cref="Most"/>, <see cref="DefaultEvery"/> unless set; 1 writes every advance)
    /// and the run's last. Between checkpoints countries, topics and the world keep their changes in memory.
    /// </summary>
    public int CheckpointEvery { get; set; } = DefaultEvery;

    /// <summary>Refuses an interval outside 1 to <see cref="Most"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="every"/> is below 1 or above <see cref="Most"/>.</exception>
    public static int Checked(int every) => every is >= 1 and <= Most
        ? every
        : throw new ArgumentOutOfRangeException(nameof(every), every, $"Summits:CheckpointEvery must be a whole number from 1 to {Most}, not {every}");
}
