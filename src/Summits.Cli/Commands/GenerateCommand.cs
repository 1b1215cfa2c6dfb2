using System.CommandLine;
using Summits.Cli.Output;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits generate</c>: a synthetic world, the same for the same seed.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var actors = OptionNumbers.Whole(new Option<int>("--actors") { Description = $"Number of actors, {WorldGenerator.MinActors} to {WorldGenerator.MaxActors}", Required = true, HelpName = "N" }, WorldGenerator.MinActors, WorldGenerator.MaxActors);
        var topics = OptionNumbers.Whole(new Option<int>("--topics") { Description = $"Number of topics, {WorldGenerator.MinTopics} to {WorldGenerator.MaxTopics}", Required = true, HelpName = "M" }, WorldGenerator.MinTopics, WorldGenerator.MaxTopics);
        // A seed of the same range as every other command's --seed (run, whatif): 0 to 2^64 − 1.
        var seed = CommonOptions.Seed($"The seed, 0 to {ulong.MaxValue}; the same seed gives the same world", "S");
        seed.Required = true;
        var output = WorldOutput.Out("world file", WrittenFile.World);
        var id = WorldOutput.Id();
        var quiet = WorldOutput.Quiet();
        var verbosity = CommonOptions.Verbosity();
        var command = new Command("generate", "Generate a synthetic world for scale tests and benchmarks: blocs of positions, skewed saliences, a few strong actors.")
        {
            actors,
            topics,
            seed,
            output,
            id,
            quiet,
            verbosity,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(actors), parse.GetValue(topics), CommonOptions.ReadSeed(parse.GetValue(seed))!.Value, parse.GetValue(output), CommonOptions.Written(parse, output), parse.GetValue(id),
            CommonOptions.ReadVerbosity(parse.GetValue(verbosity), parse.GetValue(quiet)), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(int actors, int topics, ulong seed, string? output, string outputOption, string? id, Verbosity verbosity, CancellationToken cancellation)
    {
        if (!await WorldOutput.CheckIdAsync("generate", id))
            return ExitCodes.BadInput;
        if (output is not null && WrittenFile.World.Refusal(outputOption, output) is { } misnamed)
            return UsageError.Write("summits generate", misnamed);
        var world = WorldGenerator.Generate(actors, topics, seed, id);
        return await WorldOutput.WriteAsync(writer => WorldWriter.Write(writer, world), output, WorldOutput.Summary(world), verbosity, cancellation);
    }
}
