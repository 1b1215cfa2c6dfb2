using System.CommandLine;

using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary>Where the commands that make a world put it: a file given with <c>--out</c>, or standard output.</summary>
public static class WorldOutput
{
    public static Option<string?> Out(string what) => CommonOptions.WritableFile(new("--output", "-o", "--out")
    {
        Description = $"Write the {what} to this file instead of printing it",
        HelpName = "FILE",
    });

    public static Option<string?> Id() => new("--id")
    {
        Description = "The world's id (letters, digits, '-' or '_')",
        HelpName = "ID",
    };

    /// <summary>Whether the id is usable; when not, the one-line complaint has been written.</summary>
    public static async Task<bool> CheckIdAsync(string command, string? id)
    {
        if (id is null || Summits.Grains.GrainKeys.IsId(id))
            return true;
        UsageError.Write($"summits {command}", $"--id must be {Summits.Grains.GrainKeys.IdRule}, not '{id}'");
        await Console.Error.FlushAsync();
        return false;
    }

    public static Task<int> WriteAsync(string text, string? path, string summary, CancellationToken cancellation) =>
        WriteAsync(output => output.Write(text), path, summary, cancellation);

    /// <summary>Streams the text, so a large generated world is never held as one string; returns the exit code.</summary>
    /// <param name="cancellation">Ctrl-C: a file cancelled before it took the target's place leaves the previous one (<see cref="OutputFile"/>).</param>
    public static async Task<int> WriteAsync(Action<TextWriter> write, string? path, string summary, CancellationToken cancellation)
    {
        if (path is null)
        {
            write(Console.Out);
            await Console.Out.FlushAsync();
            return ExitCodes.Ok;
        }
        OutputFile.Write(path, write, cancellation);
        await Console.Out.WriteLineAsync($"wrote {path}: {summary}");
        return ExitCodes.Ok;
    }

    public static string Summary(World world) =>
        $"{Counted.Of(world.Actors.Length, "actor")}, {Counted.Of(world.Topics.Length, "topic")}, {Counted.Of(world.Positions.Length, "position")}";
}
