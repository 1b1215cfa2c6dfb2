using System.Globalization;

namespace Summits.Cli.Tests;

/// <summary>
/// A format-2 world of a few actors on one topic <c>t</c>, every position synthetic at salience 0.5, for the
/// run tests that need a small table of several parties.
/// </summary>
internal static class OneTopicWorld
{
    /// <summary>One actor: its id (also its name), capability (0..1), position on t (0..100) and, if given, strategy.</summary>
    public readonly record struct Party(string Id, double Capability, double Value, string? Strategy = null);

    /// <summary>Writes the world to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, string id, string title, params Party[] parties)
    {
        static string N(double x) => x.ToString(CultureInfo.InvariantCulture);
        var lines = new List<string> { "format: 2", $"world: {id}", $"title: {title}", "actors:" };
        lines.AddRange(parties.Select(p =>
            $"  - {{ id: {p.Id}, name: {p.Id}, capability: {N(p.Capability)}{(p.Strategy is null ? "" : $", strategy: {p.Strategy}")} }}"));
        lines.Add("topics:");
        lines.Add("  - { id: t, title: T, scale: { low: l, middle: m, high: h } }");
        lines.Add("positions:");
        lines.AddRange(parties.Select(p => $"  - {{ actor: {p.Id}, topic: t, value: {N(p.Value)}, salience: 0.5, kind: synthetic, why: test }}"));
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }
}
