namespace Summits.Scenarios;

/// <summary>
/// One output that a command writes, as an option named it: a file (<c>--telemetry FILE</c>, <c>-o FILE</c>) or a set
/// of files in a folder (<c>-o DIR</c>, <c>--report DIR</c>), which <see cref="OutputOverInput.OverOutput"/> sets
/// against the command's other outputs.
/// </summary>
/// <param name="Option">The option as it was written on the command line: <c>-o</c>, <c>--report</c>, <c>--telemetry</c>.</param>
/// <param name="Path">The file or folder as the option gave it (with a fork's branch folder joined).</param>
/// <param name="Names">For a folder, every file name a set of its kind may hold; empty for a file.</param>
public sealed record CommandOutput(string Option, string Path, IReadOnlyList<string> Names)
{
    /// <summary>An output that is one file.</summary>
    public static CommandOutput File(string option, string path) => new(option, path, []);

    /// <summary>An output that is a set of files in a folder (<see cref="OutputSet"/>), under <paramref name="names"/>.</summary>
    public static CommandOutput Folder(string option, string path, IReadOnlyList<string> names) => new(option, path, names);

    /// <summary>True for a set of files in a folder, false for one file.</summary>
    public bool IsFolder => Names.Count > 0;

    /// <summary>The <see cref="Option"/> of <see cref="StandardOutput"/>.</summary>
    public const string StandardOutputName = "standard output";

    /// <summary>
    /// Standard output as an output of its own when the shell sent it into a regular file (<c>&gt; X/agreements.csv</c>),
    /// named by the file's full path, so that what a command prints (<c>--format csv</c>, <c>--format json</c>) is set
    /// against the files it writes; null when it goes to a terminal or a pipe, or on a system other than Linux.
    /// </summary>
    public static CommandOutput? StandardOutput()
    {
        const string descriptor = "/proc/self/fd/1";
        if (FileType.Of(descriptor) != FileType.Regular)
            return null;
        try
        {
            return new FileInfo(descriptor).LinkTarget is { } target ? File(StandardOutputName, target) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>What to do so that this file is not <paramref name="folder"/>'s: "name a --telemetry file outside 'X'".</summary>
    internal string Outside(string folder) =>
        Option == StandardOutputName ? $"send standard output to a file outside '{folder}'" : $"name a {Option} file outside '{folder}'";

    /// <summary>What to do so that this file is another: "name another --telemetry file".</summary>
    internal string Another => Option == StandardOutputName ? "send standard output to another file" : $"name another {Option} file";
}
