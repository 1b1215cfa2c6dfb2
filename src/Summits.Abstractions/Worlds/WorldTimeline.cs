using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Reads a world's timeline a page at a time (<see cref="IWorldGrain.Timeline"/>), so that neither side holds more of it than a page.</summary>
public static class WorldTimeline
{
    /// <summary>
    /// The run's events numbered after <paramref name="after"/> through <paramref name="through"/>, in order, as pages of
    /// at most <paramref name="page"/> events, each asked for after the last event of the one before; the pages end at
    /// <paramref name="through"/>, or at the first empty answer (the timeline has no more).
    /// </summary>
    /// <param name="world">The world whose timeline is read.</param>
    /// <param name="after">The number of the last event not wanted: 0 for the whole timeline.</param>
    /// <param name="through">The number of the last event wanted (a <see cref="WorldProgress.Events"/>); null for every event the world has.</param>
    /// <param name="page">Events asked for in one call: 1 to <see cref="IWorldGrain.TimelineMost"/> (the world answers no more than that).</param>
    /// <param name="cancellation">Stops the read between pages, and the wait for one.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="after"/> is negative or <paramref name="page"/> below 1.</exception>
    public static async IAsyncEnumerable<ImmutableArray<TimelineEvent>> PagesAsync(this IWorldGrain world, int after, int? through, int page,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        while (through is not { } last || after < last)
        {
            cancellation.ThrowIfCancellationRequested();
            var events = await world.Timeline(after, through is { } end ? Math.Min(page, end - after) : page, cancellation);
            if (events.IsEmpty)
                yield break;
            yield return events;
            after = events[^1].Seq;
        }
    }

    /// <summary>
    /// The whole timeline so far, read page after page (<see cref="PagesAsync"/>) and held at once: for a caller that
    /// needs all of it in memory (a test, a short run); a long run's reader streams the pages instead.
    /// </summary>
    public static async Task<ImmutableArray<TimelineEvent>> WholeTimelineAsync(this IWorldGrain world, CancellationToken cancellation = default)
    {
        var events = ImmutableArray.CreateBuilder<TimelineEvent>();
        await foreach (var page in world.PagesAsync(0, null, IWorldGrain.TimelineMost, cancellation))
            events.AddRange(page);
        return events.ToImmutable();
    }
}
