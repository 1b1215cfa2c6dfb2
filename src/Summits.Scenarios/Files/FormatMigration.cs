using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// Rewrites a world or scenario file from format 1 to format 2 (<c>summits migrate</c>), editing the text
/// in place so that its comments, order and layout stay as they were: it adds <c>format: 2</c>, records the
/// verb of each quoted agreement from its sentence, and renames what format 2 calls otherwise ('risk' is
/// 'curvature', the strategy 'tit-for-tat' is 'relative-tit-for-tat').
/// </summary>
public static partial class FormatMigration
{
    /// <summary>The keys that tell a world file (world and actors) from a scenario file, and the format key both carry.</summary>
    public static readonly IReadOnlyList<string> ProbedKeys = [FileFormat.Key, "world", "actors", "scenario"];

    /// <summary>One change the migration makes, with the line it makes it on (in the file as it was).</summary>
    public sealed record Change(int Line, string What);

    /// <summary>
    /// A file migrated: its new text and what changed (no changes, and the text as it was, when the file is already
    /// format 2), with the edits that made the one from the other, so that a place in the new text can be told as the
    /// place in the file on disk (<see cref="OnDisk"/>).
    /// </summary>
    /// <param name="Text">The migrated text.</param>
    /// <param name="Changes">What changed, by line of the file as it was, in line order.</param>
    public sealed record Migration(string Text, IReadOnlyList<Change> Changes)
    {
        internal string Original { get; init; } = Text;

        /// <summary>The edits as applied: offset in <see cref="Original"/> (UTF-16 units), units removed there, text inserted.</summary>
        internal IReadOnlyList<(int Offset, int Remove, string Insert)> Edits { get; init; } = [];

        /// <summary>
        /// The place in the file as it was on disk of <paramref name="place"/>, a place in the migrated text: every
        /// added line and every renamed key shifts what follows it, and a reader opens the file on disk. A place inside
        /// text the migration added or replaced is the place of that edit. Places in other files are returned as they are.
        /// </summary>
        public FilePosition OnDisk(FilePosition place, string path)
        {
            if (Edits.Count == 0 || place.File != path || Offset(Text, place.Line, place.Column) is not { } offset)
                return place;
            var delta = 0;
            var original = -1;
            foreach (var (at, remove, insert) in Edits.OrderBy(e => e.Offset))
            {
                if (offset < at + delta)
                    break;
                if (offset < at + delta + insert.Length)
                {
                    original = at;
                    break;
                }
                delta += insert.Length - remove;
            }
            if (original < 0)
                original = offset - delta;
            var (line, column) = Place(Original, original);
            return place with { Line = line, Column = column };
        }

