using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// A kind of YAML file Summits reads, known by the key at its top that names it (a scenario's <c>scenario</c>), with
/// the command that takes it: for the line that refuses a file of one kind named where another is expected,
/// <c>this is a world file, not a scenario file; summits run --world soe.yaml runs it</c>.
/// </summary>
/// <param name="Key">The key that names the kind at the top of its files.</param>
/// <param name="What">The kind with its article: "a world file".</param>
/// <param name="Use">What takes a file of the kind, with <c>{0}</c> for its path: "summits run --world {0} runs it".</param>
public sealed record FileKind(string Key, string What, string Use)
{
    /// <summary>A world file: its top names the world's id under <c>world</c> and lists its <c>actors</c>.</summary>
    public static FileKind World { get; } = new("world", "a world file", "summits run --world {0} runs it");

    /// <summary>A scenario file, named under <c>scenario</c>.</summary>
    public static FileKind Scenario { get; } = new("scenario", "a scenario file", "summits run {0} runs it");

    /// <summary>A record of what followed a summit, named under <c>record</c>.</summary>
    public static FileKind Record { get; } = new("record", "a record file", "summits record {0} prints it");

    /// <summary>A teaching exercise, named under <c>exercise</c>.</summary>
    public static FileKind Exercise { get; } = new("exercise", "an exercise file", "summits exercise {0} plays it");

    /// <summary>A player's answers to an exercise, which names it under <c>answers</c>.</summary>
    public static FileKind Answers { get; } = new("answers", "an answers file", "summits exercise EXERCISE --answers {0} grades it, EXERCISE being the exercise file it answers");

    /// <summary>The most telling first: an exercise names a world and a record too, and a scenario and a record name a world.</summary>
    private static readonly FileKind[] Known = [Exercise, Answers, Scenario, Record, World];

    /// <summary>The kind named by <paramref name="key"/>; null for a key that names none.</summary>
    public static FileKind? Keyed(string key) => Known.FirstOrDefault(k => k.Key == key);

    /// <summary>
    /// The kind of the file whose top is <paramref name="top"/>, by the first of the kinds' keys it holds, most telling
    /// first; a world, whose key the other kinds also hold to name their world, by <c>world</c> and <c>actors</c>
    /// without a scenario's <c>steps</c>. Null when it holds none.
    /// </summary>
    public static FileKind? Of(YamlMappingNode top)
    {
        var keys = top.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return Known.FirstOrDefault(k => keys.Contains(k.Key) && (k != World || (keys.Contains("actors") && !keys.Contains("steps"))));
    }

    /// <summary>What takes the file <paramref name="path"/> of this kind, its path said as typed (<see cref="InputPath.Said"/>) and written to run as it is: "summits run --world soe.yaml runs it".</summary>
    public string UseOf(string path) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Use, ShellWord.Of(InputPath.Said(path)));

    /// <summary>
    /// The line that refuses the file <paramref name="path"/>, of this kind, named where <paramref name="expected"/> is:
    /// <c>this is a world file, not a scenario file; summits run --world soe.yaml runs it</c>.
    /// </summary>
    public string NotA(FileKind expected, string path) => $"this is {What}, not {expected.What}; {UseOf(path)}";
}
