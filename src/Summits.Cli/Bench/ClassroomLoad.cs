using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Summits.Classroom;

namespace Summits.Cli.Bench;

/// <summary>
/// A classroom played by many teams at once, each a connection to the hub made as a page makes it (WebSockets, no
/// negotiation): both teams of every table join, the facilitator watches every table, and at each table the two teams
/// take turns proposing. Every push each connection receives is recorded with the moment it arrived, and every proposal
/// with the moment it was sent, so that what arrived can be counted and how long it took measured.
/// </summary>
public sealed class ClassroomLoad : IAsyncDisposable
{
    /// <summary>The reader of the facilitator's pushes in <see cref="Pushes"/>.</summary>
    public const string Facilitator = "facilitator";

    /// <summary>The reader of <paramref name="actor"/>'s team's pushes at <paramref name="table"/> in <see cref="Pushes"/>, such as <c>JP at table 3</c>.</summary>
    public static string Team(int table, string actor) => $"{actor} at table {table.ToString(CultureInfo.InvariantCulture)}";

    private readonly ClassroomServer _server;
    private readonly List<(int Table, string Actor, string Topic, HubConnection Connection)> _teams = [];
    private readonly List<HubConnection> _connections = [];
    private readonly ConcurrentQueue<ClassroomPush> _pushes = new();
    private readonly ConcurrentQueue<ClassroomProposal> _proposals = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<ClassroomChange> _changes = new();
    private HubConnection? _facilitator;

    private ClassroomLoad(ClassroomServer server) => _server = server;

    /// <summary>Every push received so far, in no particular order.</summary>
    public IReadOnlyCollection<ClassroomPush> Pushes => _pushes;

    /// <summary>Every proposal made so far, with the table version it made.</summary>
    public IReadOnlyCollection<ClassroomProposal> Proposals => _proposals;

    /// <summary>Every answer and shock sent so far (<see cref="AnswerAsync"/>, <see cref="InjectAsync"/>), with the table version it made.</summary>
    public IReadOnlyCollection<ClassroomChange> Changes => _changes;

    /// <summary>Every failure: a refused or failed call, a connection closed by an error. Empty when all went well.</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>
    /// Starts round 1 at each of <paramref name="server"/>'s tables 1 to <paramref name="tables"/>, which must be fresh
    /// (nothing played yet), so that each is at version 1 with its round on; seats two teams at each, then opens the
    /// facilitator's connection, so that pushes recorded from then on are the tables' changes alone.
    /// </summary>
    /// <exception cref="Microsoft.AspNetCore.SignalR.HubException">A join or the facilitator's code is refused.</exception>
    public static async Task<ClassroomLoad> StartAsync(ClassroomServer server, int tables)
    {
        var load = new ClassroomLoad(server);
        try
        {
            // Before any team joins, by a facilitator's connection of its own, so that no one records the starts.
            await using (var starter = await ConnectAsync(server))
            {
                await starter.InvokeAsync<JsonElement>("Facilitate", server.Codes.Facilitator);
                for (var table = 1; table <= tables; table++)
                    await starter.InvokeAsync("Start", table);
            }
            await Task.WhenAll(Enumerable.Range(1, tables).Select(async table =>
            {
                for (var team = 0; team < 2; team++)
                {
                    var connection = await load.ConnectAsync();
                    var joined = await connection.InvokeAsync<JsonElement>("Join", server.Codes.Join[table - 1]);
                    var actor = joined.GetProperty("actor").GetString()!;
                    load.Record(connection, Team(table, actor));
                    lock (load._teams)
                        load._teams.Add((table, actor, joined.GetProperty("topics")[0].GetString()!, connection));
                }
            }));
            var facilitator = await load.ConnectAsync();
            load.Record(facilitator, Facilitator);
            await facilitator.InvokeAsync<JsonElement>("Facilitate", server.Codes.Facilitator);
            load._facilitator = facilitator;
        }
        catch
        {
            await load.DisposeAsync();
            throw;
        }
        return load;
    }

