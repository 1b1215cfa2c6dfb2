using Microsoft.AspNetCore.SignalR;

namespace Summits.Classroom;

/// <summary>
/// Carries one table's changes from its grain to the browsers: the table grain pushes each new view to this watcher
/// (an Orleans observer), which sends each team's connections the table as that team sees it, and the facilitator's
/// connections the table as the facilitator does. Nothing here asks the grain; it only hears from it.
/// </summary>
public sealed class TableRelay(ClassroomSeats seats, IHubContext<ClassroomHub> hub) : ITableWatcher
{
    public async Task Changed(TableView view)
    {
        var exercise = seats.Exercise;
        var taken = seats.Teams(view.Table);
        foreach (var role in exercise.Roles)
            await hub.Clients.Group(ClassroomHub.TeamGroup(view.Table, role.Actor)).SendAsync(ClassroomHub.TableMessage, TablePages.Sight(exercise, view, role.Actor, taken));
        await hub.Clients.Group(ClassroomHub.FacilitatorGroup).SendAsync(ClassroomHub.TableMessage, TablePages.Sight(exercise, view, null, taken));
    }
}
