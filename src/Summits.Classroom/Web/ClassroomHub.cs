using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Summits.Scenarios;

namespace Summits.Classroom;

/// <summary>
/// The one way a page acts: a team joins with its table's join code (or takes its seat again with its secret), proposes
/// and answers, and answers the prediction questions, for its own country at its own table; the facilitator, once the
/// facilitator's code is given, sees every table, injects shocks and exports the debrief. Every action is checked here,
/// on the server, against what the connection has shown it is: a team acts for its own country alone, and only a
/// facilitator's connection injects or exports. A refusal is a
/// <see cref="HubException"/> whose message, one line in words, is all a page learns, and so is a call whose arguments
/// are not of its method's types (<see cref="ClassroomProtocol"/>); any other failure reaches it as SignalR's own
/// message, without its detail.
/// </summary>
public sealed partial class ClassroomHub(ClassroomExercise classroom, ClassroomSeats seats, ClassroomCodes codes, IGrainFactory grains) : Hub
{
    /// <summary>The group of the connections of <paramref name="actor"/>'s team at <paramref name="table"/>.</summary>
    public static string TeamGroup(int table, string actor) => $"table-{table}-{actor}";

    /// <summary>The group of the facilitator's connections.</summary>
    public const string FacilitatorGroup = "facilitator";

    /// <summary>The message a table's change is pushed in, to its teams and to the facilitator.</summary>
    public const string TableMessage = "table";

    private const string SeatItem = "seat", FacilitatorItem = "facilitator";

    private Exercise Exercise => classroom.Exercise;

    /// <summary>Joins the table whose join code is <paramref name="code"/>, taking its first free country.</summary>
    /// <exception cref="HubException">The code is no table's (answered after a wait), or both countries at its table have been given to teams.</exception>
    public async Task<TeamPage> Join(string code)
    {
        if (await codes.TableAsync(code) is not { } table)
            throw new HubException("that is not a join code of this classroom; check it on the facilitator's screen");
        var seat = seats.Take(table, Context.ConnectionId) ?? throw new HubException($"both countries at table {table} have their teams; a team coming back gives its team code, which its page showed, under 'Back at your table'");
        return await SitAsync(seat);
    }

    /// <summary>Takes again the seat whose team code is <paramref name="seat"/>: kept by the page after a reload, or typed by the team.</summary>
    /// <exception cref="HubException">No seat of this classroom has that code (answered after the wait of a wrong code).</exception>
    public async Task<TeamPage> Rejoin(string seat)
    {
        if (seats.Retake(seat, Context.ConnectionId) is not { } found)
        {
            await codes.TableAsync(null);
            throw new HubException("that team code is not one of this classroom's; join with your table's join code, or check your team code");
        }
        return await SitAsync(found);
    }

    /// <summary>A proposal of <paramref name="country"/>'s to the other country at the team's table.</summary>
    /// <param name="terms">Each topic proposed on and its value, as the page's fields hold them.</param>
    /// <exception cref="HubException">The connection is not that country's team, or the terms are not a proposal (the answers file's words).</exception>
    public async Task Propose(string country, Dictionary<string, string> terms)
    {
        var seat = Own(country);
        var read = AsFileReads(() => TeamAnswers.Proposal(Exercise, seat.Actor, terms ?? []));
        Refused(await Table(seat.Table).Propose(seat.Actor, read));
    }

    /// <summary><paramref name="country"/>'s answers to the exercise's prediction questions, before the play at its table begins.</summary>
    /// <param name="answers">Each question's id and its answer, as the page's fields hold them: every question answered.</param>
    /// <exception cref="HubException">
    /// The connection is not that country's team, the answers are not an answers file's predictions (the file's words),
    /// or the play at the table has begun.
    /// </exception>
    public async Task Predict(string country, Dictionary<string, string> answers)
    {
        var seat = Own(country);
        var read = AsFileReads(() => TeamAnswers.Predictions(Exercise, seat.Actor, answers ?? []));
        Refused(await Table(seat.Table).Predict(seat.Actor, [.. read.Select(a => new PredictionAnswer(seat.Actor, a.Key, a.Value))]));
    }

    /// <summary><paramref name="country"/>'s answer to the proposal <paramref name="proposal"/>, made to it.</summary>
    /// <exception cref="HubException">The connection is not that country's team, or no such proposal waits for its answer.</exception>
    public async Task Answer(string country, string proposal, bool accept)
    {
        var seat = Own(country);
        Refused(await Table(seat.Table).Answer(seat.Actor, Shown(proposal ?? ""), accept));
    }

    /// <summary>Opens the facilitator's page: every table, its join code and the exercise's shocks.</summary>
    /// <exception cref="HubException">The code is not the facilitator's (answered after a wait).</exception>
    public async Task<FacilitatorPage> Facilitate(string code)
    {
        if (!await codes.IsFacilitatorAsync(code))
            throw new HubException("that is not the facilitator's code");
        Context.Items[FacilitatorItem] = true;
        await Groups.AddToGroupAsync(Context.ConnectionId, FacilitatorGroup);
        var tables = new List<FacilitatorTable>();
        for (var table = 1; table <= classroom.Tables; table++)
            tables.Add(new FacilitatorTable(table, codes.Join[table - 1], TablePages.Sight(Exercise, await Table(table).View(), null, seats.Teams(table))));
        return new FacilitatorPage(Exercise.Title, TablePages.Shocks(Exercise), ClassroomDebrief.Rows(Exercise), tables,
            [.. Exercise.Roles.Select(r => r.Actor)], [.. Exercise.Topics]);
    }

