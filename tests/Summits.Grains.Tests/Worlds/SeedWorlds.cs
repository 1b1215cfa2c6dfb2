using System.Text.Json;
using Summits.Model;
using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>The real seed world under ids no other test uses, and a deep comparison of two worlds.</summary>
internal static class SeedWorlds
{
    private const string SeedId = "world: abe-trump-2017-11-06";

    private static readonly string Text = File.ReadAllText(SeedFiles.World);

    private static readonly string PathBeside = Path.Combine(Path.GetDirectoryName(SeedFiles.World)!, "grain-test.yaml");

    /// <summary>The seed as loaded from its file, with a fresh world id.</summary>
    public static World Fresh() => Parse(Text);

    /// <summary>The seed with one edit, with a fresh world id.</summary>
    public static World Edited(string old, string replacement)
    {
        Assert.Equal(1, Text.Split(old).Length - 1);
        return Parse(Text.Replace(old, replacement, StringComparison.Ordinal));
    }

    /// <summary>
    /// Another world of <paramref name="world"/>'s id, title, actors and topics: every position at 1 (a point range), so
    /// that only its positions tell it apart.
    /// </summary>
    public static World EveryPositionAtOne(World world) =>
        world with { Positions = [.. world.Positions.Select(p => p with { Value = new ScaleValue(1), ValueRange = Interval.Point(1) })] };

    public static string Json(object value) => JsonSerializer.Serialize(value, SummitsJson.Options);

    /// <summary>
    /// Compares every value, quote and source location, in order; agreements by id. The world's own fields are compared
    /// as the whole world's JSON with its collections left empty, so that a field added to <see cref="World"/> is
    /// compared without being named here.
    /// </summary>
    public static void AssertSame(World expected, World actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(WorldLevel(expected), WorldLevel(actual));
        Assert.Equal(expected.Actors.Select(Json), actual.Actors.Select(Json));
        Assert.Equal(expected.Topics.Select(Json), actual.Topics.Select(Json));
        Assert.Equal(expected.Positions.Select(Json), actual.Positions.Select(Json));
        Assert.Equal(expected.Agreements.OrderBy(a => a.Id, StringComparer.Ordinal).Select(Json),
            actual.Agreements.OrderBy(a => a.Id, StringComparer.Ordinal).Select(Json));
    }

    /// <summary><paramref name="world"/>'s JSON without its actors, topics, positions and agreements: its own fields alone.</summary>
    private static string WorldLevel(World world) => Json(world with { Actors = [], Topics = [], Positions = [], Agreements = [] });

    private static World Parse(string text)
    {
        var id = $"grain-test-{Guid.NewGuid():N}";
        Assert.Equal(1, text.Split(SeedId).Length - 1);
        return WorldFile.Parse(PathBeside, text.Replace(SeedId, $"world: {id}", StringComparison.Ordinal));
    }
}