    /// <summary>A connection to <paramref name="server"/>'s hub as a page makes it: WebSockets alone, without negotiation.</summary>
    public static async Task<HubConnection> ConnectAsync(ClassroomServer server)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.Address, ClassroomServer.HubPath), HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>
    /// At every table the two teams take turns, <paramref name="each"/> proposals each: one proposal every half
    /// <paramref name="interval"/> at a table, so each team proposes once an <paramref name="interval"/>. The tables'
    /// turns are spread over that half interval. A table's proposals go one after another, each sent once the last
    /// was answered, so its k-th proposal makes the table's version k + 1 (the start of round 1 made version 1). A proposal refused or failed is put in
    /// <see cref="Errors"/>, not thrown, and the table goes on.
    /// </summary>
    /// <param name="each">Proposals each team makes, 1 or more.</param>
    /// <param name="interval">How often each team proposes.</param>
    public Task ProposeAsync(int each, TimeSpan interval)
    {
        var tables = _teams.GroupBy(t => t.Table).OrderBy(g => g.Key).Select(g => g.OrderBy(t => t.Actor, StringComparer.Ordinal).ToArray()).ToArray();
        var turn = interval / 2;
        var clock = Stopwatch.StartNew();
        return Task.WhenAll(tables.Select(async (teams, k) =>
        {
            var start = turn * k / tables.Length;
            for (var proposal = 0; proposal < 2 * each; proposal++)
            {
                var due = start + turn * proposal - clock.Elapsed;
                if (due > TimeSpan.Zero)
                    await Task.Delay(due);
                var (table, actor, topic, connection) = teams[proposal % 2];
                // A value from 0 to 100 that changes from one proposal to the next.
                var value = (proposal * 37 % 101).ToString(CultureInfo.InvariantCulture);
                var sent = Stopwatch.GetTimestamp();
                _proposals.Enqueue(new ClassroomProposal(table, proposal + 2, actor, sent));
                try
                {
                    await connection.InvokeAsync("Propose", actor, new Dictionary<string, string> { [topic] = value });
                }
                catch (Exception e)
                {
                    _errors.Enqueue($"table {table}, {actor}: {e.Message}");
                }
            }
        }));
    }

    /// <summary>
    /// After <see cref="ProposeAsync"/> with <paramref name="proposed"/> proposals a team, the team each proposal was made
    /// to rejects the first <paramref name="answers"/> of its table's proposals (p1-JP, p2-US, …) in turn, one every half
    /// <paramref name="interval"/> at a table, the tables' turns spread over that half interval: each answer replays the
    /// table's play in its world before it is pushed. Each is recorded in <see cref="Changes"/> as an <c>answer</c>; a
    /// refusal or failure goes to <see cref="Errors"/>.
    /// </summary>
    /// <param name="answers">Answers at each table, 1 to 2 × <paramref name="proposed"/>.</param>
    public Task AnswerAsync(int proposed, int answers, TimeSpan interval) =>
        TakeTurnsAsync("answer", 2 * proposed + 1, answers, interval, (teams, k) =>
        {
            // Proposal k + 1 was made by teams[k % 2]; the other team answers it.
            var (by, to) = (teams[k % 2], teams[(k + 1) % 2]);
            return to.Connection.InvokeAsync("Answer", to.Actor, $"p{k + 1}-{by.Actor}", false);
        });

    /// <summary>
    /// After <see cref="AnswerAsync"/>, the facilitator injects the exercise's first shock <paramref name="shocks"/> times at
    /// every table, one every half <paramref name="interval"/> at a table, as <see cref="AnswerAsync"/> spreads its
    /// turns; each replays the table's play before it is pushed, and is recorded in <see cref="Changes"/> as a <c>shock</c>.
    /// </summary>
    /// <param name="before">Each table's version before the first shock: 1 + the proposals and answers made there.</param>
    public Task InjectAsync(int before, int shocks, TimeSpan interval) =>
        TakeTurnsAsync("shock", before, shocks, interval, (teams, _) => _facilitator!.InvokeAsync("Inject", teams[0].Table, 1));

    /// <summary>At every table, <paramref name="count"/> changes made by <paramref name="act"/> one after another, the k-th making version <paramref name="before"/> + k + 1.</summary>
    private Task TakeTurnsAsync(string kind, int before, int count, TimeSpan interval,
        Func<(int Table, string Actor, string Topic, HubConnection Connection)[], int, Task> act)
    {
        var tables = _teams.GroupBy(t => t.Table).OrderBy(g => g.Key).Select(g => g.OrderBy(t => t.Actor, StringComparer.Ordinal).ToArray()).ToArray();
        var turn = interval / 2;
        var clock = Stopwatch.StartNew();
        return Task.WhenAll(tables.Select(async (teams, n) =>
        {
            var start = turn * n / tables.Length;
            for (var k = 0; k < count; k++)
            {
                var due = start + turn * k - clock.Elapsed;
                if (due > TimeSpan.Zero)
                    await Task.Delay(due);
                _changes.Enqueue(new ClassroomChange(kind, teams[0].Table, before + k + 1, Stopwatch.GetTimestamp()));
                try
                {
                    await act(teams, k);
                }
                catch (Exception e)
                {
                    _errors.Enqueue($"table {teams[0].Table}, {kind} {k + 1}: {e.Message}");
                }
            }
        }));
    }

    /// <summary>
    /// Returns once <paramref name="count"/> pushes have arrived, or <paramref name="within"/> has passed without them
    /// (then <see cref="Pushes"/> says which are missing). It looks every 50 ms: this is the measurer waiting, not a page.
    /// </summary>
    public async Task ArrivedAsync(int count, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (_pushes.Count < count && clock.Elapsed < within)
            await Task.Delay(50);
    }

    /// <summary>Closes the facilitator's connection first, then the teams', so that no team's leaving is pushed.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var k = _connections.Count - 1; k >= 0; k--)
            await _connections[k].DisposeAsync();
        _connections.Clear();
    }

    private async Task<HubConnection> ConnectAsync()
    {
        var connection = await ConnectAsync(_server);
        lock (_connections)
            _connections.Add(connection);
        return connection;
    }

    private void Record(HubConnection connection, string reader)
    {
        connection.On<JsonElement>(ClassroomHub.TableMessage, sight =>
            _pushes.Enqueue(new ClassroomPush(reader, sight.GetProperty("table").GetInt32(), sight.GetProperty("version").GetInt32(), Stopwatch.GetTimestamp())));
        connection.Closed += e =>
        {
            if (e is not null)
                _errors.Enqueue($"{reader}: connection closed: {e.Message}");
            return Task.CompletedTask;
        };
    }
}

/// <summary>One push of a table to one connection.</summary>
/// <param name="Reader">The connection it reached: <see cref="ClassroomLoad.Team"/> or <see cref="ClassroomLoad.Facilitator"/>.</param>
/// <param name="Table">The table the push carries.</param>
/// <param name="Version">The table's version the push carries: 1 after its first change.</param>
/// <param name="At">When it arrived, a <see cref="Stopwatch.GetTimestamp"/>.</param>
public sealed record ClassroomPush(string Reader, int Table, int Version, long At);

/// <summary>One proposal sent to the hub.</summary>
/// <param name="Version">The table's version it makes.</param>
/// <param name="Sent">When it was sent, a <see cref="Stopwatch.GetTimestamp"/>.</param>
public sealed record ClassroomProposal(int Table, int Version, string Actor, long Sent);

/// <summary>One answer or shock sent to the hub.</summary>
/// <param name="Kind"><c>answer</c> or <c>shock</c>.</param>
/// <param name="Version">The table's version it makes.</param>
/// <param name="Sent">When it was sent, a <see cref="Stopwatch.GetTimestamp"/>.</param>
public sealed record ClassroomChange(string Kind, int Table, int Version, long Sent);
