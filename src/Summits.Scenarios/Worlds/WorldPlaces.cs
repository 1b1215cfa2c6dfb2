using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// Where in a world file something stands, for a mistake found only after the whole file loaded (an actor
/// that a KTAB table or the spatial model needs on every topic but that holds no position on one).
/// </summary>
public static class WorldPlaces
{
    /// <summary>
    /// The place of the actor's <c>id</c> in the file's <c>actors</c> list; line 1, column 1 when the file
    /// does not list it (an actor a scenario added) or can no longer be read.
    /// </summary>
    public static FilePosition Actor(string path, string actorId)
    {
        try
        {
            var root = YamlDocument.LoadMapping(path, File.ReadAllText(path));
            if (root.Children.TryGetValue(new YamlScalarNode("actors"), out var actors) && actors is YamlSequenceNode list)
            {
                foreach (var entry in list.Children.OfType<YamlMappingNode>())
                {
                    if (entry.Children.TryGetValue(new YamlScalarNode("id"), out var id) && id is YamlScalarNode { Value: var value } && value == actorId)
                        return YamlDocument.At(path, id);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InputException)
        {
            // The file loaded a moment ago; if it cannot be read again, the error still names it.
        }
        return new FilePosition(path, 1, 1);
    }

    /// <summary>The first actor, in the world's order, that holds no position on some topic (the first such topic); null when every actor holds one on every topic.</summary>
    public static (string Actor, string Topic)? FirstMissingPosition(World world)
    {
        var held = world.Positions.Select(p => (p.Actor, p.Topic)).ToHashSet();
        foreach (var actor in world.Actors)
        {
            foreach (var topic in world.Topics)
            {
                if (!held.Contains((actor.Id, topic.Id)))
                    return (actor.Id, topic.Id);
            }
        }
        return null;
    }

    /// <summary>
    /// Refuses a world in which some actor holds no position on some topic, at that actor's entry in the
    /// file: "<c>CN holds no position on north-korea; </c>" then <paramref name="need"/>.
    /// </summary>
    /// <exception cref="InputException">Some actor holds no position on some topic.</exception>
    public static void RequireEveryPosition(string path, World world, string need)
    {
        if (FirstMissingPosition(world) is var (actor, topic))
            throw new InputException(Actor(path, actor), $"{actor} holds no position on {topic}; {need}");
    }
}
