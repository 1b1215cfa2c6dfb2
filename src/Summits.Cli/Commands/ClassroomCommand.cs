using System.CommandLine;
using System.Globalization;
using Summits.Classroom;
using Summits.Cli.Hosting;
using Summits.Hosting;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary>
/// <c>summits classroom</c>: plays an exercise in the browser. Teams join a table with its join code and play one of
/// its two countries; the facilitator, with the facilitator's code, sees every table and injects the exercise's shocks.
/// It listens on 127.0.0.1 alone unless <c>--public</c> is given, and then over HTTPS alone (<see cref="ClassroomListening"/>),
/// and runs until Ctrl-C. Its tables are kept in a Redis server (a cluster's, or one it starts itself when
/// <c>redis-server</c> is installed), with its codes, and its own certificate when it makes one, in its data folder, so
/// that a classroom started again with the same folder finds them; else in memory, which it says at start
/// (<see cref="ClassroomStorage"/>).
/// </summary>
public static class ClassroomCommand
{
    /// <summary>The port the classroom listens on unless <c>--port</c> says otherwise.</summary>
    public const int DefaultPort = 5170;

    public static Command Create()
    {
        var file = CommonOptions.InputFile(new Argument<string>("EXERCISE") { Description = "The exercise file (scenarios/exercises/*.yaml)" }, InputKind.Exercise);
        var port = OptionNumbers.Whole(new Option<int>("--port")
        {
            Description = $"The TCP port the pages are served on (0 to 65535; 0 lets the system choose a free one). Only this machine reaches them, on 127.0.0.1, unless --public is given",
            HelpName = "P",
            DefaultValueFactory = _ => DefaultPort,
        }, 0, 65535);
        // Left out, a classroom found in the data folder keeps the number of tables it has, so the help names that default.
        var tables = OptionNumbers.Whole(new Option<int?>("--tables")
        {
            Description = $"How many tables, each with a join code and a world of its own, played by two teams (1 to {ClassroomExercise.MostTables}); a classroom started again with its data folder keeps the number it has, and another is refused [default: the data folder's number, else 1]",
            HelpName = "N",
        }, 1, ClassroomExercise.MostTables);
        var data = new Option<string?>("--data")
        {
            Description = "The classroom's data folder: its codes, its tables when its own redis-server keeps them, and with --public and no --certificate its own certificate; started again with the same folder, it finds every table, with the same codes and fingerprint [default: summits/classroom/EXERCISE in the user's local application data, ~/.local/share on Linux]",
            HelpName = "FOLDER",
        };
        var cluster = CommonOptions.Cluster("The Redis server of a Summits cluster that keeps the tables, so that a restart finds them; without it, a redis-server of the classroom's own keeps them when one is installed, else memory [default: Summits:Cluster]");
        var clusterId = CommonOptions.ClusterId();
        var command = new Command("classroom", "Play an exercise in the browser: teams join tables with join codes, each team a country at its own table, and the facilitator sees every table and injects shocks. Served on 127.0.0.1 only, over plain HTTP, unless --public serves other computers over HTTPS. The tables are kept in Redis (a cluster's with --cluster, else a redis-server the classroom starts itself when one is installed), so that it finds them again when started with the same data folder; without either they are kept in memory and lost when it stops (Ctrl-C).")
        {
            file, port, tables, data, cluster, clusterId,
        };
        var listening = new ClassroomListening();
        listening.AddTo(command);
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(file)!, folder => listening.Endpoint(parse, parse.GetValue(port), folder), parse.GetValue(tables) ?? 1,
            parse.GetValue(tables) is not null, parse.GetValue(data), parse.GetValue(cluster), parse.GetValue(clusterId), Environment.GetEnvironmentVariable("PATH"),
            Console.Out, cancellation));
        return command;
    }

    /// <summary>
    /// Starts the classroom on 127.0.0.1 at <paramref name="port"/>, over plain HTTP, as
    /// <see cref="RunAsync(string, Func{string, ClassroomEndpoint}, int, bool, string?, ClusterAddress?, string?, string?, TextWriter, CancellationToken)"/>.
    /// </summary>
    public static Task<int> RunAsync(string file, int port, int tables, bool tablesGiven, string? data, ClusterAddress? cluster, string? clusterId, string? path,
        TextWriter output, CancellationToken cancellation) =>
        RunAsync(file, _ => ClassroomEndpoint.Loopback(port), tables, tablesGiven, data, cluster, clusterId, path, output, cancellation);

    /// <summary>
    /// Starts the classroom where <paramref name="listen"/> says, prints where it is and its codes, (over HTTPS) its
    /// certificate's fingerprint and where its tables are kept, serves it until <paramref name="cancellation"/>, and
    /// says it has stopped once every page's connection is closed and the classroom is gone.
    /// </summary>
    /// <param name="listen">
    /// Where and how to listen, given the data folder (where the classroom's own certificate is kept), read once the
    /// exercise is: a certificate it cannot use is one line on standard error and exit code 2.
    /// </param>
    /// <param name="tablesGiven">Whether <c>--tables</c> was given: a classroom found in the data folder must then have as many.</param>
    /// <param name="data">The data folder; null for <see cref="ClassroomStorage.DefaultFolder"/>.</param>
    /// <param name="cluster">The cluster whose Redis server keeps the tables; null for <c>Summits:Cluster</c>, if any.</param>
    /// <param name="clusterId">The cluster's id; null for <c>Summits:ClusterId</c>, else the default.</param>
    /// <param name="path">The folders searched for <c>redis-server</c> when there is no cluster, as <c>PATH</c> lists them; null or empty for none.</param>
    /// <returns>
    /// 0 once stopped; 2 for an exercise file, a certificate or a data folder that is wrong, said in one line beginning
    /// <c>summits classroom: error:</c>; 3 when the port is taken. A start refused, with a code or an exception, leaves
    /// the data folder as it found it (<see cref="DataFolderStart"/>): a folder it made is gone.
    /// </returns>
    /// <exception cref="ClusterException">The cluster's Redis server does not answer (exit code 3).</exception>
    /// <exception cref="IOException">The data folder is another classroom's now, or the classroom's own redis-server did not start (exit code 3).</exception>
    public static async Task<int> RunAsync(string file, Func<string, ClassroomEndpoint> listen, int tables, bool tablesGiven, string? data, ClusterAddress? cluster,
        string? clusterId, string? path, TextWriter output, CancellationToken cancellation)
    {
        Exercise exercise;
        try
        {
            exercise = ExerciseFile.Load(InputPath.Resolve(file));
        }
        catch (InputException e)
        {
            // The file's place and problem, as the classroom's every other line, after the command's name.
            await Console.Error.WriteLineAsync(UsageError.Line(ClassroomServer.Command, e.Message));
            return ExitCodes.BadInput;
        }
        var settings = SummitsSettings.Read(SummitsSettings.Configuration(Directory.GetCurrentDirectory()), cluster: cluster, clusterId: clusterId);
        if (CommonOptions.ClusterIdWithoutCluster(clusterId, settings) is { } lone)
            return UsageError.Write(ClassroomServer.Command, lone);
        var folder = data ?? ClassroomStorage.DefaultFolder(exercise.Id);
        var countries = exercise.Roles.Select(r => r.Actor).ToList();
        var redisProgram = settings.Cluster is null ? RedisProcess.Find(path) : null;
        // A start that is refused, however far it got, takes back what it made in the data folder.
        var before = DataFolderStart.Before(folder);
        int exit;
        try
        {
            exit = await OpenAndServeAsync(exercise, listen, tables, tablesGiven, settings, folder, countries, redisProgram, output, cancellation);
        }
        catch
        {
            before.Undo();
            throw;
        }
        if (exit != ExitCodes.Ok)
            before.Undo();
        return exit;
    }

    private static async Task<int> OpenAndServeAsync(Exercise exercise, Func<string, ClassroomEndpoint> listen, int tables, bool tablesGiven, SummitsSettings settings,
        string folder, List<string> countries, string? redisProgram, TextWriter output, CancellationToken cancellation)
    {
        ClassroomEndpoint endpoint;
        try
        {
            // A folder whose codes cannot be played is refused before the classroom makes its certificate there.
            if (settings.Cluster is not null || redisProgram is not null)
                ClassroomStorage.Check(exercise.Id, countries, folder, tables, tablesGiven);
            endpoint = listen(folder);
        }
        catch (ClassroomDataException e)
        {
            await Console.Error.WriteLineAsync(UsageError.Line(ClassroomServer.Command, e.Message));
            return ExitCodes.BadInput;
        }
        catch (CertificateException e)
        {
            await Console.Error.WriteLineAsync(UsageError.Line(ClassroomServer.Command, e.Message));
            return ExitCodes.BadInput;
        }
        ClassroomStorage storage;
        try
        {
            storage = await ClassroomStorage.OpenAsync(exercise.Id, countries, folder, tables, tablesGiven, settings.Cluster, settings.ClusterId, redisProgram, cancellation);
        }
        catch (ClassroomDataException e)
        {
            await Console.Error.WriteLineAsync(UsageError.Line(ClassroomServer.Command, e.Message));
            return ExitCodes.BadInput;
        }
        await using (storage)
            return await ServeAsync(exercise, endpoint, settings, storage, output, cancellation);
    }

    private static async Task<int> ServeAsync(Exercise exercise, ClassroomEndpoint endpoint, SummitsSettings settings, ClassroomStorage storage, TextWriter output,
        CancellationToken cancellation)
    {
        ClassroomServer server;
        try
        {
            server = await ClassroomServer.StartAsync(exercise, endpoint, storage.Tables, settings, Console.Error, storage, cancellation);
        }
        catch (Exception e) when (storage.StateStore is { } store && ClusterException.RedisFailed(e))
        {
            throw ClusterException.Unreachable(store, storage.ClusterId, e);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync(CannotListen(endpoint, e));
            return ExitCodes.RunFailed;
        }
        await using (server)
        {
            await output.WriteLineAsync(Started(exercise, server));
            if (endpoint.Certificate is { } certificate)
                await output.WriteLineAsync($"{ClassroomServer.Command}: {certificate.Said}");
            await output.WriteLineAsync($"{ClassroomServer.Command}: {storage.Kept}; Ctrl-C stops it");
            await output.FlushAsync(CancellationToken.None);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
            }
        }
        // Said once the pages' connections are closed and the silo has stopped; the classroom's own redis-server, if any,
        // stops next, with every change already on disk.
        await output.WriteLineAsync($"{ClassroomServer.Command}: {storage.Stopped}");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The line of a port that cannot be listened on, beginning <c>summits classroom: error:</c> as every refusal of the
    /// command does: the address and port once, then the system's reason (Kestrel's own message names the address again).
    /// </summary>
    public static string CannotListen(ClassroomEndpoint endpoint, IOException failure)
    {
        var where = endpoint.Address.Equals(System.Net.IPAddress.Any)
            ? string.Create(CultureInfo.InvariantCulture, $"port {endpoint.Port} of every address")
            : new System.Net.IPEndPoint(endpoint.Address, endpoint.Port).ToString();
        var reason = (failure.InnerException ?? failure).Message.TrimEnd('.');
        return UsageError.Line(ClassroomServer.Command, $"cannot listen on {where}: {reason}; choose another port with --port");
    }

    /// <summary>
    /// The line that says where the classroom is: the teams' page, the facilitator's page, the facilitator's code and
    /// each table's join code.
    /// </summary>
    public static string Started(Exercise exercise, ClassroomServer server)
    {
        var joins = string.Join(", ", server.Codes.Join.Select((code, k) => string.Create(CultureInfo.InvariantCulture, $"table {k + 1} {code}")));
        return $"{ClassroomServer.Command}: {exercise.Id} at {server.Address} for teams (join codes: {joins}); facilitator at {server.Facilitator} with the code {server.Codes.Facilitator}";
    }
}
