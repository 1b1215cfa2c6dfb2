using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Summits.Grains;

namespace Summits.Hosting;

/// <summary>
/// How soon a silo of a cluster notices that another has died, and how soon a detached world's run resumes after its
/// silo's death, and how fast it goes: the settings <c>Summits:ProbeTimeout</c>, <c>Summits:MissedProbes</c>,
/// <c>Summits:DeathVotes</c>, <c>Summits:MembershipRefresh</c>, <c>Summits:DrivePeriod</c> and <c>Summits:DrivePause</c>,
/// each a whole number. The defaults are Orleans' own (and a world's one-minute reminder, its advances back to back),
/// made for a cluster of machines on a network; the cluster tests shorten them so that a killed silo is declared dead,
/// and its worlds resumed, in seconds.
/// </summary>
/// <param name="ProbeTimeout">
/// How long a silo waits for a probe of another silo before counting it missed, and about how often it probes
/// (Orleans' <see cref="ClusterMembershipOptions.ProbeTimeout"/>; the effective timeout adapts between half and four times
/// it): 1 to <see cref="MostProbeTimeoutSeconds"/> s, whole seconds.
/// </param>
/// <param name="MissedProbes">How many probes in a row a silo misses before another votes it dead (<see cref="ClusterMembershipOptions.NumMissedProbesLimit"/>): 1 to <see cref="MostCount"/>.</param>
/// <param name="DeathVotes">
/// How many silos' votes declare a silo dead (<see cref="ClusterMembershipOptions.NumVotesForDeathDeclaration"/>; fewer
/// when fewer silos are active): 1 to <see cref="MostCount"/>.
/// </param>
/// <param name="MembershipRefresh">How often a silo reads the cluster's membership from its Redis server (<see cref="ClusterMembershipOptions.TableRefreshTimeout"/>): 1 to <see cref="MostRefreshSeconds"/> s, whole seconds.</param>
/// <param name="DrivePeriod">How often a detached world's reminder fires (<see cref="DriveOptions.Period"/>): 1 to <see cref="MostDriveSeconds"/> s, whole seconds.</param>
/// <param name="DrivePause">
/// How long a detached world's run pauses after each advance before the next (<see cref="DriveOptions.Pause"/>): 0 to
/// <see cref="MostDrivePauseMilliseconds"/> ms, whole milliseconds; zero, the default, runs the advances back to back.
/// A pause outside that range given in code is refused by <see cref="DriveOptions.Pause"/>
/// (<see cref="ArgumentOutOfRangeException"/>) when the silo's options are made.
/// </param>
public sealed record ClusterTimings(TimeSpan ProbeTimeout, int MissedProbes, int DeathVotes, TimeSpan MembershipRefresh, TimeSpan DrivePeriod, TimeSpan DrivePause = default)
{
    /// <summary>The largest probe timeout accepted, in seconds.</summary>
    public const int MostProbeTimeoutSeconds = 60;

    /// <summary>The largest count of missed probes, and of votes, accepted.</summary>
    public const int MostCount = 10;

    /// <summary>The longest membership refresh accepted, in seconds: 10 minutes.</summary>
    public const int MostRefreshSeconds = 600;

    /// <summary>The longest drive period accepted, in seconds: an hour.</summary>
    public const int MostDriveSeconds = 3600;

    /// <summary>The longest drive pause accepted, in whole milliseconds: <see cref="DriveOptions.MostPause"/>'s, 5,000.</summary>
    public static int MostDrivePauseMilliseconds { get; } = (int)DriveOptions.MostPause.TotalMilliseconds;

    /// <summary>The key of the probe timeout, a whole number of seconds.</summary>
    public const string ProbeTimeoutKey = SummitsSettings.Section + ":" + nameof(ProbeTimeout);

    /// <summary>The key of the probes missed before a vote, a whole number.</summary>
    public const string MissedProbesKey = SummitsSettings.Section + ":" + nameof(MissedProbes);

    /// <summary>The key of the votes that declare a silo dead, a whole number.</summary>
    public const string DeathVotesKey = SummitsSettings.Section + ":" + nameof(DeathVotes);

    /// <summary>The key of the membership refresh, a whole number of seconds.</summary>
    public const string MembershipRefreshKey = SummitsSettings.Section + ":" + nameof(MembershipRefresh);

    /// <summary>The key of the drive period, a whole number of seconds.</summary>
    public const string DrivePeriodKey = SummitsSettings.Section + ":" + nameof(DrivePeriod);

    /// <summary>The key of the drive pause, a whole number of milliseconds.</summary>
    public const string DrivePauseKey = SummitsSettings.Section + ":" + nameof(DrivePause);

