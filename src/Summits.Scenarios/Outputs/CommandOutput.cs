namespace Summits.Scenarios;

/// <summary>
/// One output that a command writes, as an option named it: a file (<c>--telemetry FILE</c>, <c>-o FILE</c>) or a set
/// of files in a folder (<c>-o DIR</c>, <c>--report DIR</c>), which <see cref="OutputOverInput.OverOutput"/> sets
/// against the command's other outputs.
/// </summary>
/// <param name="Option">The option as it was written on the command line: <c>-o</c>, <c>--report</c>, <c>--telemetry</c>.</param>
/// <param name="Path">The file or folder as the option gave it (with a fork's branch folder joined).</param>
/// <param name="Kind">For a folder, the kind of set written there; null for a file.</param>
public sealed record CommandOutput(string Option, string Path, OutputKind? Kind)
{
    /// <summary>
    /// For a folder, the files this command is known to write there: fewer than <see cref="Names"/> when what it runs
    /// decides (a bargaining run writes no spatial-model CSVs); null for all of <see cref="Names"/>.
    /// </summary>
    public IReadOnlyList<string>? Written { get; init; }

    /// <summary>The files this output writes for certain: <see cref="Written"/>, else <see cref="Names"/>.</summary>
    public IReadOnlyList<string> Writes => Written ?? Names;

    /// <summary>An output that is one file.</summary>
    public static CommandOutput File(string option, string path) => new(option, path, null);

    /// <summary>An output that is a set of files in a folder (<see cref="OutputSet"/>), of <paramref name="kind"/>.</summary>
    public static CommandOutput Folder(string option, string path, OutputKind kind) => new(option, path, kind);

    /// <summary>For a folder, every file name a set of its kind may hold; empty for a file.</summary>
    public IReadOnlyList<string> Names => Kind?.Names ?? [];

    /// <summary>True for a set of files in a folder, false for one file.</summary>
    public bool IsFolder => Kind is not null;

    /// <summary>The <see cref="Option"/> of <see cref="StandardOutput"/>.</summary>
    public const string StandardOutputName = "standard output";

    /// <summary>The <see cref="Option"/> of <see cref="StandardError"/>.</summary>
    public const string StandardErrorName = "standard error";

    /// <summary>
    /// Standard output as an output of its own when the shell sent it into a regular file (<c>&gt; X/agreements.csv</c>),
    /// named by the file's full path, so that what a command prints (<c>--format csv</c>, <c>--format json</c>) is set
    /// against the files it writes; null when it goes to a terminal or a pipe, or on a system other than Linux.
    /// </summary>
    public static CommandOutput? StandardOutput() => Stream(1, StandardOutputName);

    /// <summary>
    /// Standard error as an output of its own when the shell sent it into a regular file (<c>2&gt; X/state.json</c>),
    /// named by the file's full path, so that the lines a command says there (<c>wrote … to X</c>, warnings) are set
    /// against the files it writes; null when it goes to a terminal or a pipe, or on a system other than Linux.
    /// </summary>
    public static CommandOutput? StandardError() => Stream(2, StandardErrorName);

    /// <summary>Both standard streams that the shell sent into regular files (<see cref="StandardOutput"/>, <see cref="StandardError"/>), in that order.</summary>
    public static IEnumerable<CommandOutput?> StandardStreams() => [StandardOutput(), StandardError()];

    /// <summary>True for <see cref="StandardOutput"/> and <see cref="StandardError"/>, which may share one file (<c>&gt; log 2&gt;&amp;1</c>).</summary>
    internal bool IsStandardStream => Option is StandardOutputName or StandardErrorName;

    private static CommandOutput? Stream(int descriptor, string name)
    {
        var path = $"/proc/self/fd/{descriptor}";
        if (FileType.Of(path) != FileType.Regular)
            return null;
        try
        {
            return new FileInfo(path).LinkTarget is { } target ? File(name, target) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>What to do so that this file is not <paramref name="folder"/>'s: "name a --telemetry file outside 'X'".</summary>
    internal string Outside(string folder) =>
        IsStandardStream ? $"send {Option} to a file outside '{folder}'" : $"name a {Option} file outside '{folder}'";

    /// <summary>What to do so that this file is another: "name another --telemetry file".</summary>
    internal string Another => IsStandardStream ? $"send {Option} to another file" : $"name another {Option} file";
}
