using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Summits.Cli.Hosting;
using Summits.Cli.Output;
using Summits.Grains;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits seed</c>: loads a world into grains, reads it back from them, and prints it.</summary>
public static partial class SeedCommand
{
    public const string LogCategory = "Summits.Seed";

    public static Command Create()
    {
        var world = CommonOptions.World();
        var format = CommonOptions.Format("How to print the world read back: table (every position with its quote, fitted to the terminal), csv (one row a position) or json (the whole world)");
        var output = CommonOptions.Output("Write world.json and positions.csv into this folder");
        var quiet = CommonOptions.Quiet("Print only the world's counts (--verbosity minimal)");
        var verbosity = CommonOptions.Verbosity();
        var command = new Command("seed", "Load the seeded world into country and topic grains, read it back, and print every position with its quote, then the agreements.")
        {
            world,
            format,
            output,
            quiet,
            verbosity,
            SeedDraftCommand.Create(),
        };
        var telemetry = TelemetryOptions.AddTo(command);
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(world)!, parse.GetValue(format)!, parse.GetValue(output), CommonOptions.Written(parse, output),
            CommonOptions.ReadVerbosity(parse.GetValue(verbosity), parse.GetValue(quiet)), telemetry.Read(parse), cancellation));
        return command;
    }

    /// <summary>The files of the set that <c>-o DIR</c> writes.</summary>
    private static readonly OutputKind OutputKind = new("seed", "summits seed -o", ["world.json", "positions.csv"]);

    private static async Task<int> RunAsync(string worldPath, string format, string? outDir, string outOption, Verbosity verbosity, TelemetrySettings telemetry, CancellationToken cancellation)
    {
        var resolved = InputPath.Resolve(worldPath);
        var loaded = WorldFile.Load(resolved);
        // No output takes the place of the world file or its source text.
        string[] inputs = [resolved, .. OutputOverInput.Source(resolved, loaded)];
        if (((outDir is null ? null : OutputOverInput.Folder(outOption, outDir, OutputKind.Names, inputs))
            ?? (telemetry.JsonlPath is { } telemetryFile ? OutputOverInput.File("--telemetry", telemetryFile, inputs, "telemetry") : null)) is { } overInput)
            return UsageError.Write("summits seed", overInput);
        // Nor does the telemetry file, or what it prints, take the place of the set's world.json or positions.csv, or of
        // the folder itself.
        if (OutputOverInput.OverOutput([outDir is null ? null : CommandOutput.Folder(outOption, outDir, OutputKind),
                telemetry.JsonlPath is { } telemetryPath ? CommandOutput.File("--telemetry", telemetryPath) : null, .. CommandOutput.StandardStreams()]) is { } overOutput)
            return UsageError.Write("summits seed", overOutput);
        // Named as another kind of file (run.csv, run.json), the telemetry would be taken for that kind by its name.
        if (telemetry.JsonlPath is { } named && WrittenFile.Telemetry.Refusal("--telemetry", named) is { } misnamed)
            return UsageError.Write("summits seed", misnamed);

        var silo = await EmbeddedSilo.StartAsync(telemetry, cancellation, command: "summits seed");
        Model.World world;
        try
        {
            world = await SeedAndReadBackAsync(silo.Grains, loaded, silo.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory), CommonOptions.Asking(silo.Asking, "summits seed", verbosity));
            cancellation.ThrowIfCancellationRequested();
            if (outDir is not null)
                OutputSet.Write(outDir, OutputKind, [("world.json", JsonSerializer.Serialize(world, SummitsJson.Options) + "\n"), ("positions.csv", WorldReport.PositionsCsv(world))], cancellation);
            // The seeding and its output finished whole: a --telemetry file now takes its target's place.
            silo.Finished = true;
        }
        finally
        {
            await silo.DisposeAsync();
            // Said on every way out, once the exporters have flushed what they could.
            if (silo.TelemetryEnd.Lines("summits seed") is { } notice)
                await TelemetryNotice.WriteAsync(notice);
        }

        var json = JsonSerializer.Serialize(world, SummitsJson.Options);
        if (format == "json")
            await Console.Out.WriteLineAsync(json);
        else if (format == "csv")
            CsvSections.Write(Console.Out, [("positions.csv", WorldReport.PositionsCsv(world))]);
        else if (verbosity == Verbosity.Minimal)
        {
            foreach (var line in TerminalWidth.Wrap(WorldReport.Counts(world), TerminalWidth.OfStandardOutput()))
                await Console.Out.WriteLineAsync(line);
        }
        else if (verbosity >= Verbosity.Normal)
            WorldReport.Write(Console.Out, world, TerminalWidth.OfStandardOutput());
        await Console.Out.FlushAsync();
        // Where the files went, after the results, as every command says it.
        if (outDir is not null && verbosity >= Verbosity.Minimal)
            await PathLines.ToErrorAsync($"wrote world.json and positions.csv to {outDir}", outDir);
        // A --telemetry file that could not be written is an output lost.
        return silo.TelemetryEnd.FileLost ? ExitCodes.RunFailed : ExitCodes.Ok;
    }

    /// <summary>
    /// Seeds a world into its grains and reads it back, inside one <c>summits.seed</c> span; a call that times out is
    /// asked again (<see cref="GrainAsking.Default"/> when <paramref name="asking"/> is null).
    /// </summary>
    /// <exception cref="GrainTimeoutException">When a call did not answer after every try.</exception>
    public static async Task<Model.World> SeedAndReadBackAsync(IGrainFactory grains, Model.World world, ILogger logger, GrainAsking? asking = null)
    {
        asking ??= GrainAsking.Default;
        using var span = SummitsTelemetry.StartSpan(SummitsTelemetry.SeedSpan, world.Id);
        var grain = grains.GetGrain<IWorldGrain>(WorldKey.Of(world.Id).Value);
        await asking.AskAsync("seeding", world.Id, () => grain.Seed(world));
        var seeded = await asking.AskAsync("the seeded state", world.Id, () => grain.Snapshot());
        LogSeeded(logger, seeded.Id, seeded.Actors.Length, seeded.Topics.Length, seeded.Positions.Length, seeded.Agreements.Length);
        return seeded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded world {World}: {Actors} actors, {Topics} topics, {Positions} positions, {Agreements} agreements")]
    private static partial void LogSeeded(ILogger logger, string world, int actors, int topics, int positions, int agreements);
}
