using Microsoft.AspNetCore.SignalR;

namespace Summits.Classroom;

/// <summary>The facilitator's hold on the teams' seats: a new team code for a team that lost its own.</summary>
public sealed partial class ClassroomHub
{
    /// <summary>The message that tells a team's page its seat has a new team code, and so is no longer the page's: one line in words.</summary>
    public const string RevokedMessage = "revoked";

    /// <summary>
    /// Gives the seat of <paramref name="country"/> at <paramref name="table"/> a new team code (<see cref="ClassroomSeats.Reissue"/>):
    /// the old code takes no seat from then on, and every page that held the seat with it is told so, stops receiving the
    /// table's changes and can act no more; the team takes its seat again with the new code.
    /// </summary>
    /// <returns>The new team code, for the facilitator to give to that team alone.</returns>
    /// <exception cref="HubException">
    /// The connection has not given the facilitator's code, the table is none of the classroom's, the country none of
    /// the exercise's, or no team has joined there yet.
    /// </exception>
    public async Task<string> NewTeamCode(int table, string country)
    {
        _ = Facilitated(table, "gives a team a new team code");
        var countries = Exercise.Roles.Select(r => r.Actor).ToList();
        if (!countries.Contains(country ?? ""))
            throw new HubException($"'{Shown(country ?? "")}' is not a country of this exercise; its countries are {string.Join(" and ", countries)}");
        var (seat, holders) = seats.Reissue(table, country!)
            ?? throw new HubException($"no team has joined table {table} as {country}; a team joins with the table's join code");
        foreach (var holder in holders)
            await Groups.RemoveFromGroupAsync(holder, TeamGroup(table, seat.Actor));
        await Clients.Clients(holders).SendAsync(RevokedMessage, Revoked(seat));
        await ShowTakenAsync(table);
        return seat.Token;
    }

    private static string Revoked(TeamSeat seat) =>
        $"the facilitator has given your team's seat at table {seat.Table} a new team code; ask the facilitator for it and give it under 'Back at your table'";
}
