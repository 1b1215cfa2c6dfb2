using System.Collections.Immutable;
using System.Threading.Channels;
using Summits.Grains;
using Summits.Model;

namespace Summits.Cli.Commands;

/// <summary>
/// The client's side of <c>summits worlds watch</c>: what the world grain pushes (<see cref="IWorldWatcher"/>) goes into
/// a channel that the command reads, in the order it arrived.
/// </summary>
public sealed class WorldWatcher : IWorldWatcher
{
    private readonly Channel<WorldNotice> _notices = Channel.CreateUnbounded<WorldNotice>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>What has been pushed and not yet read.</summary>
    public ChannelReader<WorldNotice> Notices => _notices.Reader;

    public Task Wrote(ImmutableArray<TimelineEvent> events)
    {
        _notices.Writer.TryWrite(new WorldNotice(events, null, Stopped: false));
        return Task.CompletedTask;
    }

    public Task Stopped(int? events)
    {
        _notices.Writer.TryWrite(new WorldNotice([], events, Stopped: true));
        return Task.CompletedTask;
    }
}

/// <summary>One push from a watched world: an advance's events, or the run's end.</summary>
/// <param name="Events">The events an advance added; empty for the end.</param>
/// <param name="Finished">The finished run's event count; null for events, or for a run that stopped without finishing.</param>
/// <param name="Stopped">True for the run's end.</param>
public sealed record WorldNotice(ImmutableArray<TimelineEvent> Events, int? Finished, bool Stopped);
