using System.CommandLine;
using System.Text.Json;
using Summits.Cli.Hosting;
using Summits.Cli.Output;
using Summits.Grains;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits seed</c>: loads a world into grains, reads it back from them, and prints it.</summary>
public static class SeedCommand
{
    public static Command Create()
    {
        var world = CommonOptions.World();
        var json = CommonOptions.Json();
        var command = new Command("seed", "Load the seeded world into country and topic grains, read it back, and print every position with its quote, then the agreements")
        {
            world,
            json,
            SeedDraftCommand.Create(),
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(world)!, parse.GetValue(json), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string worldPath, bool json, CancellationToken cancellation)
    {
        Model.World loaded;
        try
        {
            loaded = WorldFile.Load(CommonOptions.Resolve(worldPath));
        }
        catch (InputException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadInput;
        }

        await using var silo = await EmbeddedSilo.StartAsync(cancellation);
        var grain = silo.Grains.GetGrain<IWorldGrain>(loaded.Id);
        await grain.Seed(loaded);
        var world = await grain.Snapshot();

        if (json)
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(world, SummitsJson.Options));
        else
            WorldReport.Write(Console.Out, world);
        return ExitCodes.Ok;
    }
}
