using System.CommandLine;
using System.Globalization;
using Summits.Classroom;
using Summits.Hosting;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary>
/// <c>summits classroom</c>: plays an exercise in the browser. Teams join a table with its join code and play one of
/// its two countries; the facilitator, with the facilitator's code, sees every table and injects the exercise's shocks.
/// It listens on 127.0.0.1 alone unless <c>--public</c> is given, and then over HTTPS alone (<see cref="ClassroomListening"/>);
/// it keeps everything in memory, and runs until Ctrl-C.
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
        var tables = OptionNumbers.Whole(new Option<int>("--tables")
        {
            Description = $"How many tables, each with a join code and a world of its own, played by two teams (1 to {ClassroomExercise.MostTables})",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        }, 1, ClassroomExercise.MostTables);
        var command = new Command("classroom", "Play an exercise in the browser: teams join tables with join codes, each team a country at its own table, and the facilitator sees every table and injects shocks. Served on 127.0.0.1 only, over plain HTTP, unless --public serves other computers over HTTPS; the tables are kept in memory and lost when it stops (Ctrl-C): they do not survive a restart.")
        {
            file, port, tables,
        };
        var listening = new ClassroomListening();
        listening.AddTo(command);
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(file)!, () => listening.Endpoint(parse, parse.GetValue(port)), parse.GetValue(tables), Console.Out, cancellation));
        return command;
    }

    /// <summary>Starts the classroom on 127.0.0.1 at <paramref name="port"/>, as <see cref="RunAsync(string, Func{ClassroomEndpoint}, int, TextWriter, CancellationToken)"/>.</summary>
    public static Task<int> RunAsync(string file, int port, int tables, TextWriter output, CancellationToken cancellation) =>
        RunAsync(file, () => ClassroomEndpoint.Loopback(port), tables, output, cancellation);

    /// <summary>
    /// Starts the classroom where <paramref name="listen"/> says, prints where it is and its codes (and, over HTTPS, its
    /// certificate's fingerprint), serves it until <paramref name="cancellation"/>, and says it has stopped once every
    /// page's connection is closed and the classroom is gone.
    /// </summary>
    /// <param name="listen">Where and how to listen, read once the exercise is: a certificate it cannot use is one line on standard error and exit code 2.</param>
    /// <returns>0 once stopped; 2 for an exercise file or a certificate that is wrong, said in one line beginning <c>summits classroom: error:</c>; 3 when the port is taken.</returns>
    public static async Task<int> RunAsync(string file, Func<ClassroomEndpoint> listen, int tables, TextWriter output, CancellationToken cancellation)
    {
        Exercise exercise;
        try
        {
            exercise = ExerciseFile.Load(CommonOptions.Resolve(file));
        }
        catch (InputException e)
        {
            // The file's place and problem, as the classroom's every other line, after the command's name.
            await Console.Error.WriteLineAsync(UsageError.Line(ClassroomServer.Command, e.Message));
            return ExitCodes.BadInput;
        }
        var settings = SummitsSettings.Read(SummitsSettings.Configuration(Directory.GetCurrentDirectory()));
        ClassroomEndpoint endpoint;
        try
        {
            endpoint = listen();
        }
        catch (CertificateException e)
        {
            await Console.Error.WriteLineAsync(UsageError.Line(ClassroomServer.Command, e.Message));
            return ExitCodes.BadInput;
        }
        ClassroomServer server;
        try
        {
            server = await ClassroomServer.StartAsync(exercise, endpoint, tables, settings, Console.Error, cancellation);
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
            await output.WriteLineAsync($"{ClassroomServer.Command}: {ClassroomServer.KeptInMemory}; Ctrl-C stops it");
            await output.FlushAsync(CancellationToken.None);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
            }
        }
        // Said once the pages' connections are closed and the silo has stopped, just before the process ends.
        await output.WriteLineAsync($"{ClassroomServer.Command}: stopped; its tables are gone");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The line of a port that cannot be listened on: the address and port once, then the system's reason (Kestrel's
    /// own message names the address again).
    /// </summary>
    public static string CannotListen(ClassroomEndpoint endpoint, IOException failure)
    {
        var where = endpoint.Address.Equals(System.Net.IPAddress.Any)
            ? string.Create(CultureInfo.InvariantCulture, $"port {endpoint.Port} of every address")
            : new System.Net.IPEndPoint(endpoint.Address, endpoint.Port).ToString();
        var reason = (failure.InnerException ?? failure).Message.TrimEnd('.');
        return $"{ClassroomServer.Command}: cannot listen on {where}: {reason}; choose another port with --port";
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
