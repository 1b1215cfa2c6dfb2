using Orleans.Placement;
using System.Collections.Immutable;
using Summits.Model;

namespace Summits.Grains;

/// <summary>Holds the events of one advance of a run.</summary>
// A timeline page lives on the silo of the world that writes it.
[PreferLocalPlacement]
[GrainType("timelinepage")]
public sealed class TimelinePageGrain(
    [PersistentState("timeline", StorageNames.Summits)] IPersistentState<TimelinePage> state) : Grain, ITimelinePageGrain
{
    public async Task Write(ImmutableArray<TimelineEvent> events)
    {
        // A new page, never the old one changed: a page is immutable (TimelinePage).
        state.State = new TimelinePage { Events = [.. events] };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // What this activation holds is no longer what storage holds: the next one reads storage.
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<ImmutableArray<TimelineEvent>> Read() => Task.FromResult<ImmutableArray<TimelineEvent>>([.. state.State.Events]);

    public async Task Retire()
    {
        await state.ClearStateAsync();
        this.DeactivateOnIdle();
    }
}
