using Microsoft.AspNetCore.SignalR;

namespace Summits.Classroom;

/// <summary>The facilitator's control of the play: the rounds it starts and pauses at each table, and the shocks it writes.</summary>
public sealed partial class ClassroomHub
{
    /// <summary>Starts the next round at <paramref name="table"/> (<see cref="ITableGrain.Start"/>).</summary>
    /// <exception cref="HubException">The connection has not given the facilitator's code, the table is none of the classroom's, or its round is on already.</exception>
    public async Task Start(int table) => Refused(await Facilitated(table, "starts a round").Start());

    /// <summary>Pauses the round that is on at <paramref name="table"/> (<see cref="ITableGrain.Pause"/>).</summary>
    /// <exception cref="HubException">The connection has not given the facilitator's code, the table is none of the classroom's, or no round is on there.</exception>
    public async Task Pause(int table) => Refused(await Facilitated(table, "pauses a round").Pause());

    /// <summary>Starts the next round at every table whose round is not on; a table whose round is on already is left as it is.</summary>
    /// <returns>How many tables a round was started at.</returns>
    /// <exception cref="HubException">The connection has not given the facilitator's code.</exception>
    public async Task<int> StartEvery() => await EveryAsync("starts a round", t => t.Start());

    /// <summary>Pauses the round at every table where one is on; the others are left as they are.</summary>
    /// <returns>How many tables a round was paused at.</returns>
    /// <exception cref="HubException">The connection has not given the facilitator's code.</exception>
    public async Task<int> PauseEvery() => await EveryAsync("pauses a round", t => t.Pause());

    /// <summary>Plays at <paramref name="table"/> now a shock the facilitator wrote (<see cref="ITableGrain.InjectNew"/>).</summary>
    /// <exception cref="HubException">
    /// The connection has not given the facilitator's code, the table is none of the classroom's, or the shock is not one
    /// an exercise file could hold (in the file's words).
    /// </exception>
    public async Task InjectNew(int table, NewShock shock)
    {
        var grain = Facilitated(table, "injects a shock");
        Refused(await grain.InjectNew(shock ?? new NewShock("", "", "", "")));
    }

    private async Task<int> EveryAsync(string doing, Func<ITableGrain, Task<TableChange>> change)
    {
        EnsureFacilitator(doing);
        var changed = 0;
        for (var table = 1; table <= classroom.Tables; table++)
        {
            if ((await change(Table(table))).Refused is null)
                changed++;
        }
        return changed;
    }

    /// <summary>The grain of <paramref name="table"/>, for a connection that has given the facilitator's code; else the refusal.</summary>
    private ITableGrain Facilitated(int table, string doing)
    {
        EnsureFacilitator(doing);
        if (table < 1 || table > classroom.Tables)
            throw new HubException($"table {table} is not one of this classroom's; its tables are 1 to {classroom.Tables}");
        return Table(table);
    }

    /// <summary>Refuses a connection that has not given the facilitator's code what only the facilitator <paramref name="doing"/>.</summary>
    private void EnsureFacilitator(string doing)
    {
        if (!Context.Items.ContainsKey(FacilitatorItem))
            throw new HubException($"only the facilitator {doing}; give the facilitator's code first");
    }
}