    /// <summary>The debrief of every table as a file to download: <c>csv</c> (<see cref="ClassroomDebrief.Csv"/>) or <c>html</c> (<see cref="ClassroomDebrief.Html"/>).</summary>
    /// <exception cref="HubException">The connection has not given the facilitator's code, or the format is neither.</exception>
    public async Task<DebriefFile> Export(string format)
    {
        if (!Context.Items.ContainsKey(FacilitatorItem))
            throw new HubException("only the facilitator exports the debrief; give the facilitator's code first");
        if (format is not ("csv" or "html"))
            throw new HubException($"'{Shown(format ?? "")}' is not a format the debrief is exported in; the formats are csv and html");
        var views = new List<TableView>();
        for (var table = 1; table <= classroom.Tables; table++)
            views.Add(await Table(table).View());
        return format == "csv"
            ? new DebriefFile($"{Exercise.Id}-debrief.csv", "text/csv; charset=utf-8", ClassroomDebrief.Csv(Exercise, views))
            : new DebriefFile($"{Exercise.Id}-debrief.html", "text/html; charset=utf-8", ClassroomDebrief.Html(Exercise, views));
    }

    /// <summary>Plays the exercise's shock <paramref name="shock"/> (1 to the number of its shocks) at <paramref name="table"/> now.</summary>
    /// <param name="table">The table, a whole number (a JSON number, or text of one).</param>
    /// <param name="shock">The shock, a whole number (a JSON number, or text of one).</param>
    /// <exception cref="HubException">
    /// The connection has not given the facilitator's code, the table or the shock is not a whole number
    /// (<see cref="PageNumber"/>), the table is none of the classroom's, or the shock is none of the exercise's.
    /// </exception>
    public async Task Inject(JsonElement table, JsonElement shock)
    {
        if (!Context.Items.ContainsKey(FacilitatorItem))
            throw new HubException("only the facilitator injects a shock; give the facilitator's code first");
        await Inject(PageNumber.Whole(table, "table", 1, classroom.Tables), PageNumber.Whole(shock, "shock", 1, Exercise.Injects.Length));
    }

    private async Task Inject(int table, int shock)
    {
        if (table < 1 || table > classroom.Tables)
            throw new HubException($"table {table} is not one of this classroom's; its tables are 1 to {classroom.Tables}");
        Refused(await Table(table).Inject(shock));
    }

    /// <summary>
    /// A connection that closes gives up its hold on its seat, which stays its team's: when it was its team's last, the
    /// facilitator's page shows the team joined but not connected.
    /// </summary>
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await LeaveAsync();
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Seats the connection at <paramref name="seat"/>, taken or retaken for it, and reads the table back from its grain
    /// as it stands, whatever was played while the team was away.
    /// </summary>
    private async Task<TeamPage> SitAsync(TeamSeat seat)
    {
        await LeaveAsync();
        Context.Items[SeatItem] = seat;
        await Groups.AddToGroupAsync(Context.ConnectionId, TeamGroup(seat.Table, seat.Actor));
        var view = await ShowTakenAsync(seat.Table);
        return TablePages.Team(Exercise, seat, view, seats.Teams(seat.Table));
    }

    /// <summary>Gives up the seat the connection holds, if it holds one.</summary>
    private async Task LeaveAsync()
    {
        if (!Context.Items.Remove(SeatItem, out var item) || item is not TeamSeat seat)
            return;
        seats.Leave(seat, Context.ConnectionId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, TeamGroup(seat.Table, seat.Actor));
        await ShowTakenAsync(seat.Table);
    }

    /// <summary>
    /// Tells the facilitator's page which teams are at <paramref name="table"/> now: a team's coming or going changes no
    /// grain, so the hub tells it.
    /// </summary>
    /// <returns>The table's view, as read for it.</returns>
    private async Task<TableView> ShowTakenAsync(int table)
    {
        var view = await Table(table).View();
        await Clients.Group(FacilitatorGroup).SendAsync(TableMessage, TablePages.Sight(Exercise, view, null, seats.Teams(table)));
        return view;
    }

    /// <summary>The connection's seat, when it is <paramref name="country"/>'s; else the refusal.</summary>
    private TeamSeat Own(string country)
    {
        if (Context.Items.TryGetValue(SeatItem, out var item) && item is TeamSeat seat)
        {
            if (!seats.Holds(seat))
                throw new HubException(Revoked(seat));
            return seat.Actor == country ? seat
                : throw new HubException($"your team plays {seat.Actor} at table {seat.Table}; it cannot act for {(string.IsNullOrEmpty(country) ? "another country" : Shown(country))}");
        }
        throw new HubException("join a table with its join code first");
    }

    private ITableGrain Table(int table) => grains.GetGrain<ITableGrain>(TableKey.Of(classroom.Id, table));

    /// <summary>What <paramref name="read"/> reads from a page, or its mistake in the answers file's words as the refusal.</summary>
    private static T AsFileReads<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InputException e)
        {
            throw new HubException(e.Problem);
        }
    }

    private static void Refused(TableChange change)
    {
        if (change.Refused is { } why)
            throw new HubException(why);
    }

    /// <summary>A name a page sent, quoted in a refusal: at most 40 characters, without control characters.</summary>
    internal static string Shown(string text) =>
        string.Concat(text.Take(40).Where(c => !char.IsControl(c)));
}
