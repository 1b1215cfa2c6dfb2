using System.CommandLine;
using System.Globalization;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary>Options that several commands share.</summary>
public static class CommonOptions
{
    public const string DefaultWorld = "scenarios/summits/2017-11-06-abe-trump.yaml";

    public static Option<string> World() => new("--world", "-w")
    {
        Description = "The world file to load",
        HelpName = "FILE",
        DefaultValueFactory = _ => DefaultWorld,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON document instead of text",
    };

    public static Option<string?> Report() => new("--report")
    {
        Description = "Write report.html (charts, no network needed), report.md and CSVs into this folder",
        HelpName = "DIR",
    };

    public static Option<Engine> Engine() => new("--engine")
    {
        Description = "Where countries and topics live: grains (an embedded Orleans silo) or local (the pure model, no Orleans)",
        DefaultValueFactory = _ => Scenarios.Engine.Grains,
    };

    public static Option<string?> Branch() => new("--branch")
    {
        Description = "For a scenario that forks: the branch to run (or name the file FILE#BRANCH)",
        HelpName = "NAME",
    };

    /// <summary>Reads a --seed value; writes the one-line error and returns false when it is not a whole number.</summary>
    public static bool TryParseSeed(string command, string? text, out ulong? seed)
    {
        seed = null;
        if (text is null)
            return true;
        if (ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            seed = parsed;
            return true;
        }
        Console.Error.WriteLine($"{command}: --seed must be a whole number from 0 to {ulong.MaxValue}, not '{text}'");
        return false;
    }

    /// <summary>
    /// Finds a file named relative to the working directory or, failing that, to the installed
    /// program, which carries the shipped scenarios beside it.
    /// </summary>
    public static string Resolve(string path)
    {
        if (File.Exists(path) || Path.IsPathRooted(path))
            return path;
        var beside = Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(beside) ? beside : path;
    }
}
