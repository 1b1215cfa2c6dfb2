using Summits.Model;

namespace Summits.Cli.Commands;

/// <summary>
/// What a command writes into the one file an option names (<c>import ktab -o FILE</c>: a world file), by which a name
/// whose extension says another kind of file is refused before anything is written: a world written into
/// <c>x.csv</c> would be taken for a KTAB table by its name, and a table written into <c>y.yaml</c> for a world.
/// </summary>
/// <param name="What">What is written, with its article: "a world file".</param>
/// <param name="Format">The file's format, as its extension says it: "YAML".</param>
/// <param name="Extensions">The extensions its name may end in, lower case with their dot, the usual one first.</param>
public sealed record WrittenFile(string What, string Format, IReadOnlyList<string> Extensions)
{
    /// <summary>A world file, as <c>import ktab</c> and <c>generate</c> write it.</summary>
    public static WrittenFile World { get; } = new("a world file", "YAML", [".yaml", ".yml"]);

    /// <summary><c>seed draft</c>'s draft: a world file to finish.</summary>
    public static WrittenFile Draft { get; } = new("a draft world file", "YAML", [".yaml", ".yml"]);

    /// <summary>A KTAB table, as <c>export ktab</c> writes it.</summary>
    public static WrittenFile KtabTable { get; } = new("a KTAB table", "CSV", [".csv"]);

    /// <summary>The telemetry <c>--telemetry FILE.jsonl</c> writes: OTLP/JSON, one export request a line.</summary>
    public static WrittenFile Telemetry { get; } = new("telemetry", "JSON Lines", [".jsonl"]);

    /// <summary>The extensions of the kinds of file Summits reads or writes, each of which says what its file holds.</summary>
    private static readonly string[] Telling = [".yaml", ".yml", ".csv", ".json", ".jsonl", ".txt", ".md", ".html"];

    /// <summary>
    /// Why <paramref name="path"/> cannot be the name of this file, in one sentence: its extension says another kind
    /// Summits reads or writes (<c>-o 'x.csv' ends in .csv, but the file written is a world file (YAML): name it .yaml
    /// or .yml, such as 'x.yaml'</c>). Null for a name with this kind's extension, with none, or with one that says no
    /// kind (<c>world.v2</c>).
    /// </summary>
    /// <param name="option">The option as it was written on the command line: <c>-o</c>, <c>--output</c>.</param>
    public string? Refusal(string option, string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!Telling.Contains(extension) || Extensions.Contains(extension))
            return null;
        return $"{option} '{path}' ends in {extension}, but the file written is {What} ({Format}): name it {Listed.Or(Extensions)}, such as '{Path.ChangeExtension(path, Extensions[0])}'";
    }
}
