namespace Summits.Cli.Commands;

/// <summary>
/// What a file named on the command line is to be (<see cref="CommonOptions.InputFile"/>), for the line that refuses a
/// folder or a device named in its place: <c>'runs/a' is a folder, not a scenario file; the YAML files in it: …</c>.
/// </summary>
/// <param name="What">What the file is, with no article: "scenario file".</param>
/// <param name="Files">The kind of file listed from a folder named instead, singular, with no article: "YAML file".</param>
/// <param name="Extensions">The extensions of the files listed, lower case with their dot; empty for every file.</param>
public sealed record InputKind(string What, string Files, IReadOnlyCollection<string> Extensions)
{
    private static readonly string[] Yaml = [".yaml", ".yml"];

    /// <summary>
    /// The files of this kind that ship with Summits, which a missing argument of this kind lists, and a file named for
    /// it that is not there when its folder holds none of its kind or is not there either
    /// (<see cref="CommonOptions.Shipped(InputKind)"/>);
    /// null when none ship.
    /// </summary>
    public ShippedFiles? Shipped { get; init; }

    public static InputKind Scenario { get; } = new("scenario file", "YAML file", Yaml) { Shipped = new("scenario files", ["scenarios/what-if"]) };

    public static InputKind World { get; } = new("world file", "YAML file", Yaml) { Shipped = new("world files", ["scenarios/summits", "scenarios/worlds"]) };

    /// <summary>A side of <c>summits compare</c>: a scenario file, or the state.json that <c>summits run -o</c> writes.</summary>
    public static InputKind ScenarioOrState { get; } = new("scenario file or state.json", "YAML or JSON file", [.. Yaml, ".json"]) { Shipped = Scenario.Shipped };

    public static InputKind WorldOrScenario { get; } = new("world or scenario file", "YAML file", Yaml);

    public static InputKind Record { get; } = new("record file", "YAML file", Yaml) { Shipped = new("record files", ["scenarios/record"]) };

    public static InputKind Exercise { get; } = new("exercise file", "YAML file", Yaml) { Shipped = new("exercise files", ["scenarios/exercises"]) };

    public static InputKind Answers { get; } = new("answers file", "YAML file", Yaml);

    public static InputKind KtabTable { get; } = new("KTAB table", "CSV file", [".csv"]) { Shipped = new("KTAB tables", ["scenarios/worlds/ktab"]) };

    public static InputKind Telemetry { get; } = new("telemetry file", "JSONL file", [".jsonl"]);

    /// <summary>
    /// A readout: any text file, whatever its name. The shipped ones are the summit's briefing and the two leaders'
    /// readouts, not the notes on their sources beside them.
    /// </summary>
    public static InputKind Briefing { get; } = new("briefing file", "file", []) { Shipped = new("briefings", ["scenarios/sources", "scenarios/sources/readouts"], [".txt"]) };
}
