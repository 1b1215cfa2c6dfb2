using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// Refuses a draft world (one marked <c>draft: true</c>, or with positions whose numbers are still
/// missing) and names every number and scale the author has yet to fill in, in one line.
/// </summary>
public static class DraftCheck
{
    public const string Key = "draft";

    public static void Refuse(MappingReader root)
    {
        var marked = false;
        if (root.Optional(Key) is { } flag)
        {
            var text = root.Scalar(flag, Key, "true or false");
            marked = text switch
            {
                "true" => true,
                "false" => false,
                _ => throw root.Fail(flag, $"'{Key}' must be true or false, not '{text}'"),
            };
        }

        var positions = Items(root, "positions");
        var positionGap = positions.Any(p => !HasKey(p, "value") || !HasKey(p, "salience"));
        if (!marked && !positionGap)
            return;
        // A misspelt key ('salince') leaves its entry looking unfilled: each reader refuses such a key at its place.
        foreach (var (key, described, keys) in new[] { ("actors", "an actor", WorldFile.ActorKeys), ("topics", "a topic", WorldFile.TopicKeys), ("positions", "a position", WorldFile.PositionKeys) })
        {
            foreach (var item in Items(root, key))
                MappingReader.Check(root.File, item, described, keys);
        }

        var missing = new List<(YamlNode Node, string What)>();
        foreach (var actor in Items(root, "actors"))
        {
            if (!HasKey(actor, "capability"))
                missing.Add((actor, $"{Text(actor, "id")} capability"));
        }
        foreach (var topic in Items(root, "topics"))
        {
            if (!HasKey(topic, "scale"))
                missing.Add((topic, $"{Text(topic, "id")} scale"));
        }
        foreach (var position in positions)
        {
            var name = $"{Text(position, "actor")} {Text(position, "topic")}";
            if (!HasKey(position, "value"))
                missing.Add((position, $"{name} value"));
            if (!HasKey(position, "salience"))
                missing.Add((position, $"{name} salience"));
        }

        if (missing.Count == 0)
            throw root.Fail(root.Required(Key), "this world is still marked 'draft: true' although every number is filled in; remove that line to use it");
        var list = Listed.And(missing.Select(m => $"{m.What} (line {m.Node.Start.Line})"));
        var things = missing.Count == 1 ? "entry" : "entries";
        throw root.Fail(missing[0].Node,
            $"draft world: {missing.Count} {things} still to fill in: {list}; fill in each one{(marked ? ", then remove 'draft: true'" : "")}");
    }

    private static IReadOnlyList<YamlMappingNode> Items(MappingReader root, string key)
    {
        var found = root.Node.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: var name } && name == key).Value;
        return found is YamlSequenceNode sequence ? [.. sequence.Children.OfType<YamlMappingNode>()] : [];
    }

    private static bool HasKey(YamlMappingNode node, string key) =>
        node.Children.Any(p => p.Key is YamlScalarNode { Value: var name } && name == key);

    private static string Text(YamlMappingNode node, string key) =>
        node.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: var name } && name == key).Value is YamlScalarNode { Value: { } value }
            ? value
            : "?";
}
