using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Summits.Hosting;
using Summits.Scenarios;

namespace Summits.Classroom;

/// <summary>
/// A running classroom: one ASP.NET Core host, listening where its <see cref="ClassroomEndpoint"/> says (127.0.0.1
/// alone over plain HTTP, or an address other computers reach over HTTPS alone), that holds the Summits silo (built by
/// <see cref="SummitsHosting.AddEmbeddedSummits"/>, as every embedded silo is) with the tables' grains, serves the
/// pages and their scripts from this assembly, and carries the pages' actions and the tables' changes over SignalR on
/// WebSockets. The tables' grain state is where its <see cref="ClassroomStorage"/> keeps it: in a Redis server, which a
/// classroom started again with the same storage reads back, or in the silo's memory, which goes when it stops.
/// </summary>
public sealed class ClassroomServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ClassroomConnections _connections;
    private readonly List<(ITableGrain Table, ITableWatcher Reference)> _watching;

    /// <summary>The relays the tables push to; kept here, as a grain holds its observers only weakly.</summary>
    private readonly List<TableRelay> _relays;

    /// <summary>The host's warning lines on standard error; told when the stop begins (<see cref="StandardErrorLoggerProvider.Stopping"/>).</summary>
    private readonly StandardErrorLoggerProvider _standardError;

    private ClassroomServer(WebApplication app, Uri address, ClassroomCodes codes, List<TableRelay> relays, List<(ITableGrain, ITableWatcher)> watching,
        StandardErrorLoggerProvider standardError)
    {
        _app = app;
        _standardError = standardError;
        _connections = app.Services.GetRequiredService<ClassroomConnections>();
        Address = address;
        Codes = codes;
        _relays = relays;
        _watching = watching;
    }

    /// <summary>Where the teams' page is: <c>http://127.0.0.1:PORT/</c>, or when public <c>https://ADDRESS:PORT/</c> (<see cref="ClassroomEndpoint.Shown"/>).</summary>
    public Uri Address { get; }

    /// <summary>Where the facilitator's page is: <c>/facilitator</c> on <see cref="Address"/>.</summary>
    public Uri Facilitator => new(Address, FacilitatorPath);

    /// <summary>The classroom's codes: the facilitator's and each table's join code.</summary>
    public ClassroomCodes Codes { get; }

    /// <summary>The path of the facilitator's page.</summary>
    public const string FacilitatorPath = "/facilitator";

    /// <summary>The path of the SignalR hub the pages connect to.</summary>
    public const string HubPath = "/hub";

    /// <summary>
    /// Starts a classroom of <paramref name="tables"/> tables playing <paramref name="exercise"/>, listening on 127.0.0.1
    /// at <paramref name="port"/> (0 lets the system choose one).
    /// </summary>
    /// <param name="settings">The silo's settings, read and checked by the caller (<see cref="SummitsSettings.Read"/>).</param>
    /// <param name="warnings">Where the host's warnings and errors go, one line each, beginning <c>summits classroom</c>.</param>
    /// <param name="storage">
    /// Where the tables are kept, and the classroom's id and codes (<see cref="ClassroomStorage.OpenAsync"/>), its
    /// <see cref="ClassroomStorage.Tables"/> equal to <paramref name="tables"/>; null keeps them in memory, with codes drawn afresh.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="tables"/> is not 1 to <see cref="ClassroomExercise.MostTables"/>, or <paramref name="port"/> not 0 to 65535.</exception>
    /// <exception cref="ArgumentException">When <paramref name="storage"/> has another number of tables than <paramref name="tables"/>.</exception>
    /// <exception cref="IOException">When the port cannot be listened on (another process holds it).</exception>
    public static Task<ClassroomServer> StartAsync(Exercise exercise, int port, int tables, SummitsSettings settings, TextWriter warnings, CancellationToken cancellation = default,
        ClassroomStorage? storage = null) =>
        StartAsync(exercise, ClassroomEndpoint.Loopback(port), tables, settings, warnings, storage, cancellation);

    /// <summary>
    /// Starts a classroom of <paramref name="tables"/> tables playing <paramref name="exercise"/>, listening where
    /// <paramref name="endpoint"/> says, over HTTPS when it has a certificate, its tables kept where
    /// <paramref name="storage"/> says.
    /// </summary>
    /// <param name="settings">The silo's settings, read and checked by the caller (<see cref="SummitsSettings.Read"/>).</param>
    /// <param name="warnings">Where the host's warnings and errors go, one line each, beginning <c>summits classroom</c>; a page's refused call is none (<see cref="ClassroomLog"/>).</param>
    /// <param name="storage">
    /// Where the tables are kept, and the classroom's id and codes (<see cref="ClassroomStorage.OpenAsync"/>), its
    /// <see cref="ClassroomStorage.Tables"/> equal to <paramref name="tables"/>; null keeps them in memory, with codes drawn afresh.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="tables"/> is not 1 to <see cref="ClassroomExercise.MostTables"/>.</exception>
    /// <exception cref="ArgumentException">When <paramref name="storage"/> has another number of tables than <paramref name="tables"/>.</exception>
    /// <exception cref="IOException">When the port cannot be listened on (another process holds it).</exception>
    /// <exception cref="StackExchange.Redis.RedisConnectionException">Among the causes of the failure when the storage's Redis server does not answer.</exception>
    public static async Task<ClassroomServer> StartAsync(Exercise exercise, ClassroomEndpoint endpoint, int tables, SummitsSettings settings, TextWriter warnings,
        ClassroomStorage? storage, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(tables, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tables, ClassroomExercise.MostTables);
        if (storage is not null && storage.Tables != tables)
            throw new ArgumentException($"the storage keeps {storage.Tables} table(s), not {tables}", nameof(storage));
        var classroom = new ClassroomExercise(exercise, storage?.ClassroomId ?? ClassroomStorage.NewId(), tables);
        var codes = storage?.Codes ?? new ClassroomCodes(tables);

        var web = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        // The loopback address alone unless the endpoint is public, and then over HTTPS alone.
        web.WebHost.UseKestrelCore().ConfigureKestrel(endpoint.Listen);
        web.Services.AddRouting();
        var connections = new ClassroomConnections();
        web.Services.AddSignalR(o =>
        {
            o.EnableDetailedErrors = false;
            o.AddFilter(connections);
        });
        // The JSON protocol, with a call's arguments of the wrong type refused in words (SignalR's own names neither).
        web.Services.Replace(ServiceDescriptor.Singleton<IHubProtocol, ClassroomProtocol>());
        // The command stops the classroom on a signal (DisposeAsync), not the host of its own accord.
        web.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        web.Services.AddSingleton(classroom).AddSingleton(codes).AddSingleton(new ClassroomSeats(classroom, storage)).AddSingleton(connections);
        // Closed until the start succeeds: a start that fails is told by the caller in one line, not also by the host.
        var standardError = new StandardErrorLoggerProvider(warnings, Command) { Open = false };
        web.Logging.AddProvider(new ClassroomLog(standardError));
        ClassroomLog.AddFilters(web.Logging);
        web.UseOrleans(silo => silo.AddEmbeddedSummits(LoopbackPort.Free(), settings, o => (o.StateStore, o.ClusterId) = (storage?.StateStore, storage?.ClusterId)));
        var app = web.Build();
        app.UseWebSockets();
        // Every request to the hub is counted while it runs, so that a stop can wait for each page's close handshake.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(HubPath), hub => hub.Use((_, next) => connections.CarryAsync(next)));
        ClassroomFiles.Map(app);
        // WebSockets alone: a page is pushed to, never polls, so the long-polling transport is not offered.
        app.MapHub<ClassroomHub>(HubPath, o => o.Transports = HttpTransportType.WebSockets);
        try
        {
            await app.StartAsync(cancellation);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        standardError.Open = true;

        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var relays = new List<TableRelay>();
        var watching = new List<(ITableGrain, ITableWatcher)>();
        for (var table = 1; table <= tables; table++)
        {
            var relay = new TableRelay(app.Services.GetRequiredService<ClassroomSeats>(), app.Services.GetRequiredService<IHubContext<ClassroomHub>>());
            var reference = grains.CreateObjectReference<ITableWatcher>(relay);
            var grain = grains.GetGrain<ITableGrain>(TableKey.Of(classroom.Id, table));
            await grain.Watch(reference);
            relays.Add(relay);
            watching.Add((grain, reference));
        }
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var bound = new Uri(addresses.First());
        return new ClassroomServer(app, endpoint.Shown(bound.Port), codes, relays, watching, standardError);
    }

    /// <summary>The command the host's warning lines begin with.</summary>
    public const string Command = "summits classroom";

    /// <summary>How long a stop waits for the host's work in hand once every page's connection is closed: 5 seconds.</summary>
    public static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Closes every page's connection, so that no call waits on a classroom going away, and waits for each to end with
    /// the WebSocket close handshake, then stops the pages and the silo, and with it every table's activation (a table
    /// kept in Redis stays there), each within <see cref="StopDeadline"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        using (var closing = new CancellationTokenSource(StopDeadline))
        {
            try
            {
                await _connections.CloseAllAsync(closing.Token);
            }
            catch (OperationCanceledException) when (closing.IsCancellationRequested)
            {
                // A page that has not answered the close by the deadline has its connection dropped by the host's stop.
            }
        }
        foreach (var (table, reference) in _watching)
            await table.Unwatch(reference);
        _relays.Clear();
        // The stop is the command's: Orleans' notes on what it cuts are not written, the classroom's own lines still are.
        _standardError.Stopping = true;
        using (var deadline = new CancellationTokenSource(StopDeadline))
        {
            try
            {
                await _app.StopAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                // What the host had not finished by the deadline is dropped with it: a table's change is in its storage before a
                // page is told of it, so nothing told is lost.
            }
        }
        await _app.DisposeAsync();
    }
}