        /// <summary>
        /// Loads the migrated text as what it is, so that a migration never writes a file that does not load; a mistake
        /// it finds is refused at its place in the file on disk (<see cref="OnDisk"/>), and the lines of this file its
        /// problem names ("(line N)", "first at line N, column M") are the file's on disk too.
        /// </summary>
        /// <exception cref="InputException">The migrated file still has a mistake the migration cannot mend.</exception>
        public void Check(string path)
        {
            try
            {
                FormatMigration.Check(path, Text);
            }
            catch (InputException e) when (e.Position.File == path && Edits.Count > 0)
            {
                var problem = SameFileLine().Replace(e.Problem, m =>
                {
                    var line = int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture);
                    var column = m.Groups["column"].Success ? int.Parse(m.Groups["column"].Value, CultureInfo.InvariantCulture) : 1;
                    var moved = OnDisk(new FilePosition(path, line, column), path);
                    return m.Groups["column"].Success
                        ? $"{m.Groups["before"].Value}{moved.Line}, column {moved.Column}"
                        : $"{m.Groups["before"].Value}{moved.Line})";
                });
                throw new InputException(OnDisk(e.Position, path), problem);
            }
        }
    }

    /// <summary>The places of a file in its own problems: "(line N)" and "first at line N, column M".</summary>
    [GeneratedRegex(@"(?<before>first at line )(?<line>\d+), column (?<column>\d+)|(?<before>\(line )(?<line>\d+)\)")]
    private static partial Regex SameFileLine();

    /// <summary>The UTF-16 offset in <paramref name="text"/> of a 1-based line and a column counted in characters (runes, as <see cref="CharacterColumns"/> counts); null when the text has no such line.</summary>
    private static int? Offset(string text, int line, int column)
    {
        var start = 0;
        for (var l = 1; l < line; l++)
        {
            var next = text.IndexOf('\n', start);
            if (next < 0)
                return null;
            start = next + 1;
        }
        var offset = start;
        for (var c = 1; c < column && offset < text.Length && text[offset] != '\n'; c++)
            offset += char.IsHighSurrogate(text[offset]) && offset + 1 < text.Length && char.IsLowSurrogate(text[offset + 1]) ? 2 : 1;
        return offset;
    }

    /// <summary>The 1-based line and the column counted in characters (runes) of a UTF-16 offset in <paramref name="text"/>.</summary>
    private static (int Line, int Column) Place(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var lineStart = text.LastIndexOf('\n', Math.Max(offset - 1, 0)) is var n && n >= 0 && n < offset ? n + 1 : 0;
        var line = 1 + text.AsSpan(0, lineStart).Count('\n');
        return (line, text[lineStart..offset].EnumerateRunes().Count() + 1);
    }

    /// <summary>The migrated text, what changed and how; the text unchanged and no changes when the file is already format 2.</summary>
    /// <exception cref="InputException">The file is not a world or scenario file, or a quoted sentence uses no verb.</exception>
    public static Migration Migrate(string path, string text)
    {
        var root = YamlDocument.LoadMapping(path, text);
        var reader = new MappingReader(path, root, "the file", ProbedKeys, checkKeys: false);
        var isWorld = reader.Has("world") && reader.Has("actors");
        if (!isWorld && !reader.Has("scenario"))
            throw new InputException(new FilePosition(path, 1, 1), "this is neither a world file (with 'world' and 'actors') nor a scenario file (with 'scenario'); nothing to migrate");
        if (FileFormat.Read(reader, isWorld ? "world" : "scenario") >= FileFormat.Current)
            return new Migration(text, []);

        var edits = new List<(int Offset, int Remove, string Insert, Change Change)>();
        var first = root.Children.First().Key;
        var firstLine = text.AsSpan(0, (int)first.Start.Index).LastIndexOfAny('\n', '\r') + 1;
        edits.Add((firstLine, 0, $"{FileFormat.Key}: {FileFormat.Current}\n", new Change((int)first.Start.Line, $"added '{FileFormat.Key}: {FileFormat.Current}'")));
        if (isWorld)
            AddVerbs(path, root, edits);
        Rename(root, edits);

        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var applied = edits.Select(e => (e.Offset, e.Remove, e.Insert.Replace("\n", newline, StringComparison.Ordinal))).ToArray();
        return new Migration(Apply(text, applied), [.. edits.Select(e => e.Change).OrderBy(c => c.Line)]) { Original = text, Edits = applied };
    }

    /// <summary>Each agreement that quotes the source gets the verb that governs its quote in its sentence (<see cref="Fidelity.Governing"/>), just before its quote.</summary>
    private static void AddVerbs(string path, YamlMappingNode root, List<(int, int, string, Change)> edits)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("agreements"), out var list) || list is not YamlSequenceNode agreements)
            return;
        if (!root.Children.TryGetValue(new YamlScalarNode("source"), out var sourceNode) || sourceNode is not YamlScalarNode { Value: { } sourceName })
            return;
        var sourcePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", sourceName);
        var source = SourceText.Load(sourcePath);
        foreach (var node in agreements.Children.OfType<YamlMappingNode>())
        {
            if (node.Children.ContainsKey(new YamlScalarNode("verb")))
                continue;
            var quoteKey = node.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == "quote");
            if (quoteKey is null || node.Children[quoteKey] is not YamlScalarNode { Value: { } quoteText } quoteValue)
                continue;
            var location = source.Find(quoteText)
                ?? throw new InputException(YamlDocument.At(path, quoteValue), $"this quote does not appear verbatim in {InputPath.Said(source.Path)}; fix it before migrating");
            var sentence = Fidelity.Sentence(source, new Quote(quoteText, location));
            var verb = Fidelity.Governing(sentence, quoteText)
                ?? throw new InputException(YamlDocument.At(path, quoteValue), $"its sentence uses none of 'agreed', 'confirmed' or 'will', so its verb cannot be read from it; add 'verb: agreed', 'confirmed' or 'intent' by hand: \"{sentence}\"");
            var line = (int)quoteKey.Start.Line;
            var column = (int)quoteKey.Start.Column;
            var name = KebabCase.Of(verb);
            var insert = node.Style == YamlDotNet.Core.Events.MappingStyle.Flow
                ? $"verb: {name}, "
                : $"verb: {name}\n{new string(' ', column - 1)}";
            edits.Add(((int)quoteKey.Start.Index, 0, insert, new Change(line, $"agreement '{Id(node)}': added 'verb: {name}' (its sentence: \"{sentence}\")")));
        }
    }

    /// <summary>
    /// The names format 2 changed: an actor's 'risk' is its 'curvature' (the model evaluates no lottery with
    /// it), and the strategy 'tit-for-tat' is 'relative-tit-for-tat' (format 2 adds the absolute form). They
    /// stand in a world's actors and positions, and in a scenario's actor and position overrides and the
    /// strategy choices of its 'vary' block.
    /// </summary>
    private static void Rename(YamlMappingNode root, List<(int, int, string, Change)> edits)
    {
        foreach (var node in Items(root, "actors").Concat(Items(root, "positions")))
        {
            var what = node.Children.ContainsKey(new YamlScalarNode("topic")) ? $"position '{Value(node, "actor")}/{Value(node, "topic")}'" : $"actor '{Id(node)}'";
            if (node.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == "risk") is { } risk)
                edits.Add(Replace(risk, "risk", "curvature", $"{what}: 'risk' renamed 'curvature'"));
            if (node.Children.TryGetValue(new YamlScalarNode("strategy"), out var strategy) && strategy is YamlScalarNode { Value: WorldFile.TitForTat } old)
                edits.Add(Replace(old, WorldFile.TitForTat, NewTitForTat, $"{what}: strategy '{WorldFile.TitForTat}' renamed '{NewTitForTat}'"));
        }
        foreach (var node in Items(root, "vary"))
        {
            if (!node.Children.ContainsKey(new YamlScalarNode("strategy"))
                || !node.Children.TryGetValue(new YamlScalarNode("choices"), out var choices) || choices is not YamlSequenceNode list)
                continue;
            foreach (var choice in list.Children.OfType<YamlScalarNode>().Where(c => c.Value == WorldFile.TitForTat))
                edits.Add(Replace(choice, WorldFile.TitForTat, NewTitForTat, $"vary strategy of '{Value(node, "strategy")}': choice '{WorldFile.TitForTat}' renamed '{NewTitForTat}'"));
        }
    }

    private static readonly string NewTitForTat = KebabCase.Of(Strategy.RelativeTitForTat);

    private static IEnumerable<YamlMappingNode> Items(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var list) && list is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlMappingNode>()
            : [];

    /// <summary>An edit that replaces the scalar <paramref name="node"/>'s text <paramref name="old"/> with <paramref name="replacement"/>, inside its quotes if it has them.</summary>
    private static (int, int, string, Change) Replace(YamlScalarNode node, string old, string replacement, string what)
    {
        var offset = (int)node.Start.Index + (node.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted ? 1 : 0);
        return (offset, old.Length, replacement, new Change((int)node.Start.Line, what));
    }

    private static string Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } ? text : "?";

    /// <summary>Loads migrated text as what it is; a mistake's place is that of the migrated text (<see cref="Migration.Check"/> tells it as the file's on disk).</summary>
    /// <exception cref="InputException">The migrated text still has a mistake the migration cannot mend.</exception>
    private static void Check(string path, string migrated)
    {
        var root = new MappingReader(path, YamlDocument.LoadMapping(path, migrated), "the file", ProbedKeys, checkKeys: false);
        if (root.Has("scenario"))
            ScenarioFile.Parse(path, migrated);
        else
            WorldFile.Parse(path, migrated);
    }

    private static string Id(YamlMappingNode node) => Value(node, "id");

    /// <summary>
    /// Applies the edits from the end of the text backwards, so each one's offset (in UTF-16 units from the start of the
    /// text, as a node's <c>Start.Index</c> counts) still holds.
    /// </summary>
    private static string Apply(string text, IEnumerable<(int Offset, int Remove, string Insert)> edits)
    {
        var result = new StringBuilder(text);
        foreach (var (offset, remove, insert) in edits.OrderByDescending(e => e.Offset))
            result.Remove(offset, remove).Insert(offset, insert);
        return result.ToString();
    }
}