    /// <summary>The names of these settings in section <see cref="SummitsSettings.Section"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [nameof(ProbeTimeout), nameof(MissedProbes), nameof(DeathVotes), nameof(MembershipRefresh), nameof(DrivePeriod), nameof(DrivePause)];

    /// <summary>
    /// Orleans' defaults and a world's: probes of 5 s, 3 missed before a vote, 2 votes, the membership read every 60 s,
    /// a reminder every 60 s, no pause between advances.
    /// </summary>
    public static ClusterTimings Default { get; } =
        new(TimeSpan.FromSeconds(5), 3, 2, TimeSpan.FromSeconds(60), DriveOptions.DefaultPeriod, TimeSpan.Zero);

    /// <summary>
    /// The longest the liveness protocol takes, once a silo has died, to have a silo that probes it cast its vote:
    /// <see cref="MissedProbes"/> probes missed in a row, each waited for at most four times <see cref="ProbeTimeout"/>
    /// (Orleans' largest effective probe timeout). 60 s by default (3 × 4 × 5 s). A silo whose one vote suffices
    /// (<see cref="DeathVotes"/> 1, or a single other silo) declares the death with it.
    /// </summary>
    public TimeSpan VoteWithin => MissedProbes * 4 * ProbeTimeout;

    /// <summary>
    /// Reads and checks the settings of <paramref name="configuration"/>; a setting it does not hold takes its
    /// <see cref="Default"/>.
    /// </summary>
    /// <exception cref="SettingException">
    /// When one is not a whole number in its range: one line naming the setting, its value, where it came from and what
    /// is expected, as <see cref="SummitsSettings.Read"/> says it (<c>Summits:ProbeTimeout is '0' (from environment
    /// variable Summits__ProbeTimeout); expected how many seconds a silo waits for a probe of another: a whole number
    /// from 1 to 60</c>).
    /// </exception>
    public static ClusterTimings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var probe = SummitsSettings.Whole(configuration, ProbeTimeoutKey, 1, MostProbeTimeoutSeconds,
            "how many seconds a silo waits for a probe of another");
        var missed = SummitsSettings.Whole(configuration, MissedProbesKey, 1, MostCount,
            "how many probes in a row a silo misses before another votes it dead");
        var votes = SummitsSettings.Whole(configuration, DeathVotesKey, 1, MostCount,
            "how many silos' votes declare a silo dead");
        var refresh = SummitsSettings.Whole(configuration, MembershipRefreshKey, 1, MostRefreshSeconds,
            "how many seconds apart a silo reads the cluster's membership");
        var drive = SummitsSettings.Whole(configuration, DrivePeriodKey, 1, MostDriveSeconds,
            "how many seconds apart a detached world's reminder fires");
        var pause = SummitsSettings.Whole(configuration, DrivePauseKey, 0, MostDrivePauseMilliseconds,
            "how many milliseconds a detached world's run pauses between two advances");
        return new ClusterTimings(
            probe is { } p ? TimeSpan.FromSeconds(p) : Default.ProbeTimeout,
            missed ?? Default.MissedProbes,
            votes ?? Default.DeathVotes,
            refresh is { } r ? TimeSpan.FromSeconds(r) : Default.MembershipRefresh,
            drive is { } d ? TimeSpan.FromSeconds(d) : Default.DrivePeriod,
            pause is { } ms ? TimeSpan.FromMilliseconds(ms) : Default.DrivePause);
    }

    /// <summary>
    /// Gives <paramref name="silo"/>, a silo of a cluster, these timings: its membership options, its worlds' drive
    /// period and pause, and Orleans' shortest reminder period lowered to the drive period when that is shorter than Orleans'
    /// minute, since Orleans refuses a reminder more frequent than it.
    /// </summary>
    public void ApplyTo(ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = ProbeTimeout;
            // Orleans' own bounds of the adapted timeout, half and four times the probe timeout, kept with it.
            o.MinProbeTimeout = ProbeTimeout / 2;
            o.MaxProbeTimeout = ProbeTimeout * 4;
            o.NumMissedProbesLimit = MissedProbes;
            o.NumVotesForDeathDeclaration = DeathVotes;
            o.TableRefreshTimeout = MembershipRefresh;
        });
        silo.Configure<ReminderOptions>(o =>
        {
            if (DrivePeriod < o.MinimumReminderPeriod)
                o.MinimumReminderPeriod = DrivePeriod;
        });
        silo.Services.Configure<DriveOptions>(o =>
        {
            o.Period = DrivePeriod;
            o.Pause = DrivePause;
        });
    }
}
