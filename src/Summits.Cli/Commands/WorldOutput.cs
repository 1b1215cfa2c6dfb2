using System.CommandLine;

using Summits.Cli.Output;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary>Where the commands that make a world put it: a file given with <c>--out</c>, or standard output.</summary>
public static class WorldOutput
{
    /// <summary>
    /// <c>-o|--output FILE</c>, with the older <c>--out</c>: the file to write <paramref name="what"/> into, whose name
    /// must not say another kind of file (<see cref="WrittenFile.Refusal"/>, checked by the command before it writes).
    /// </summary>
    /// <param name="what">What is written, with no article: "world file".</param>
    /// <param name="written">The kind of file written, whose extensions the help names.</param>
    public static Option<string?> Out(string what, WrittenFile written) => CommonOptions.WritableFile(new("--output", "-o", "--out")
    {
        Description = $"Write the {what} to this file ({Listed.Or(written.Extensions)}) instead of printing it",
        HelpName = "FILE",
    });

    public static Option<string?> Id() => new("--id")
    {
        Description = "The world's id (ASCII letters, digits, '-' or '_')",
        HelpName = "ID",
    };

    /// <summary>Whether the id is usable; when not, the one-line complaint has been written.</summary>
    public static async Task<bool> CheckIdAsync(string command, string? id)
    {
        if (id is null || Summits.Grains.WorldKey.IsId(id))
            return true;
        UsageError.Write($"summits {command}", $"--id must be {Summits.Grains.WorldKey.IdRule}, not '{id}'");
        await Console.Error.FlushAsync();
        return false;
    }

    /// <summary>
    /// <c>-q|--quiet</c> for the commands that write one file: the same option as every command's (<c>-v minimal</c>),
    /// described for what it leaves out here.
    /// </summary>
    public static Option<bool> Quiet() => CommonOptions.Quiet("Say only where the file went, without its counts (--verbosity minimal); -v quiet says nothing but errors");

    public static Task<int> WriteAsync(string text, string? path, string summary, Verbosity verbosity, CancellationToken cancellation) =>
        WriteAsync(output => output.Write(text), path, summary, verbosity, cancellation);

    /// <summary>
    /// Streams the text, so a large generated world is never held as one string; returns the exit code. With a file,
    /// says where it went on standard error, as every command says where its files went: <c>wrote FILE: summary</c> at normal and above, <c>wrote FILE</c> at
    /// minimal (<c>-q</c>), nothing at quiet. Without a file the text itself is the output, printed at every level.
    /// </summary>
    /// <param name="cancellation">Ctrl-C: a file cancelled before it took the target's place leaves the previous one (<see cref="OutputFile"/>).</param>
    public static async Task<int> WriteAsync(Action<TextWriter> write, string? path, string summary, Verbosity verbosity, CancellationToken cancellation)
    {
        if (path is null)
        {
            write(Console.Out);
            await Console.Out.FlushAsync();
            return ExitCodes.Ok;
        }
        OutputFile.Write(path, write, cancellation);
        if (verbosity >= Verbosity.Normal)
            await PathLines.ToErrorAsync($"wrote {path}: {summary}", path);
        else if (verbosity == Verbosity.Minimal)
            await PathLines.ToErrorAsync($"wrote {path}", path);
        return ExitCodes.Ok;
    }

    public static string Summary(World world) =>
        $"{Counted.Of(world.Actors.Length, "actor")}, {Counted.Of(world.Topics.Length, "topic")}, {Counted.Of(world.Positions.Length, "position")}";
}
