namespace Summits.Grains;

/// <summary>
/// How a detached world's run is driven (<see cref="IWorldGrain.Drive"/>): how often its reminder fires, the longest a run
/// whose silo died waits, once the cluster has declared that silo dead, before another silo resumes it; and how long the
/// run pauses between two advances. A silo of a cluster takes them from <c>Summits:DrivePeriod</c> and
/// <c>Summits:DrivePause</c>.
/// </summary>
public sealed class DriveOptions
{
    /// <summary>The period when none is configured: 1 minute, Orleans' own shortest reminder period.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How often the drive reminder fires: positive; <see cref="DefaultPeriod"/> unless set.</summary>
    public TimeSpan Period { get; set; } = DefaultPeriod;

    /// <summary>
    /// The longest pause between two advances: 5 s, half the 10 s after which a watch of the world says that its run has
    /// written nothing, so that a paced run is never taken for a stalled one.
    /// </summary>
    public static readonly TimeSpan MostPause = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the run waits after each advance before it starts the next: zero to <see cref="MostPause"/>,
    /// <see cref="TimeSpan.Zero"/> (the next advance at once) unless set. Calls to the world are answered in the pause, as
    /// between any two advances.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When set below zero or above <see cref="MostPause"/>.</exception>
    public TimeSpan Pause
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MostPause);
            field = value;
        }
    } = TimeSpan.Zero;
}
