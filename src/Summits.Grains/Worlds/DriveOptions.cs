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
    /// How long the run waits after each advance before it starts the next: zero or more, <see cref="TimeSpan.Zero"/>
    /// (the next advance at once) unless set. Calls to the world are answered in the pause, as between any two advances.
    /// </summary>
    public TimeSpan Pause { get; set; } = TimeSpan.Zero;
}
