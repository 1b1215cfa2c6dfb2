using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Summits.Hosting;

namespace Summits.Grains.Tests;

/// <summary>
/// The cluster's timings (<c>Summits:ProbeTimeout</c>, <c>MissedProbes</c>, <c>DeathVotes</c>, <c>MembershipRefresh</c>,
/// <c>DrivePeriod</c>, <c>DrivePause</c>) read from standard .NET configuration, and given by <c>AddSummits</c> to a silo
/// of a cluster as Orleans' membership and reminder options and the worlds' drive period and pause.
/// </summary>
public sealed class ClusterTimingsTests
{
    private static readonly string Nowhere = Path.Combine(Path.GetTempPath(), "summits-timings-" + Guid.NewGuid().ToString("N"));

    private static ClusterTimings Read(Hashtable environment) =>
        SummitsSettings.Read(SummitsSettings.Configuration(Nowhere, environment)).Timings;

    [Fact]
    public void Without_settings_the_timings_are_Orleans_defaults_and_a_one_minute_reminder()
    {
        // Orleans' ClusterMembershipOptions: ProbeTimeout 5 s, NumMissedProbesLimit 3, NumVotesForDeathDeclaration 2,
        // TableRefreshTimeout 60 s; the world's reminder every minute, Orleans' shortest reminder period; no pause between
        // a detached run's advances.
        var timings = Read([]);

        Assert.Equal(new ClusterTimings(TimeSpan.FromSeconds(5), 3, 2, TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(1), TimeSpan.Zero), timings);
        // 3 probes missed, each waited for at most 4 × 5 s.
        Assert.Equal(TimeSpan.FromSeconds(60), timings.VoteWithin);
    }

    [Fact]
    public void The_environment_sets_each_timing()
    {
        var timings = Read(new Hashtable
        {
            ["Summits__ProbeTimeout"] = "2", ["Summits__MissedProbes"] = "4", ["Summits__DeathVotes"] = "1",
            ["Summits__MembershipRefresh"] = "7", ["Summits__DrivePeriod"] = "5", ["Summits__DrivePause"] = "250",
        });

        // The pause in milliseconds, the others in seconds or counts: 250 ms.
        Assert.Equal(new ClusterTimings(TimeSpan.FromSeconds(2), 4, 1, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(250)), timings);
        // 4 probes missed, each waited for at most 4 × 2 s.
        Assert.Equal(TimeSpan.FromSeconds(32), timings.VoteWithin);
    }

    [Theory]
    [InlineData("ProbeTimeout", "61", "how many seconds a silo waits for a probe of another: a whole number from 1 to 60")]
    [InlineData("MissedProbes", "0", "how many probes in a row a silo misses before another votes it dead: a whole number from 1 to 10")]
    [InlineData("DeathVotes", "-1", "how many silos' votes declare a silo dead: a whole number from 1 to 10")]
    [InlineData("MembershipRefresh", "", "how many seconds apart a silo reads the cluster's membership: a whole number from 1 to 600")]
    [InlineData("DrivePeriod", "3601", "how many seconds apart a detached world's reminder fires: a whole number from 1 to 3600")]
    [InlineData("DrivePause", "5001", "how many milliseconds a detached world's run pauses between two advances: a whole number from 0 to 5000")]
    [InlineData("DrivePause", "-1", "how many milliseconds a detached world's run pauses between two advances: a whole number from 0 to 5000")]
    public void A_timing_outside_its_range_is_refused_in_one_line_naming_its_variable(string name, string value, string expected)
    {
        var error = Assert.Throws<SettingException>(() => Read(new Hashtable { ["Summits__" + name] = value }));

        var shown = value.Length == 0 ? "empty" : $"'{value}'";
        Assert.Equal($"Summits:{name} is {shown} (from environment variable Summits__{name}); expected {expected}", error.Message);
    }

    [Fact]
    public void A_silo_of_a_cluster_runs_with_the_configured_timings()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([
            new("Summits:Cluster", "redis://127.0.0.1:1"), new("Summits:ProbeTimeout", "2"), new("Summits:MissedProbes", "2"),
            new("Summits:DeathVotes", "1"), new("Summits:MembershipRefresh", "3"), new("Summits:DrivePeriod", "5"),
            new("Summits:DrivePause", "40")]);
        // Built, not started: nothing reaches the Redis server.
        builder.UseOrleans(silo => silo.AddSummits());
        using var host = builder.Build();

        var membership = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        // The adapted probe timeout kept between half and four times the 2 s configured: 1 s and 8 s.
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), 2, 1, TimeSpan.FromSeconds(3)),
            (membership.ProbeTimeout, membership.MinProbeTimeout, membership.MaxProbeTimeout, membership.NumMissedProbesLimit,
                membership.NumVotesForDeathDeclaration, membership.TableRefreshTimeout));
        // A reminder every 5 s, which Orleans' one-minute floor would refuse, is let through by lowering the floor to it.
        Assert.Equal(TimeSpan.FromSeconds(5), host.Services.GetRequiredService<IOptions<Orleans.Hosting.ReminderOptions>>().Value.MinimumReminderPeriod);
        var drive = host.Services.GetRequiredService<IOptions<DriveOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(40)), (drive.Period, drive.Pause));
    }

    [Fact]
    public void A_drive_pause_given_in_code_outside_zero_to_five_seconds_is_refused()
    {
        // 5 s is the most (half a watch's 10 s quiet wait); a tick more, or a tick below zero, is refused as it is set,
        // and the options keep what they held.
        var drive = new DriveOptions { Pause = TimeSpan.FromSeconds(5) };

        Assert.Throws<ArgumentOutOfRangeException>(() => drive.Pause = TimeSpan.FromSeconds(5) + TimeSpan.FromTicks(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => drive.Pause = TimeSpan.FromTicks(-1));
        Assert.Equal(TimeSpan.FromSeconds(5), drive.Pause);
    }

    [Fact]
    public void A_silo_of_a_cluster_without_timings_keeps_Orleans_minute_floor_for_reminders()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Summits:Cluster", "redis://127.0.0.1:1")]);
        builder.UseOrleans(silo => silo.AddSummits());
        using var host = builder.Build();

        Assert.Equal(TimeSpan.FromMinutes(1), host.Services.GetRequiredService<IOptions<Orleans.Hosting.ReminderOptions>>().Value.MinimumReminderPeriod);
        var drive = host.Services.GetRequiredService<IOptions<DriveOptions>>().Value;
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.Zero), (drive.Period, drive.Pause));
    }
}
