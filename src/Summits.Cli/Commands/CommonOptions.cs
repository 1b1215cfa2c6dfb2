using System.CommandLine;

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
