namespace Summits.Grains;

/// <summary>
/// How often the reminder of a detached world's run fires (<see cref="IWorldGrain.Drive"/>): the longest a run whose
/// silo died waits, once the cluster has declared that silo dead, before another silo resumes it. A silo of a cluster
/// takes it from <c>Summits:DrivePeriod</c>.
/// </summary>
public sealed class DriveOptions
{
    /// <summary>The period when none is configured: 1 minute, Orleans' own shortest reminder period.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How often the drive reminder fires: positive; <see cref="DefaultPeriod"/> unless set.</summary>
    public TimeSpan Period { get; set; } = DefaultPeriod;
}
