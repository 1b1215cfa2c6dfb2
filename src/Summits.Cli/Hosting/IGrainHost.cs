using Summits.Grains;
using Summits.Scenarios;

namespace Summits.Cli.Hosting;

/// <summary>Where a command's grains run: the embedded silo (<see cref="EmbeddedSilo"/>) or a cluster this process calls as a client (<see cref="ClusterClient"/>).</summary>
internal interface IGrainHost : IAsyncDisposable
{
    /// <summary>The grains the command calls.</summary>
    IGrainFactory Grains { get; }

    /// <summary>How the command asks them: again after the call timeout.</summary>
    GrainAsking Asking { get; }

    /// <summary>Set by a command whose work finished whole, before disposal (a <c>--telemetry</c> file then takes its target's place).</summary>
    bool Finished { get; set; }

    /// <summary>After disposal: how the run's telemetry ended.</summary>
    TelemetryEnd TelemetryEnd { get; }

    /// <summary>
    /// The key a run addresses as <paramref name="world"/> takes here: <paramref name="world"/> itself in an embedded silo,
    /// whose memory starts empty; one of its own on a cluster, whose storage keeps the worlds of earlier runs.
    /// </summary>
    WorldKey KeyFor(WorldKey world);
}
